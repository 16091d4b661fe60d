/**
 * Starts each server under test as its own process on a loopback port with a fresh data
 * directory: Ensemble (server/src/main.ts, as `npm start` runs it), the stock y-websocket
 * server with LevelDB persistence, Hocuspocus with its SQLite extension.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RoomTarget, ServerKind } from './clients';
import { freePort } from '../../server/test/support/services';
import { directorySize } from './proc';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Limits raised so that a benchmark measures the server, not its rate limiter. */
export const ENSEMBLE_BENCH_ENV: Record<string, string> = {
  LIMIT_MESSAGES_PER_SECOND: '1000000',
  LIMIT_MESSAGE_BURST: '1000000',
  LIMIT_CONNECTIONS_PER_USER: '100000',
  LOG_LEVEL: 'warn',
};

export interface EnsembleAccount {
  token: string;
  workspaceId: string;
}

export interface ServerHandle {
  kind: ServerKind;
  pid: number;
  url: string;
  wsBase: string;
  dataDir: string;
  persistence: string;
  account: EnsembleAccount | null;
  process: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Creates `count` rooms (documents, for Ensemble) and returns where clients connect. */
  rooms(count: number, label?: string): Promise<RoomTarget[]>;
  storedBytes(): number;
  /** SIGTERM, then SIGKILL if it has not exited after 60 s. */
  stop(): Promise<void>;
  /** Stops the server and deletes its data directory. */
  cleanup(): Promise<void>;
  output(): string;
}

export interface StartOptions {
  dataDir?: string;
  env?: Record<string, string>;
  account?: EnsembleAccount | null;
}

/** Every server process still running, killed if the bench itself exits early. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export function makeDataDir(kind: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `ensemble-bench-${kind}-`));
}

function commandFor(kind: ServerKind, dataDir: string): { script: string; env: Record<string, string>; persistence: string } {
  switch (kind) {
    case 'ensemble':
      return { script: path.join(REPO_ROOT, 'server', 'src', 'main.ts'), env: { DATA_DIR: dataDir, ...ENSEMBLE_BENCH_ENV }, persistence: 'sqlite update log (WAL, synchronous=NORMAL), appended before relay' };
    case 'ystock':
      return { script: path.join(REPO_ROOT, 'bench', 'servers', 'yStockServer.ts'), env: { YPERSISTENCE: path.join(dataDir, 'leveldb') }, persistence: 'y-leveldb (LevelDB), written after relay' };
    case 'hocuspocus':
      return { script: path.join(REPO_ROOT, 'bench', 'servers', 'hocuspocusServer.ts'), env: { HOCUSPOCUS_DB: path.join(dataDir, 'hocuspocus.sqlite') }, persistence: 'extension-sqlite (whole state, debounced 2 s / max 10 s)' };
  }
}

export async function startServer(kind: ServerKind, options: StartOptions = {}): Promise<ServerHandle> {
  const dataDir = options.dataDir ?? makeDataDir(kind);
  const command = commandFor(kind, dataDir);
  // Ensemble logs "listening" at info level, which the bench turns off (one line per connection
  // would cost it time the others do not spend): it gets a free port and is polled on /api/health.
  const port = kind === 'ensemble' ? await freePort() : 0;
  // BENCH_SERVER_PROFILE=<dir> writes a V8 CPU profile of each server process (on a clean stop).
  const profile = process.env.BENCH_SERVER_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', command.script], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...command.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  live.add(child);
  void exited.then(() => live.delete(child));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} did not start:\n${output}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      // Keep only the tail: a long run must not grow this without bound.
      output = (output + chunk.toString()).slice(-20_000);
      const match = /"event":"listening","url":"([^"]+)"/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
    if (port) {
      void pollHealth(`http://127.0.0.1:${port}`, 30_000).then((ok) => {
        clearTimeout(timer);
        if (ok) resolve(`http://127.0.0.1:${port}`);
        else reject(new Error(`${kind} did not answer /api/health:\n${output}`));
      });
    }
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${kind} exited before listening:\n${output}`));
    });
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  const account = kind === 'ensemble' ? (options.account ?? (await createAccount(url))) : null;
  const wsBase = url.replace(/^http/, 'ws');
  let roomCounter = 0;
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    await exited;
    clearTimeout(timer);
  };
  return {
    kind,
    pid: child.pid as number,
    url,
    wsBase,
    dataDir,
    persistence: command.persistence,
    account,
    process: child,
    exited,
    output: () => output,
    async rooms(count, label = 'room') {
      const targets: RoomTarget[] = [];
      for (let i = 0; i < count; i++) {
        const name = `${label}-${++roomCounter}`;
        if (account) {
          const doc = await post(url, `/api/workspaces/${account.workspaceId}/documents`, { title: name }, account.token);
          targets.push({ kind, wsBase, room: doc.id as string, token: account.token });
        } else {
          targets.push({ kind, wsBase, room: `${name}-${process.pid}` });
        }
      }
      return targets;
    },
    storedBytes: () => directorySize(dataDir),
    stop,
    async cleanup() {
      await stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function pollHealth(url: string, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

async function createAccount(url: string): Promise<EnsembleAccount> {
  const setup = await post(url, '/api/setup', { displayName: 'Bench Owner', email: 'bench@example.org', password: 'a long bench passphrase' });
  const token = setup.token as string;
  const workspace = await post(url, '/api/workspaces', { name: 'Bench' }, token);
  return { token, workspaceId: workspace.id as string };
}

export async function post(url: string, route: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(url + route, { method: 'POST', headers, body: JSON.stringify(body) });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`POST ${route} answered ${res.status}: ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}
