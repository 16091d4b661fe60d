import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { describeDecisionStoreContract } from '../../decisions/decisionStoreContract';
import { verifyChain } from '../../decisions/hashChain';
import { SqliteDecisionStore } from './decisionStore';
import { SqliteStore, openSqliteDatabase } from './sqliteStore';

function openFile(file: string) {
  const db = openSqliteDatabase({ filename: file, durability: 'normal' });
  const store = new SqliteStore(db);
  return { db, store, decisions: new SqliteDecisionStore(db), close: () => store.close() };
}

const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ensemble-decisions-')), 'ensemble.sqlite');

describeDecisionStoreContract('SQLite (in memory)', async () => openFile(':memory:'));
describeDecisionStoreContract('SQLite (file)', async () => openFile(tempFile()));

describe('SQLite decision entries', () => {
  async function seeded() {
    const file = tempFile();
    const f = openFile(file);
    await f.store.createUser({ id: 'u1', email: null, displayName: 'U1', passwordHash: null, color: '#000000', language: null, createdAt: 1 });
    await f.store.createWorkspace(
      { id: 'w1', name: 'W', purpose: 'committee', createdAt: 1, createdBy: 'u1' },
      { workspaceId: 'w1', userId: 'u1', role: 'person', permission: 'owner', createdAt: 1 },
    );
    await f.store.createDocument({ id: 'd1', workspaceId: 'w1', title: 'D', template: null, createdAt: 1, updatedAt: 1 });
    const append = (store: SqliteDecisionStore, id: string) =>
      store.append('d1', 'k1', () => ({ id, kind: 'position', authorId: 'u1', authorRole: 'person', payload: { stance: 'agree', reason: null }, createdAt: 5 }));
    return { file, f, append };
  }

  it('refuses to update or delete an entry, even through SQL', async () => {
    const { f, append } = await seeded();
    await append(f.decisions, 'e1');
    expect(() => f.db.prepare("UPDATE decision_entries SET payload = '{}'").run()).toThrow(/append-only/);
    expect(() => f.db.prepare('DELETE FROM decision_entries').run()).toThrow(/append-only/);
    expect(() => f.db.prepare("DELETE FROM documents WHERE id = 'd1'").run()).toThrow();
    expect((await f.decisions.listDocumentEntries('d1'))[0]?.payload).toBe('{"reason":null,"stance":"agree"}');
    await f.close();
  });

  it('links appends from two connections to the same file into one chain', async () => {
    const { file, f, append } = await seeded();
    const otherDb = new Database(file);
    const other = new SqliteDecisionStore(otherDb);
    for (let i = 0; i < 10; i++) await append(i % 2 ? other : f.decisions, `e${i}`);
    const entries = await f.decisions.listDocumentEntries('d1');
    expect(entries.map((e) => e.id)).toEqual(Array.from({ length: 10 }, (_, i) => `e${i}`));
    expect(verifyChain(entries).ok).toBe(true);
    otherDb.close();
    await f.close();
  });
});
