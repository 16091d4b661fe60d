/**
 * Several real server instances sharing one database and one Redis, for the cluster tests and
 * the bench: PostgreSQL (a fresh database per cluster, from support/postgres.ts) when it can be
 * started here, or else one SQLite data directory shared by every instance (WAL with IMMEDIATE
 * transactions serialises the writers). `ENSEMBLE_CLUSTER_DB=sqlite|postgres` forces one.
 *
 * Also a small TCP load balancer, as HAProxy in TCP mode would be: each new connection goes to
 * the first backend that accepts it, so clients of a stopped instance reconnect to another.
 */
import fs from 'node:fs';
import net from 'node:net';
import { afterAll, afterEach, beforeEach } from 'vitest';
import { startChildServer, type ChildServer } from '../childServer';
import { makeDataDir, startTestServer, type TestClient, type TestServer } from '../testServer';
import { postgresSkipReason, startTestPostgres, type TestPostgres } from './postgres';
import type { TestRedis } from './redis';

export type ClusterDatabase = 'sqlite' | 'postgres';

export function clusterDatabase(): ClusterDatabase {
  const forced = process.env.ENSEMBLE_CLUSTER_DB;
  if (forced === 'sqlite' || forced === 'postgres') return forced;
  const reason = postgresSkipReason();
  if (reason === null) return 'postgres';
  console.warn(`Several-instance tests run on one shared SQLite file instead of PostgreSQL: ${reason}`);
  return 'sqlite';
}

/** The shared database of one cluster: the environment every instance starts with. */
export interface SharedDatabase {
  kind: ClusterDatabase;
  /** DATA_DIR (and DATABASE_URL with PostgreSQL) for an instance. */
  env(): Record<string, string>;
  dispose(): Promise<void>;
}

let postgres: Promise<TestPostgres> | null = null;

/** One PostgreSQL per test file (stopped by `stopSharedPostgres`), one database per cluster. */
export async function sharedDatabase(kind: ClusterDatabase = clusterDatabase()): Promise<SharedDatabase> {
  const dataDir = makeDataDir();
  if (kind === 'sqlite') {
    return { kind, env: () => ({ DATA_DIR: dataDir }), dispose: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  postgres ??= startTestPostgres();
  const url = await (await postgres).createDatabase();
  return { kind, env: () => ({ DATA_DIR: dataDir, DATABASE_URL: url }), dispose: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}

export async function stopSharedPostgres(): Promise<void> {
  const running = postgres;
  postgres = null;
  if (running) await (await running).stop();
}

/** An instance in this process (its store and rooms are reachable from the test). */
export function startInstance(database: SharedDatabase, redisUrl: string, name: string, env: Record<string, string> = {}): Promise<TestServer> {
  const { DATA_DIR: dataDir, ...rest } = database.env();
  return startTestServer({ dataDir, env: { ...rest, REDIS_URL: redisUrl, INSTANCE_ID: name, ...env } });
}

export interface InstancePair {
  readonly database: SharedDatabase;
  readonly a: TestServer;
  readonly b: TestServer;
}

/**
 * Inside a describe: before each test, a fresh shared database and two instances on it
 * (`instance-a`, `instance-b`, started with `env`); after each, the `clients` left are destroyed
 * and everything is stopped; after the file, the shared PostgreSQL.
 */
export function useInstancePair(redis: TestRedis, clients: TestClient[], env: Record<string, string> = {}): InstancePair {
  let pair: { database: SharedDatabase; a: TestServer; b: TestServer } | null = null;
  const current = () => {
    if (!pair) throw new Error('The two instances are not started (useInstancePair() must be called inside a describe).');
    return pair;
  };
  beforeEach(async () => {
    const database = await sharedDatabase();
    const a = await startInstance(database, redis.url, 'instance-a', env);
    const b = await startInstance(database, redis.url, 'instance-b', env);
    pair = { database, a, b };
  }, 120_000);
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    const { database, a, b } = current();
    pair = null;
    await Promise.all([a.stop(), b.stop()]);
    await database.dispose();
  });
  afterAll(() => stopSharedPostgres(), 60_000);
  return {
    get database() {
      return current().database;
    },
    get a() {
      return current().a;
    },
    get b() {
      return current().b;
    },
  };
}

/** An instance as its own process (`npm start`'s entry point), to be killed abruptly. */
export function startInstanceProcess(database: SharedDatabase, redisUrl: string, name: string): Promise<ChildServer> {
  const { DATA_DIR: dataDir, ...rest } = database.env();
  // A loaded machine compiles the entry point slowly: allow it a minute.
  return startChildServer(dataDir as string, { ...rest, REDIS_URL: redisUrl, INSTANCE_ID: name }, 60_000);
}

export interface LoadBalancer {
  url: string;
  wsUrl: string;
  /** Connections sent to each backend so far. */
  routed: number[];
  close(): Promise<void>;
}

/** Forwards each connection to the first backend (host:port URL) that accepts it. */
export async function startLoadBalancer(backends: string[]): Promise<LoadBalancer> {
  const targets = backends.map((url) => new URL(url));
  const routed = targets.map(() => 0);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    client.pause();
    const tryBackend = (index: number): void => {
      const target = targets[index];
      if (!target) return void client.destroy();
      const upstream = net.connect(Number(target.port), target.hostname);
      let connected = false;
      upstream.once('connect', () => {
        connected = true;
        routed[index] = (routed[index] ?? 0) + 1;
        sockets.add(upstream);
        upstream.on('close', () => {
          sockets.delete(upstream);
          client.destroy();
        });
        upstream.on('error', () => upstream.destroy());
        client.on('close', () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
      upstream.once('error', () => {
        if (!connected) tryBackend(index + 1);
      });
    };
    tryBackend(0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    routed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
