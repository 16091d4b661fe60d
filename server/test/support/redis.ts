/**
 * A throwaway Redis for tests: its own `redis-server` process on a free port of 127.0.0.1, in a
 * fresh temporary directory, with persistence off. It depends on no system service.
 *
 * When `redis-server` is missing, Debian's `redis-server` package is installed once when running
 * as root; otherwise tests that need Redis are skipped with a message naming the package
 * (`redisSkipReason()` tells, synchronously, at collection time).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { aptInstall, canAptInstall, describeUnless, freePort, useStarted } from './services';

export interface TestRedis {
  url: string;
  port: number;
  /** A plain client for the test itself (closed by `stop`). */
  client(): Redis;
  stop(): Promise<void>;
}

const INSTALL_HINT = "install Debian's `redis-server` package (sudo apt-get install redis-server), or run the tests as root to have it installed automatically";

export function findRedisServer(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).concat(['/usr/bin', '/usr/sbin', '/usr/local/bin'])) {
    const candidate = path.join(dir, 'redis-server');
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** Null when Redis can be started here (now, or after installing it as root); else why not. */
export function redisSkipReason(): string | null {
  if (findRedisServer()) return null;
  if (canAptInstall()) return null;
  return `redis-server not found: ${INSTALL_HINT}.`;
}

/** `describe` for tests that need Redis: skipped, with the reason, only when it cannot be had. */
export function describeWithRedis(name: string, body: () => void): void {
  describeUnless(redisSkipReason(), name, body);
}

/** Inside a describe: starts Redis before the tests and stops it after them. */
export function useRedis(): TestRedis {
  const current = useStarted(startTestRedis, 'The test Redis is not started (useRedis() must be called inside a describe).');
  return {
    get url() {
      return current().url;
    },
    get port() {
      return current().port;
    },
    client: () => current().client(),
    stop: () => current().stop(),
  };
}

function installRedis(): void {
  if (findRedisServer()) return;
  aptInstall({
    name: 'redis-server',
    present: 'command -v redis-server >/dev/null 2>&1',
    found: () => findRedisServer() !== null,
    hint: INSTALL_HINT,
    service: 'Redis',
    lock: '/tmp/ensemble-redis-install.lock',
  });
}

async function launch(binary: string, dir: string, port: number): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--protected-mode', 'yes', '--loglevel', 'warning'];
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited: ${output.slice(-1000)}`);
    const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    probe.on('error', () => undefined);
    const ok = await probe.connect().then(() => probe.ping()).then(() => true, () => false);
    probe.disconnect();
    if (ok) return child;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not start on port ${port}: ${output.slice(-1000)}`);
}

export async function startTestRedis(): Promise<TestRedis> {
  installRedis();
  const binary = findRedisServer();
  if (!binary) throw new Error(`Redis is not installed: ${INSTALL_HINT}.`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ensemble-redis-'));
  let child: ChildProcess | null = null;
  let port = 0;
  let lastError: unknown = null;
  for (let attempt = 0; attempt < 5 && !child; attempt++) {
    port = await freePort();
    child = await launch(binary, dir, port).catch((error: unknown) => {
      lastError = error;
      return null;
    });
  }
  if (!child) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`The test Redis did not start: ${String(lastError)}`);
  }
  const running = child;
  const killNow = (): void => void running.kill('SIGKILL');
  process.once('exit', killNow);
  const clients: Redis[] = [];
  let stopped = false;
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    client() {
      const client = new Redis({ port, host: '127.0.0.1' });
      client.on('error', () => undefined);
      clients.push(client);
      return client;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      process.removeListener('exit', killNow);
      for (const client of clients) client.disconnect();
      const exited = new Promise<void>((resolve) => (running.exitCode !== null ? resolve() : running.once('exit', () => resolve())));
      running.kill('SIGTERM');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
