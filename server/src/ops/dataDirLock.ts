/**
 * The lock file a running server keeps in its data directory (`server.pid`), so that
 * `npm run restore` can refuse to replace the database under a live server. Written at start,
 * removed at a clean stop; after a crash it stays, but names a process that no longer exists.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log';
import { newId } from '../util/ids';

export const LOCK_FILE = 'server.pid';

interface LockContent {
  pid: number;
  token: string;
  startedAt: string;
}

export interface ServerLock {
  release(): void;
}

export function writeServerLock(dataDir: string, log: Logger): ServerLock {
  const file = path.join(dataDir, LOCK_FILE);
  const existing = readServerLock(dataDir);
  if (existing && existing.pid !== process.pid && isAlive(existing.pid)) {
    log.warn('data_dir_in_use', { pid: existing.pid, dataDir });
  }
  // The token tells this server's lock from one another server wrote since.
  const token = newId();
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ pid: process.pid, token, startedAt: new Date().toISOString() }) + '\n');
  return {
    release() {
      if (readServerLock(dataDir)?.token === token) fs.rmSync(file, { force: true });
    },
  };
}

export function readServerLock(dataDir: string): LockContent | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')) as Partial<LockContent>;
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, token: String(parsed.token ?? ''), startedAt: String(parsed.startedAt ?? '') } : null;
  } catch {
    return null;
  }
}

/** The pid of a live server using this data directory, or null. */
export function runningServerPid(dataDir: string): number | null {
  const lock = readServerLock(dataDir);
  return lock && isAlive(lock.pid) ? lock.pid : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
