/**
 * The 20 rooms × 10 clients fan-out on several Ensemble instances (issue 11; docs/deployment.md):
 * a throwaway PostgreSQL and Redis (started as the cluster tests start them), N instance
 * processes sharing both, and each room's clients spread over the instances in turn, so that
 * most deliveries cross Redis. The baseline is one instance on the same PostgreSQL, without
 * Redis: what a single-instance deployment on PostgreSQL runs.
 */
import type { RoomTarget } from '../lib/clients';
import { waitForQuiet, watchBackground, watchProcess } from '../lib/proc';
import { makeDataDir, startServer, type ServerHandle } from '../lib/servers';
import { round } from '../lib/stats';
import { WorkerPool, type PhaseFigures } from '../lib/workers';
import { startTestPostgres } from '../../server/test/support/postgres';
import { startTestRedis } from '../../server/test/support/redis';
import type { LoadOptions } from './loadScenarios';

export interface ClusterFigures extends PhaseFigures {
  instances: number;
  rooms: number;
  clientsPerRoom: number;
  /** Cores used by each instance during the phase. */
  serverCpu: number[];
  serverPeakRssBytes: number[];
  backgroundCpu: number;
  quietWaitMs: number;
}

export async function clusterFanoutScenario(options: LoadOptions & { instances: number; ratePerClient: number; durationMs: number }): Promise<ClusterFigures> {
  const postgres = await startTestPostgres();
  const redis = options.instances > 1 ? await startTestRedis() : null;
  const servers: ServerHandle[] = [];
  const pool = WorkerPool.start(options.workers);
  try {
    const env: Record<string, string> = { DATABASE_URL: await postgres.createDatabase(), ...(redis ? { REDIS_URL: redis.url } : {}) };
    for (let i = 0; i < options.instances; i++) {
      const account = servers[0]?.account ?? null;
      servers.push(await startServer('ensemble', { dataDir: makeDataDir('cluster'), env: { ...env, INSTANCE_ID: `bench-${i + 1}` }, ...(account ? { account } : {}) }));
    }
    const first = servers[0] as ServerHandle;
    const rooms = await first.rooms(options.rooms, 'cluster');
    // Interleaved as in the other fan-out scenarios; client c of every room goes to instance c mod N.
    const targets: RoomTarget[] = [];
    for (let c = 0; c < options.clientsPerRoom; c++) {
      const server = servers[c % servers.length] as ServerHandle;
      for (const room of rooms) targets.push({ ...room, wsBase: server.wsBase });
    }
    await pool.connect(targets, { epoch: Date.now(), seed: options.seed, hidePresence: false, light: false });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await pool.phase({ phase: 0, ratePerClient: options.ratePerClient, durationMs: 1_500, settleMs: 500, deleteShare: 0.15 }, options.clientsPerRoom - 1);
    const own = [...servers.map((s) => s.pid), process.pid, ...pool.pids];
    const quiet = await waitForQuiet(own, 0.4, 10_000);
    const watches = servers.map((s) => watchProcess(s.pid));
    const background = watchBackground(own);
    const figures = await pool.phase(
      { phase: 1, ratePerClient: options.ratePerClient, durationMs: options.durationMs, settleMs: 1_500, deleteShare: 0.15 },
      options.clientsPerRoom - 1,
    );
    const usage = watches.map((w) => w.stop());
    return {
      ...figures,
      instances: options.instances,
      rooms: options.rooms,
      clientsPerRoom: options.clientsPerRoom,
      serverCpu: usage.map((u) => round(u.cpu)),
      serverPeakRssBytes: usage.map((u) => u.peakRssBytes),
      backgroundCpu: background.stop().background,
      quietWaitMs: quiet.waitedMs,
    };
  } finally {
    await pool.close();
    for (const server of servers) await server.cleanup();
    await redis?.stop();
    await postgres.stop();
  }
}
