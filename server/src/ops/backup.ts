/**
 * Backup and restore of the SQLite database (`npm run backup`, `npm run restore`; see
 * docs/operations.md). A backup uses SQLite's online backup API through better-sqlite3, in one
 * step: the copy is read inside one read transaction, so it is a consistent snapshot of every
 * committed transaction, taken while the server keeps writing (WAL lets readers and the
 * writer work side by side). A restore refuses to run under a live server.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { runningServerPid } from './dataDirLock';

export const DATABASE_FILE = 'ensemble.sqlite';
/** Returned to the backup's progress callback: copy every remaining page in the next step. */
const ALL_PAGES = 0x7fffffff;

const stamp = (ms: number) => new Date(ms).toISOString().replace(/[:.]/g, '-');

export async function backupDatabase(dataDir: string, destination?: string, now = Date.now()): Promise<{ file: string; bytes: number }> {
  const source = path.join(dataDir, DATABASE_FILE);
  if (!fs.existsSync(source)) throw new Error(`There is no database to back up at ${source}.`);
  const file = destination ? path.resolve(destination) : path.join(dataDir, 'backups', `ensemble-${stamp(now)}.sqlite`);
  if (fs.existsSync(file)) throw new Error(`${file} already exists. Choose another file name.`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written beside the target and renamed once complete, so a file with the final name is never partial.
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(partial, { progress: () => ALL_PAGES });
  } finally {
    db.close();
  }
  try {
    checkDatabase(partial, true);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  fs.renameSync(partial, file);
  return { file, bytes: fs.statSync(file).size };
}

/**
 * Puts a backup in place of the data directory's database. The database it replaces (with its
 * -wal and -shm files, which may hold committed changes) is kept beside it, renamed.
 */
export function restoreDatabase(dataDir: string, backupFile: string, now = Date.now()): { restored: string; previous: string | null } {
  const pid = runningServerPid(dataDir);
  if (pid !== null) throw new Error(`An Ensemble server (process ${pid}) is running on ${dataDir}. Stop it, then restore.`);
  const from = path.resolve(backupFile);
  if (!fs.existsSync(from)) throw new Error(`There is no backup file at ${from}.`);
  checkDatabase(from, false);
  fs.mkdirSync(dataDir, { recursive: true });
  const target = path.join(dataDir, DATABASE_FILE);
  let previous: string | null = null;
  if (fs.existsSync(target)) {
    previous = `${target}.before-restore-${stamp(now)}`;
    fs.renameSync(target, previous);
  }
  for (const suffix of ['-wal', '-shm']) {
    if (!fs.existsSync(target + suffix)) continue;
    if (previous) fs.renameSync(target + suffix, previous + suffix);
    else fs.rmSync(target + suffix, { force: true });
  }
  fs.copyFileSync(from, `${target}.partial`);
  fs.renameSync(`${target}.partial`, target);
  return { restored: target, previous };
}

/**
 * Refuses a file that is not a sound Ensemble database. A fresh backup is also switched out of
 * WAL mode so it is one self-contained file (the server switches it back when it opens it).
 */
function checkDatabase(file: string, standalone: boolean): void {
  const db = new Database(file, { fileMustExist: true, readonly: !standalone });
  try {
    if (standalone) db.pragma('journal_mode = DELETE');
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`${file} is damaged (integrity check: ${String(integrity)}).`);
    const migrations = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
    if (!migrations) throw new Error(`${file} is not an Ensemble database.`);
  } catch (error) {
    if (error instanceof Error && /not a database|file is not/i.test(error.message)) throw new Error(`${file} is not an Ensemble database.`);
    throw error;
  } finally {
    db.close();
  }
}
