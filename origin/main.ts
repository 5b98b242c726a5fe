// Starts the form receiver from environment variables: `node origin/main.ts` (Node 24).
import type { AddressInfo } from 'node:net';
import { siteBaseOf } from './config.ts';
import { EnvError, readReceiverEnv, type ReceiverSettings } from './env.ts';
import { createReceiver } from './server.ts';
import { verifyRelay } from './smtp.ts';
import { loadPageTemplate } from './template.ts';

const verifyTimeoutMs = 20_000;

async function main(): Promise<void> {
  let settings: ReceiverSettings;
  try {
    settings = readReceiverEnv(process.env);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    return fail(error.message);
  }
  const { config } = settings;
  const relay = `${config.smtp.host}:${config.smtp.port}`;
  if (settings.verifySmtp) {
    const problem = await verifyRelay(config.smtp, [config.mailFrom, config.mailTo], verifyTimeoutMs);
    if (problem) return fail(`SMTP: ${problem}; SMTP_VERIFY=false skips this check`);
    process.stdout.write(`origin: SMTP relay ${relay} accepted the connection\n`);
  }
  const loaded = loadPageTemplate(settings.siteDir, siteBaseOf(config.siteUrl));
  if ('warning' in loaded) process.stderr.write(`origin: warning: ${loaded.warning}\n`);
  const receiver = createReceiver({ ...config, ...('template' in loaded ? { pageTemplate: loaded.template } : {}) });
  receiver.server.once('error', (error: NodeJS.ErrnoException) =>
    fail(`cannot listen on ${settings.host}:${settings.port} (${error.code ?? error.message})`),
  );
  receiver.server.listen(settings.port, settings.host, () => {
    const { address, port } = receiver.server.address() as AddressInfo;
    process.stdout.write(`origin: listening on http://${address.includes(':') ? `[${address}]` : address}:${port}\n`);
  });
  const stop = (signal: string) => {
    process.stdout.write(
      `origin: ${signal}: finishing posts in flight (at most ${config.requestDeadlineMs / 1000} s)\n`,
    );
    void receiver.close().then(() => process.stdout.write('origin: stopped\n'));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

function fail(message: string): void {
  process.stderr.write(`origin: ${message}\n`);
  process.exitCode = 2;
}

await main();
