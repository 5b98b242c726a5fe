// Starts the form receiver from environment variables: `node origin/main.ts` (Node 24).
import type { AddressInfo } from 'node:net';
import { EnvError, readReceiverEnv, type ReceiverSettings } from './env.ts';
import { createReceiver } from './server.ts';

function main(): void {
  let settings: ReceiverSettings;
  try {
    settings = readReceiverEnv(process.env);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    process.stderr.write(`origin: ${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  const receiver = createReceiver(settings.config);
  receiver.server.listen(settings.port, settings.host, () => {
    const { address, port } = receiver.server.address() as AddressInfo;
    process.stdout.write(`origin: listening on http://${address.includes(':') ? `[${address}]` : address}:${port}\n`);
  });
  const stop = () => void receiver.close();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main();
