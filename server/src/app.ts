/**
 * Builds a running Ensemble server from a config: storage, services, HTTP API, WebSocket
 * rooms. Used by main.ts and by integration tests (port 0, temporary data directory).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CLOSE_CODES } from '../../shared/src/index';
import { AuthService } from './auth/authService';
import { smtpMailer } from './auth/mailer';
import { passwordResetRoutes } from './auth/passwordResetRoutes';
import { PasswordResetService } from './auth/passwordResetService';
import type { Config } from './config';
import { createLogger, type Logger } from './log';
import { openStorage } from './storage/storage';
import type { Store } from './storage/store';
import type { SyncHooks } from './sync/hooks';
import { RoomManager } from './sync/roomManager';
import { attachCollabSockets } from './transport/collabSocket';
import { peopleRoutes } from './transport/peopleRoutes';
import { LiveAccess, collabAuthorizer } from './collab/collabAccess';
import { PeopleService } from './people/peopleService';
import { DecisionService } from './decisions/decisionService';
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
import { opsRoutes } from './transport/opsRoutes';
import { privacyRoutes, recordOpenings } from './transport/privacyRoutes';
// Workspace archives: export and import (ADR 0007).
import { ArchiveService } from './archive/archiveService';
import { archiveRoutes } from './transport/archiveRoutes';
// Workshops (issue 10; docs/adr/0006-workshop-live-channel.md).
import { withWorkshopEvents } from './transport/workshopEvents';
import { workshopRoutes } from './transport/workshopRoutes';
import { ideaContributions } from './workshops/ideaContributions';
import { WorkshopEventHub, alsoClosingStreams } from './workshops/workshopEvents';
// Several instances behind a load balancer (issue 11; docs/deployment.md).
import { ClusterLink } from './cluster/clusterLink';
import { RedisRelay } from './cluster/redisRelay';
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
  // SQLite in the data directory, or PostgreSQL (every store) when DATABASE_URL is set.
  const storage = await openStorage(config, log);
  const store = storage.store;
  const auth = new AuthService(store, clock, config.limits);
  const lifecycleStore = storage.lifecycle;
  const workspaces = new WorkspaceService(store, clock, lifecycleStore);
  // Capabilities add their sync hooks to this object once they are built (see validateSuggestion).
  const hooks: SyncHooks = { ...overrides.hooks };
  hooks.afterAppend = countAppends(metrics, hooks.afterAppend);
  // Several instances (REDIS_URL): documents, notices and access changes relayed (cluster/).
  const relay = config.redisUrl
    ? await RedisRelay.connect({ url: config.redisUrl, instanceId: config.instanceId, log }).catch(async (error: unknown) => {
        await store.close();
        throw error;
      })
    : null;
  const rooms = new RoomManager(timedAppends(store, metrics), hooks, config.limits, log, () => clock.now(), relay);
  const liveAccess = new LiveAccess(store, workspaces, rooms);
  const workshopEvents = new WorkshopEventHub();
  const cluster = new ClusterLink(relay, { rooms, access: liveAccess, effects: alsoClosingStreams(liveAccess, workshopEvents), workshops: workshopEvents, store, log });
  const people = new PeopleService(store, clock, cluster.effects, config.limits);
  const decisionStore = storage.decisions;
  const decisions = new DecisionService(store, decisionStore, workspaces, clock, (documentId, id) => rooms.notify(documentId, { kind: 'decisions', documentId, id }));
  const attribution = new AttributionService(store, workspaces, rooms);
  const drafting = coDrafting({ stores: storage, store, workspaces, rooms, hooks, attribution, clock, log });
  const workshopStore = storage.workshops;
  const workshops = new WorkshopService(store, workshopStore, clock, (id, revision) => cluster.workshopChanged(id, revision), {
    submit: (documentId, memberId, update) => rooms.submit(documentId, memberId, update),
    propose: (userId, documentId, request) => decisions.propose(userId, documentId, request),
  });
  attribution.addSource(ideaContributions(workshopStore));
  attribution.addSource(positionContributions(decisionStore));
  const notifyDocument = (documentId: string): void => void rooms.notify(documentId, { kind: 'document', documentId });
  const lifecycle = new LifecycleService(store, lifecycleStore, workspaces, cluster.access, clock, notifyDocument);
  const versions = new VersionService(store, lifecycleStore, workspaces, clock, notifyDocument);
  const recovery = new RecoveryService(store, lifecycleStore, clock, config.limits);
  // "Forgot password?" by email exists only when a mail server is configured (config.smtp needs PUBLIC_URL).
  const passwordReset =
    config.smtp && config.publicUrl
      ? new PasswordResetService(store, lifecycleStore, clock, log, {
          mailer: smtpMailer(config.smtp),
          publicOrigin: new URL(config.publicUrl).origin,
          defaultLanguage: config.defaultLanguage,
          limits: config.limits,
        })
      : null;
  if (config.smtp?.security === 'none') log.warn('smtp_without_tls', {});
  const baseUrl = (req: http.IncomingMessage): string =>
    config.publicUrl ? new URL(config.publicUrl).origin : `http://${req.headers.host ?? `${config.host}:${config.port}`}`;
  const documentExports = new ExportService(store, workspaces, clock);
  const secureCookies = config.publicUrl?.startsWith('https:') ?? false;
  const privacyStore = storage.privacy;
  const accessLog = new AccessLogService(store, privacyStore, workspaces, clock);
  const myData = new MyDataService(store, privacyStore, workspaces, accessLog, clock);
  const erasure = new ErasureService(store, privacyStore, clock, {
    disconnect: (userId) => cluster.endConnections({ memberId: userId }, CLOSE_CODES.accessEnded, 'This account has been erased.'),
    submit: (documentId, memberId, update) => rooms.submit(documentId, memberId, update),
  }, log);
  const retention = new RetentionService(store, privacyStore, rooms, clock, log);
  const demo = new DemoService(store, workspaces, clock, { decisions, versions });
  const archives = new ArchiveService(
    { store, decisions: decisionStore, comments: storage.comments, reviews: storage.reviews, lifecycle: lifecycleStore, workshops: workshopStore },
    storage.archive ?? null,
    workspaces,
    accessLog,
    clock,
    config.limits,
    log,
  );
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
        ...lifecycleRoutes({
          lifecycle,
          versions,
          recovery,
          auth,
          secureCookies,
          baseUrl,
          disconnectUser: (userId) =>
            cluster.endConnections({ memberId: userId }, CLOSE_CODES.unauthenticated, 'Your account was recovered with a recovery link: sign in again on this device.'),
        }),
        ...passwordResetRoutes(passwordReset),
        ...contentRoutes({ exports: documentExports }),
        ...apiRoutes({
          auth,
          workspaces,
          store,
          version: VERSION,
          secureCookies,
          emailReset: passwordReset !== null,
          endSessionConnections: (sessionId) =>
            cluster.endConnections({ sessionId }, CLOSE_CODES.unauthenticated, 'You have signed out.'),
        }),
        ...peopleRoutes({
          auth,
          people,
          secureCookies,
          baseUrl,
          disconnectUser: (userId) =>
            cluster.endConnections({ memberId: userId }, CLOSE_CODES.unauthenticated, 'You have signed out on every device.'),
        }),
        ...decisionRoutes({ decisions }),
        ...commentRoutes(drafting),
        ...reviewRoutes(drafting),
        ...workshopRoutes({ workshops }),
        ...privacyRoutes({ accessLog, myData, erasure, retention, demo, secureCookies }),
        ...archiveRoutes({ archives, maxArchiveBytes: config.limits.maxArchiveBytes, maxArchiveUnpackedBytes: config.limits.maxArchiveUnpackedBytes }),
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
  log.info('listening', { url, dataDir: config.dataDir, durability: config.durability, storage: storage.kind });

  // Documents left in the trash past the grace period are purged, and spent recovery links
  // forgotten; checked every hour.
  const trashSweep = setInterval(() => {
    lifecycle.sweepTrash().then(
      (purged) => purged > 0 && log.info('trash_swept', { purged }),
      (error: unknown) => log.error('trash_sweep_failed', { error: String(error) }),
    );
    recovery.forgetSpentLinks().then(
      (deleted) => deleted > 0 && log.info('recovery_links_swept', { deleted }),
      (error: unknown) => log.error('recovery_link_sweep_failed', { error: String(error) }),
    );
  }, 60 * 60 * 1000);
  trashSweep.unref();
  // Closed workspaces past their retention period are deleted (privacy/retention.ts).
  const retentionSweep = setInterval(() => {
    retention.sweep().catch((error: unknown) => log.error('retention_sweep_failed', { error: String(error) }));
  }, config.retentionSweepMs);
  retentionSweep.unref();
  // The data directory lock guards SQLite restores; PostgreSQL is backed up with its own tools.
  const lock = storage.kind === 'sqlite' ? writeServerLock(config.dataDir, log) : { release: () => {} };

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      log.info('shutting_down', {});
      stopping = true;
      clearInterval(trashSweep);
      clearInterval(retentionSweep);
      server.close();
      await rooms.shutdown(CLOSE_CODES.shuttingDown, 'The server is restarting. Reconnecting…');
      await relay?.close();
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
