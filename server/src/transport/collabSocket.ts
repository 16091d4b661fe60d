/**
 * WebSocket upgrades on /collab/<documentId>. The upgrade is always accepted, then a refused
 * connection is closed with a 4xxx code and a readable reason (so the reason reaches the
 * client). Frames that arrive while the connection is being authorized are kept in order.
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { CLOSE_CODES, ENSEMBLE_CLIENT_PARAM } from '../../../shared/src/index';
import type { Logger } from '../log';
import type { ConnectionAccess } from '../sync/hooks';
import type { RoomManager } from '../sync/roomManager';

export type CollabAuthorization =
  | { ok: true; access: ConnectionAccess }
  | { ok: false; code: number; reason: string };

export interface CollabSocketOptions {
  rooms: RoomManager;
  /** Resolves the upgrade request (cookie or ?token=) to access to the document, or a refusal. */
  authorize(req: http.IncomingMessage, documentId: string, token: string | null): Promise<CollabAuthorization>;
  connectionsPerUser: number;
  maxMessageBytes: number;
  log: Logger;
}

const PATH = /^\/collab\/([A-Za-z0-9_-]{1,64})$/;
const HEARTBEAT_MS = 30_000;

export function attachCollabSockets(server: http.Server, options: CollabSocketOptions): WebSocketServer {
  // ws' own cap is far above the product limit so an oversized frame reaches our check (4413).
  const wss = new WebSocketServer({ noServer: true, maxPayload: Math.max(options.maxMessageBytes * 4, 16 * 1024 * 1024) });
  const perUser = new Map<string, number>();
  // Connections that vanish without a close (a phone leaving the Wi-Fi) are found by ping/pong,
  // so their presence disappears and their slot is freed.
  const alive = new WeakMap<WebSocket, boolean>();
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  wss.on('close', () => clearInterval(heartbeat));

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/collab/')) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const match = PATH.exec(url.pathname);
      if (!match) {
        closeWith(ws, CLOSE_CODES.notFound, 'No such document.');
        return;
      }
      void accept(ws, req, match[1] as string, url);
    });
  });

  async function accept(ws: WebSocket, req: http.IncomingMessage, documentId: string, url: URL): Promise<void> {
    const early: Uint8Array[] = [];
    let handlers: { receive(data: Uint8Array): void; closed(): void } | null = null;
    let closed = false;
    ws.binaryType = 'nodebuffer';
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    ws.on('message', (data: RawData, isBinary: boolean) => {
      const bytes = toBytes(data);
      if (!isBinary) {
        closeWith(ws, CLOSE_CODES.malformed, 'Malformed message: text frames are not part of the protocol.');
        return;
      }
      if (handlers) handlers.receive(bytes);
      else if (early.length < 64) early.push(bytes);
      else closeWith(ws, CLOSE_CODES.tooManyMessages, 'Too many messages before the connection was ready.');
    });
    ws.on('error', (error) => options.log.warn('ws_error', { documentId, error: error.message }));
    ws.on('close', (code: number) => {
      closed = true;
      handlers?.closed();
      options.log.info('ws_closed', { documentId, code });
    });

    const result = await options.authorize(req, documentId, url.searchParams.get('token'));
    if (closed) return;
    if (!result.ok) {
      closeWith(ws, result.code, result.reason);
      return;
    }
    const { memberId } = result.access;
    const count = perUser.get(memberId) ?? 0;
    if (count >= options.connectionsPerUser) {
      closeWith(ws, CLOSE_CODES.tooManyMessages, `Too many open connections for this person (limit ${options.connectionsPerUser}).`);
      return;
    }
    perUser.set(memberId, count + 1);
    ws.on('close', () => {
      const left = (perUser.get(memberId) ?? 1) - 1;
      if (left <= 0) perUser.delete(memberId);
      else perUser.set(memberId, left);
    });
    handlers = options.rooms.connect(
      documentId,
      {
        send: (data) => {
          if (ws.readyState === ws.OPEN) ws.send(data);
        },
        close: (code, reason) => closeWith(ws, code, reason),
        get bufferedAmount() {
          return ws.bufferedAmount;
        },
      },
      result.access,
      { ensembleClient: url.searchParams.get(ENSEMBLE_CLIENT_PARAM.name) === ENSEMBLE_CLIENT_PARAM.value },
    );
    options.log.info('ws_open', { documentId, memberId });
    for (const bytes of early) handlers.receive(bytes);
  }

  return wss;
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** A close reason is limited to 123 bytes by the WebSocket protocol. */
function closeWith(ws: WebSocket, code: number, reason: string): void {
  let text = reason;
  if (Buffer.byteLength(text) > 123) {
    while (Buffer.byteLength(text) > 120) text = text.slice(0, -1);
    text += '…';
  }
  ws.close(code, text);
}
