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
import { positionContributions } from './decisions/positionContributions';
import { coDrafting } from './comments/coDrafting';
import { commentRoutes } from './transport/commentRoutes';
import { reviewRoutes } from './transport/reviewRoutes';
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
// Privacy, data rights and operations (issue 12; docs/privacy.md, docs/operations.md).
import { DemoService } from './demo/demoService';
import { writeServerLock } from './ops/dataDirLock';
import { countAppends, meteredLogger, timedAppends } from './ops/instrument';
import { Metrics } from './ops/metrics';
import { AccessLogService } from './privacy/accessLog';
import { ErasureService } from './privacy/erasure';
import { MyDataService } from './privacy/myData';
import { RetentionService } from './privacy/retention';
import { SqlitePrivacyStore } from './storage/sqlite/privacyStore';
import { opsRoutes } from './transport/opsRoutes';
import { privacyRoutes, recordOpenings } from './transport/privacyRoutes';
// Workshops (issue 10; docs/adr/0006-workshop-live-channel.md).
import { SqliteWorkshopStore } from './storage/sqlite/workshopStore';
import { withWorkshopEvents } from './transport/workshopEvents';
import { workshopRoutes } from './transport/workshopRoutes';
import { ideaContributions } from './workshops/ideaContributions';
import { WorkshopEventHub, alsoClosingStreams } from './workshops/workshopEvents';
import { WorkshopService } from './workshops/workshopService';

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
  const metrics = new Metrics(VERSION, clock.now());
  const log = meteredLogger(overrides.log ?? createLogger(config.logLevel), metrics);
  const db = openSqliteDatabase({ filename: path.join(config.dataDir, 'ensemble.sqlite'), durability: config.durability });
  const store = new SqliteStore(db);
  const auth = new AuthService(store, clock, config.limits);
  const lifecycleStore = new SqliteLifecycleStore(db);
  const workspaces = new WorkspaceService(store, clock, lifecycleStore);
  // Capabilities add their sync hooks to this object once they are built (see validateSuggestion).
  const hooks: SyncHooks = { ...overrides.hooks };
  hooks.afterAppend = countAppends(metrics, hooks.afterAppend);
  const rooms = new RoomManager(timedAppends(store, metrics), hooks, config.limits, log, () => clock.now());
  const liveAccess = new LiveAccess(store, workspaces, rooms);
  const workshopEvents = new WorkshopEventHub();
  const people = new PeopleService(store, clock, alsoClosingStreams(liveAccess, workshopEvents), config.limits);
  const decisionStore = new SqliteDecisionStore(db);
  const decisions = new DecisionService(store, decisionStore, workspaces, clock, (documentId, id) => rooms.notify(documentId, { kind: 'decisions', documentId, id }));
  const attribution = new AttributionService(store, workspaces, rooms);
  const drafting = coDrafting({ db, store, workspaces, rooms, hooks, attribution, clock, log });
  const workshopStore = new SqliteWorkshopStore(db);
  const workshops = new WorkshopService(store, workshopStore, clock, (id, revision) => workshopEvents.notify(id, revision), {
    submit: (documentId, memberId, update) => rooms.submit(documentId, memberId, update),
    propose: (userId, documentId, request) => decisions.propose(userId, documentId, request),
  });
  attribution.addSource(ideaContributions(workshopStore));
  attribution.addSource(positionContributions(decisionStore));
  const notifyDocument = (documentId: string): void => void rooms.notify(documentId, { kind: 'document', documentId });
  const lifecycle = new LifecycleService(store, lifecycleStore, workspaces, liveAccess, clock, notifyDocument);
  const versions = new VersionService(store, lifecycleStore, workspaces, clock, notifyDocument);
  const recovery = new RecoveryService(store, lifecycleStore, clock, config.limits);
  const baseUrl = (req: http.IncomingMessage): string =>
    config.publicUrl ? new URL(config.publicUrl).origin : `http://${req.headers.host ?? `${config.host}:${config.port}`}`;
  const documentExports = new ExportService(store, workspaces, clock);
  const secureCookies = config.publicUrl?.startsWith('https:') ?? false;
  const privacyStore = new SqlitePrivacyStore(db);
  const accessLog = new AccessLogService(store, privacyStore, workspaces, clock);
  const myData = new MyDataService(store, privacyStore, workspaces, accessLog, clock);
  const erasure = new ErasureService(store, privacyStore, clock, {
    disconnect: (userId) => rooms.disconnect((_, access) => access.memberId === userId, CLOSE_CODES.accessEnded, 'This account has been erased.'),
    submit: (documentId, memberId, update) => rooms.submit(documentId, memberId, update),
  }, log);
  const retention = new RetentionService(store, privacyStore, rooms, clock, log);
  const demo = new DemoService(store, workspaces, clock, { decisions, versions });
  let stopping = false;

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
    withWorkshopEvents({ auth, store, workshops, hub: workshopEvents, maxPerUser: config.limits.connectionsPerUser, heartbeatMs: 15_000, now: () => clock.now(), log }, createRequestHandler({
      routes: recordOpenings([
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
        ...commentRoutes(drafting),
        ...reviewRoutes(drafting),
        ...workshopRoutes({ workshops }),
        ...privacyRoutes({ accessLog, myData, erasure, retention, demo, secureCookies }),
        ...opsRoutes({
          ping: () => privacyStore.ping(),
          isClosing: () => stopping,
          metrics,
          gauges: () => ({ roomsLoaded: rooms.loadedRoomCount, connections: wss.clients.size }),
          metricsToken: config.metricsToken,
          now: () => clock.now(),
        }),
      ], accessLog),
      deps: { authenticate: (token) => auth.authenticate(token), allowedOrigins },
      clientDir: config.clientDir,
      maxBodyBytes: config.limits.maxHttpBodyBytes,
      trustProxy: config.trustProxy,
      log,
    })),
  );

  const wss = attachCollabSockets(server, {
    rooms,
    authorize: collabAuthorizer({
      auth,
      workspaces,
      store,
      clock,
      allowedOrigins,
      recordOpening: (userId, access) =>
        accessLog.record(userId, access, 'live').catch((error: unknown) => {
          log.error('access_log_failed', { error: String(error) });
          throw error;
        }),
    }),
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
  // Closed workspaces past their retention period are deleted (privacy/retention.ts).
  const retentionSweep = setInterval(() => {
    retention.sweep().catch((error: unknown) => log.error('retention_sweep_failed', { error: String(error) }));
  }, config.retentionSweepMs);
  retentionSweep.unref();
  const lock = writeServerLock(config.dataDir, log);

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      log.info('shutting_down', {});
      stopping = true;
      clearInterval(trashSweep);
      clearInterval(retentionSweep);
      server.close();
      await rooms.shutdown(CLOSE_CODES.shuttingDown, 'The server is restarting. Reconnecting…');
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await store.close();
      lock.release();
      log.info('stopped', {});
    })();
    return closing;
  };
  return { url, port, store, rooms, close };
}
