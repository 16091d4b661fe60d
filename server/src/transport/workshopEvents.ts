/**
 * `GET /api/workshops/:id/events`: the workshop's live channel as server-sent events (ADR 0006).
 * It needs the raw response, which the JSON route pipeline does not give, so it is handled in
 * front of it. Same rules as the pipeline: session from the Bearer header or the cookie,
 * members only ("not found" otherwise). Frames:
 *
 *   retry: 3000                      reconnect delay for EventSource
 *   event: ready / event: change     data: {"workshopId": "...", "revision": 12}
 *   : ping                           every heartbeat; the session and membership are re-checked
 *
 * A notice carries no content: the client refetches its own view over HTTP.
 */
import type http from 'node:http';
import type { WorkshopEvent } from '../../../shared/src/index';
import type { AuthService } from '../auth/authService';
import { AppError } from '../errors';
import type { Logger } from '../log';
import type { Store } from '../storage/store';
import { hashToken } from '../util/ids';
import type { WorkshopEventHub, WorkshopListener } from '../workshops/workshopEvents';
import type { WorkshopService } from '../workshops/workshopService';
import { sessionToken } from './httpPipeline';

const EVENTS_PATH = /^\/api\/workshops\/([^/]+)\/events\/?$/;

export interface WorkshopEventsDeps {
  auth: AuthService;
  store: Store;
  workshops: WorkshopService;
  hub: WorkshopEventHub;
  /** Live streams one person may hold at once (tabs, devices). */
  maxPerUser: number;
  heartbeatMs: number;
  now(): number;
  log: Logger;
}

type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** Serves the event streams and passes every other request to `next`. */
export function withWorkshopEvents(deps: WorkshopEventsDeps, next: RequestHandler): RequestHandler {
  return (req, res) => {
    const match = EVENTS_PATH.exec(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (!match) return next(req, res);
    openStream(deps, req, res, decodeURIComponent(match[1] ?? '')).catch((error: unknown) => {
      const appError = error instanceof AppError ? error : new AppError('internal', 'Something went wrong on the server. Try again.');
      if (!(error instanceof AppError)) deps.log.error('workshop_events_failed', { error: String(error) });
      if (res.headersSent) return void res.end();
      res.writeHead(appError.status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
      res.end(JSON.stringify({ error: { code: appError.code, message: appError.message } }));
    });
  };
}

async function openStream(deps: WorkshopEventsDeps, req: http.IncomingMessage, res: http.ServerResponse, workshopId: string): Promise<void> {
  if (req.method !== 'GET') throw new AppError('method_not_allowed', `Method ${req.method} is not allowed here.`);
  const credentials = sessionToken(req);
  const user = credentials ? await deps.auth.authenticate(credentials.token) : null;
  if (!user || !credentials) throw new AppError('unauthenticated', 'You are not signed in, or your session has ended. Sign in again.');
  const { workspaceId, revision } = await deps.workshops.follow(user.id, workshopId);
  if (deps.hub.countFor(user.id) >= deps.maxPerUser) throw new AppError('rate_limited', 'Too many live connections: close a few tabs and try again.');

  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    // Reverse proxies (nginx) would otherwise hold the notices back in their buffers.
    'X-Accel-Buffering': 'no',
    Connection: 'keep-alive',
  });
  res.flushHeaders();
  req.socket.setNoDelay(true);
  const frame = (event: string, data: WorkshopEvent) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  res.write('retry: 3000\n\n');
  frame('ready', { workshopId, revision });

  const sessionHash = hashToken(credentials.token);
  let closed = false;
  const listener: WorkshopListener = {
    workshopId,
    workspaceId,
    userId: user.id,
    sessionId: sessionHash,
    send: (event) => void (closed || frame('change', event)),
    close: () => finish(),
  };
  const remove = deps.hub.add(listener);
  const heartbeat = setInterval(() => {
    void stillAllowed(deps, sessionHash, workspaceId, user.id).then(
      (ok) => (ok ? void res.write(': ping\n\n') : finish()),
      () => finish(),
    );
  }, deps.heartbeatMs);
  heartbeat.unref();
  function finish(): void {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    remove();
    res.end();
  }
  req.on('close', finish);
  res.on('error', finish);
}

/** A stream lives only as long as its session and its holder's membership. */
async function stillAllowed(deps: WorkshopEventsDeps, sessionHash: string, workspaceId: string, userId: string): Promise<boolean> {
  const session = await deps.store.findSession(sessionHash);
  if (!session || session.expiresAt <= deps.now()) return false;
  return (await deps.store.getMembership(workspaceId, userId)) !== null;
}
