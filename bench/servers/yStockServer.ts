/**
 * The stock y-websocket server (@y/websocket-server 0.1.1) as the reference, started the way its
 * own bin (src/server.js) does, with the same ws 6.x, plus port 0 and a clean stop. Persistence: its LevelDB adapter (y-leveldb), set
 * through YPERSISTENCE before the server module loads. Prints {"event":"listening","url":...}.
 */
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { WebSocketServer as WebSocketServerType } from 'ws';

// The ws version the stock server ships with (its own dependency, 6.x), not the project's 8.x.
const requireFromStock = createRequire(createRequire(import.meta.url).resolve('@y/websocket-server/package.json'));
const { Server: WebSocketServer } = requireFromStock('ws') as { Server: typeof WebSocketServerType };

const persistenceDir = process.env.YPERSISTENCE;
const utils = await import('@y/websocket-server/utils');

const wss = new WebSocketServer({ noServer: true });
wss.on('connection', (ws, req) => utils.setupWSConnection(ws, req));
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('okay');
});
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(JSON.stringify({ event: 'listening', url: `http://127.0.0.1:${port}`, persistence: persistenceDir ? 'leveldb' : 'none' }) + '\n');
});

/** On SIGTERM, let LevelDB finish its queued writes (its transaction queue closes last). */
process.once('SIGTERM', () => {
  for (const client of wss.clients) client.terminate();
  server.close();
  const persistence = utils.getPersistence() as { provider?: { destroy(): Promise<void> } } | null;
  const done = persistence?.provider ? persistence.provider.destroy() : Promise.resolve();
  done.then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
