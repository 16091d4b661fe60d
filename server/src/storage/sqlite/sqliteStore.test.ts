import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { describeStoreContract } from '../contract';
import { openSqliteStore } from './sqliteStore';
import { SQLITE_MIGRATIONS } from './migrations';

describeStoreContract('SQLite (in memory)', async () => ({ store: openSqliteStore({ filename: ':memory:', durability: 'normal' }) }));

describeStoreContract('SQLite (file, durability full)', async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ensemble-store-')), 'ensemble.sqlite');
  const open = async () => openSqliteStore({ filename: file, durability: 'full' });
  return { store: await open(), reopen: open };
});

describe('SQLite migrations', () => {
  it('records each applied migration once and runs in WAL mode', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ensemble-mig-')), 'ensemble.sqlite');
    await openSqliteStore({ filename: file, durability: 'normal' }).close();
    await openSqliteStore({ filename: file, durability: 'normal' }).close();
    const db = new Database(file, { readonly: true });
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as Array<{ version: number }>;
    expect(versions.map((v) => v.version)).toEqual(SQLITE_MIGRATIONS.map((m) => m.version).sort((a, b) => a - b));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });
});
