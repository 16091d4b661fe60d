/** Entry point: read the configuration, start the server, stop cleanly on SIGTERM / SIGINT. */
import fs from 'node:fs';
import { startServer } from './app';
import { loadConfig } from './config';

async function main(): Promise<void> {
  const config = loadConfig();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const server = await startServer(config);
  const stop = (signal: string): void => {
    process.stdout.write(JSON.stringify({ time: new Date().toISOString(), level: 'info', event: 'signal', signal }) + '\n');
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Ensemble could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
