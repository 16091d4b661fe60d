/**
 * Builds a running Ensemble server from a config: storage, services, HTTP API, WebSocket
 * rooms. Used by main.ts and by integration tests (port 0, temporary data directory).
 */
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { CLOSE_CODES } from '../../shared/src/index';
import { AuthService } from './auth/authService';
import type { Config } from './config';
import { createLogger, type Logger } from './log';
import { SqliteStore, openSqliteDatabase } from './storage/sqlite/sqliteStore';
import type { Store } from './storage/store';
import type { SyncHooks } from './sync/hooks';
import { RoomManager } from './sync/roomManager';
import { attachCollabSockets } from './transport/collabSocket';
import { peopleRoutes } from './transport/peopleRoutes';
import { LiveAccess, collabAuthorizer } from './collab/collabAccess';
import { PeopleService } from './people/peopleService';
import { DecisionService } from './decisions/decisionService';
import { SqliteDecisionStore } from './storage/sqlite/decisionStore';
import { decisionRoutes } from './transport/decisionRoutes';
import { AttributionService } from './attribution/attributionService';
import { attributionRoutes } from './transport/attributionRoutes';
import { lifecycleRoutes } from './transport/lifecycleRoutes';
import { LifecycleService } from './documents/lifecycleService';
import { VersionService } from './documents/versionService';
import { RecoveryService } from './people/recoveryService';
import { SqliteLifecycleStore } from './storage/sqlite/lifecycleStore';
import { createRequestHandler } from './transport/httpServer';
import { contentRoutes } from './transport/contentRoutes';
import { ExportService } from './exports/exportService';
import { apiRoutes } from './transport/routes';
import { systemClock, type Clock } from './util/ids';
import { WorkspaceService } from './workspaces/workspaceService';

export const VERSION = '0.1.0';

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  rooms: RoomManager;
  close(): Promise<void>;
}

export interface ServerOverrides {
  clock?: Clock;
  log?: Logger;
  hooks?: SyncHooks;
}

export async function startServer(config: Config, overrides: ServerOverrides = {}): Promise<RunningServer> {
  const clock = overrides.clock ?? systemClock;
  const log = overrides.log ?? createLogger(config.logLevel);
  const db = openSqliteDatabase({ filename: path.join(config.dataDir, 'ensemble.sqlite'), durability: config.durability });
  const store = new SqliteStore(db);
  const auth = new AuthService(store, clock, config.limits);
  const lifecycleStore = new SqliteLifecycleStore(db);
  const workspaces = new WorkspaceService(store, clock, lifecycleStore);
  // Capabilities add their sync hooks to this object once they are built (see validateSuggestion).
  const hooks: SyncHooks = { ...overrides.hooks };
  const rooms = new RoomManager(store, hooks, config.limits, log, () => clock.now());
  const liveAccess = new LiveAccess(store, workspaces, rooms);
  const people = new PeopleService(store, clock, liveAccess, config.limits);
  const decisions = new DecisionService(store, new SqliteDecisionStore(db), workspaces, clock, (documentId, id) => rooms.notify(documentId, { kind: 'decisions', documentId, id }));
  const attribution = new AttributionService(store, workspaces, rooms);
  const lifecycle = new LifecycleService(store, lifecycleStore, workspaces, liveAccess, clock);
  const versions = new VersionService(store, lifecycleStore, workspaces, clock);
  const recovery = new RecoveryService(store, lifecycleStore, clock, config.limits);
  const baseUrl = (req: http.IncomingMessage): string =>
    config.publicUrl ? new URL(config.publicUrl).origin : `http://${req.headers.host ?? `${config.host}:${config.port}`}`;
  const documentExports = new ExportService(store, workspaces, clock);
  const secureCookies = config.publicUrl?.startsWith('https:') ?? false;

  const server = http.createServer();
  const allowedOrigins = (req: http.IncomingMessage): Set<string> => {
    const origins = new Set<string>();
    if (config.publicUrl) origins.add(new URL(config.publicUrl).origin);
    if (req.headers.host) {
      origins.add(`http://${req.headers.host}`);
      origins.add(`https://${req.headers.host}`);
    }
    return origins;
  };
  server.on(
    'request',
    createRequestHandler({
      routes: [
        ...attributionRoutes(attribution),
        ...lifecycleRoutes({ lifecycle, versions, recovery, auth, secureCookies, baseUrl }),
        ...contentRoutes({ exports: documentExports }),
        ...apiRoutes({
          auth,
          workspaces,
          store,
          version: VERSION,
          secureCookies,
          endSessionConnections: (sessionId) =>
            rooms.disconnect((_, access) => access.sessionId === sessionId, CLOSE_CODES.unauthenticated, 'You have signed out.'),
        }),
        ...peopleRoutes({
          auth,
          people,
          secureCookies,
          baseUrl,
          disconnectUser: (userId) =>
            rooms.disconnect((_, access) => access.memberId === userId, CLOSE_CODES.unauthenticated, 'You have signed out on every device.'),
        }),
        ...decisionRoutes({ decisions }),
      ],
      deps: { authenticate: (token) => auth.authenticate(token), allowedOrigins },
      clientDir: config.clientDir,
      maxBodyBytes: config.limits.maxHttpBodyBytes,
      trustProxy: config.trustProxy,
      log,
    }),
  );

  const wss = attachCollabSockets(server, {
    rooms,
    authorize: collabAuthorizer({ auth, workspaces, store, clock, allowedOrigins }),
    connectionsPerUser: config.limits.connectionsPerUser,
    maxMessageBytes: config.limits.maxMessageBytes,
    log,
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  log.info('listening', { url, dataDir: config.dataDir, durability: config.durability });

  // Documents left in the trash past the grace period are purged; checked every hour.
  const trashSweep = setInterval(() => {
    lifecycle.sweepTrash().then(
      (purged) => purged > 0 && log.info('trash_swept', { purged }),
      (error: unknown) => log.error('trash_sweep_failed', { error: String(error) }),
    );
  }, 60 * 60 * 1000);
  trashSweep.unref();

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      log.info('shutting_down', {});
      clearInterval(trashSweep);
      server.close();
      await rooms.shutdown(CLOSE_CODES.shuttingDown, 'The server is restarting. Reconnecting…');
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await store.close();
      log.info('stopped', {});
    })();
    return closing;
  };
  return { url, port, store, rooms, close };
}
