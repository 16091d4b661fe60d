/**
 * A throwaway PostgreSQL for tests: its own cluster (initdb) in a fresh temporary directory, on
 * a free port of 127.0.0.1, with its socket in that directory. It depends on no system service.
 * Start one per test file (`usePostgres()` inside a describe, or `startTestPostgres()`), and take
 * a fresh empty database per test with `createDatabase()`.
 *
 * Running as root, the server runs as the `postgres` user (initdb refuses root), and Debian's
 * `postgresql` package is installed once when no server binaries are found. Otherwise, when the
 * binaries are missing, tests that need PostgreSQL are skipped with a message naming what to
 * install: `postgresSkipReason()` tells, synchronously, at collection time.
 *
 * For tests only: fsync and full-page writes are off, authentication is `trust`.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { aptInstall, canAptInstall, describeUnless, freePort, isRoot, useStarted } from './services';

export interface TestPostgres {
  /** The cluster's maintenance database (`postgres`), e.g. postgresql://postgres@127.0.0.1:5433/postgres. */
  url: string;
  port: number;
  /** Creates a fresh empty database and resolves with its URL. */
  createDatabase(): Promise<string>;
  /** Stops the server and removes its directory. */
  stop(): Promise<void>;
}

const INSTALL_HINT = "install Debian's `postgresql` package (sudo apt-get install postgresql), or run the tests as root to have it installed automatically";

/** The newest /usr/lib/postgresql/<version>/bin holding initdb, pg_ctl and postgres, or null. */
export function findPostgresBin(): string | null {
  const explicit = process.env.ENSEMBLE_PG_BIN;
  const candidates = explicit ? [explicit] : listVersionBins();
  return candidates.find((dir) => ['initdb', 'pg_ctl', 'postgres'].every((tool) => fs.existsSync(path.join(dir, tool)))) ?? null;
}

function listVersionBins(): string[] {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root)
    .filter((v) => /^\d+(\.\d+)?$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => path.join(root, v, 'bin'));
}

/** Null when PostgreSQL can be started here (now, or after installing it as root); else why not. */
export function postgresSkipReason(): string | null {
  if (findPostgresBin()) return null;
  if (canAptInstall()) return null;
  return `PostgreSQL server binaries not found under /usr/lib/postgresql/<version>/bin: ${INSTALL_HINT}.`;
}

/**
 * `describe` for tests that need PostgreSQL: skipped, with the reason in its title and on the
 * console, only when PostgreSQL can neither be found nor installed.
 */
export function describeWithPostgres(name: string, body: () => void): void {
  describeUnless(postgresSkipReason(), name, body);
}

/**
 * Inside a describe: starts a cluster before the tests and stops it after them. The returned
 * object is usable from the tests (and beforeEach) on.
 */
export function usePostgres(): TestPostgres {
  const current = useStarted(startTestPostgres, 'The test PostgreSQL is not started (usePostgres() must be called inside a describe).');
  return {
    get url() {
      return current().url;
    },
    get port() {
      return current().port;
    },
    createDatabase: () => current().createDatabase(),
    stop: () => current().stop(),
  };
}

let installed = false;

/** Installs Debian's postgresql package once (serialised across test workers by a file lock). */
function installPostgres(): void {
  if (installed || findPostgresBin()) return;
  aptInstall({
    name: 'postgresql',
    present: 'ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1',
    found: () => findPostgresBin() !== null,
    hint: INSTALL_HINT,
    service: 'PostgreSQL',
    lock: '/tmp/ensemble-postgres-install.lock',
  });
  installed = true;
}

/** Runs a PostgreSQL tool, as the `postgres` user when running as root. */
function runTool(bin: string, tool: string, args: string[]): string {
  const [command, commandArgs] = isRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]] : [path.join(bin, tool), args];
  try {
    return execFileSync(command, commandArgs, { stdio: 'pipe', encoding: 'utf8', timeout: 120_000 });
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${tool} failed: ${e.stderr || e.stdout || e.message}`);
  }
}

export async function startTestPostgres(): Promise<TestPostgres> {
  installPostgres();
  const bin = findPostgresBin();
  if (!bin) throw new Error(`PostgreSQL is not installed: ${INSTALL_HINT}.`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ensemble-pg-'));
  if (isRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  const dataDir = path.join(dir, 'data');
  runTool(bin, 'initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);

  let port = 0;
  let lastError: unknown = null;
  for (let attempt = 0; attempt < 5 && port === 0; attempt++) {
    const candidate = await freePort();
    const options = [
      `-p ${candidate}`,
      `-k ${dir}`,
      "-c listen_addresses='127.0.0.1'",
      '-c fsync=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
      '-c shared_buffers=32MB',
    ].join(' ');
    try {
      runTool(bin, 'pg_ctl', ['-D', dataDir, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', '-o', options, 'start']);
      port = candidate;
    } catch (error) {
      lastError = error;
    }
  }
  if (port === 0) {
    const log = fs.existsSync(path.join(dir, 'server.log')) ? fs.readFileSync(path.join(dir, 'server.log'), 'utf8').slice(-2000) : '';
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`The test PostgreSQL did not start: ${String(lastError)}\n${log}`);
  }

  // A test process that dies without stopping it (a worker killed at the end of a run, a
  // crash) must not leave the server running: a watchdog stops it once this process is gone.
  const pgCtl = [...(isRoot ? ['runuser', '-u', 'postgres', '--'] : []), path.join(bin, 'pg_ctl')].join(' ');
  const watchdog = spawn(
    'sh',
    ['-c', `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ${pgCtl} -D ${dataDir} -m immediate stop; rm -rf ${dir}`],
    { detached: true, stdio: 'ignore' },
  );
  watchdog.unref();

  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  let databases = 0;
  let stopped = false;
  return {
    url,
    port,
    async createDatabase() {
      const name = `ensemble_test_${++databases}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgresql://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      watchdog.kill();
      try {
        runTool(bin, 'pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

let shared: Promise<TestPostgres> | null = null;
const sharedDatabases = new Map<string, Promise<string>>();

/**
 * The database of a test server's data directory when the whole server suite runs on
 * PostgreSQL (ENSEMBLE_TEST_DATABASE=postgres; see startTestServer): one cluster per test
 * worker, one database per data directory, so a restart on the same directory finds its data.
 */
export function sharedTestDatabase(dataDir: string): Promise<string> {
  shared ??= startTestPostgres();
  let url = sharedDatabases.get(dataDir);
  if (!url) {
    url = shared.then((postgres) => postgres.createDatabase());
    sharedDatabases.set(dataDir, url);
  }
  return url;
}
