import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from './sqliteStore';
import { checkpointWalInBackground } from './walCheckpoints';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ensemble-wal-'));
  dirs.push(dir);
  return path.join(dir, 'ensemble.sqlite');
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

describe('WAL checkpoints in a worker thread', () => {
  it('copies committed pages into the database file while the serving connection never checkpoints', async () => {
    const filename = tempFile();
    const db = openSqliteDatabase({ filename, durability: 'normal' });
    const checkpoints = checkpointWalInBackground(db, { filename, durability: 'normal', intervalMs: 20 });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    db.exec('CREATE TABLE blobs (id INTEGER PRIMARY KEY, data BLOB NOT NULL)');
    const insert = db.prepare('INSERT INTO blobs (data) VALUES (?)');
    const sizeBefore = fs.statSync(filename).size;
    // ~6 MB over many commits: past the 1,000 pages at which the serving connection used to checkpoint.
    for (let i = 0; i < 200; i++) insert.run(Buffer.alloc(30_000, i % 256));
    await until(() => fs.statSync(filename).size > sizeBefore + 5_000_000, 'the worker to checkpoint');
    await checkpoints.stop();
    db.close();
    const reopened = openSqliteDatabase({ filename, durability: 'normal' });
    expect(reopened.prepare('SELECT COUNT(*) AS n FROM blobs').get()).toEqual({ n: 200 });
    reopened.close();
  });

  it('goes back to automatic checkpoints, and says so, when the worker cannot run', async () => {
    const filename = tempFile();
    const db = openSqliteDatabase({ filename, durability: 'normal' });
    const errors: string[] = [];
    // The worker opens its own connection with fileMustExist: a wrong path makes it fail.
    const checkpoints = checkpointWalInBackground(db, { filename: `${filename}-missing`, durability: 'normal', onError: (m) => errors.push(m) });
    await until(() => errors.length > 0, 'the worker failure');
    expect(errors[0]).toMatch(/WAL checkpoint worker/);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await checkpoints.stop();
    db.exec('CREATE TABLE still_works (x INTEGER)');
    db.close();
  });
});
