/**
 * Hocuspocus (@hocuspocus/server) as the second reference, with its SQLite extension
 * (@hocuspocus/extension-sqlite) when HOCUSPOCUS_DB names a file. Defaults otherwise (store
 * debounced 2 s, max 10 s; per-turn flush of relays). Prints {"event":"listening","url":...}.
 */
import { Server } from '@hocuspocus/server';
import { SQLite } from '@hocuspocus/extension-sqlite';

const database = process.env.HOCUSPOCUS_DB;
const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
  stopOnSignals: true,
  extensions: database ? [new SQLite({ database })] : [],
});
await server.listen();
process.stdout.write(
  JSON.stringify({ event: 'listening', url: `http://127.0.0.1:${server.address.port}`, persistence: database ? 'sqlite' : 'none' }) + '\n',
);
