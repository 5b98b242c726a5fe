import { type AddressInfo, createServer, type Socket } from 'node:net';

/**
 * How the relay misbehaves: `hang` accepts the connection and never speaks; `trickle-envelope` answers MAIL FROM with
 * endless `451-` continuation lines; `close-mid-data` hangs up on the message's first bytes; after the final ".",
 * `trickle-final` trickles too, `silent-final` says nothing and `close-final` hangs up.
 */
export type Fault = 'hang' | 'trickle-envelope' | 'close-mid-data' | 'trickle-final' | 'silent-final' | 'close-final';

/** A hand-scripted SMTP peer on loopback, for faults smtp-server cannot play. */
export interface ScriptedRelay {
  port: number;
  /** MAIL FROM commands seen. */
  attempts: number;
  /** Messages whose final "." arrived. */
  messages: number;
  close(): Promise<void>;
}

export async function startScriptedRelay(fault: Fault, trickleEveryMs = 100): Promise<ScriptedRelay> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const relay = { attempts: 0, messages: 0 };
  const trickle = (socket: Socket) => {
    const timer = setInterval(() => socket.writable && socket.write('451-still thinking\r\n'), trickleEveryMs);
    timers.add(timer);
  };
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (fault === 'hang') return;
    socket.write('220 relay.test ESMTP\r\n');
    let buffer = '';
    let inData = false;
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      while (true) {
        if (inData && fault === 'close-mid-data') return void socket.destroy();
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end === -1) return;
          buffer = buffer.slice(end + 5);
          inData = false;
          relay.messages += 1;
          if (fault === 'trickle-final') trickle(socket);
          if (fault === 'close-final') socket.destroy();
          continue;
        }
        const newline = buffer.indexOf('\r\n');
        if (newline === -1) return;
        const command = buffer.slice(0, newline).toUpperCase();
        buffer = buffer.slice(newline + 2);
        if (command.startsWith('EHLO')) socket.write('250-relay.test\r\n250 8BITMIME\r\n');
        else if (command.startsWith('MAIL FROM')) {
          relay.attempts += 1;
          if (fault === 'trickle-envelope') trickle(socket);
          else socket.write('250 ok\r\n');
        } else if (command.startsWith('RCPT TO')) socket.write('250 ok\r\n');
        else if (command === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (command === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(relay, {
    port: (server.address() as AddressInfo).port,
    close() {
      for (const timer of timers) clearInterval(timer);
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
