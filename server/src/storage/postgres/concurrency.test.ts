/**
 * Several server instances write to one PostgreSQL database: each has its own pool. These
 * tests write through two independent pools at once, as two instances would.
 */
import pg from 'pg';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { verifyChain } from '../../decisions/hashChain';
import { describeWithPostgres, usePostgres } from '../../../test/support/postgres';
import type { Storage } from '../storage';
import { openPostgresStorage } from './postgresStorage';

describeWithPostgres('PostgreSQL shared by two instances', () => {
  const postgres = usePostgres();
  let url: string;
  let a: Storage;
  let b: Storage;

  beforeEach(async () => {
    url = await postgres.createDatabase();
    [a, b] = await Promise.all([openPostgresStorage({ url, max: 4 }), openPostgresStorage({ url, max: 4 })]);
    await a.store.createUser({ id: 'u1', email: null, displayName: 'U1', passwordHash: null, color: '#000000', language: null, createdAt: 1 });
    await a.store.createWorkspace(
      { id: 'w1', name: 'W', purpose: 'committee', createdAt: 1, createdBy: 'u1' },
      { workspaceId: 'w1', userId: 'u1', role: 'clinician', permission: 'owner', createdAt: 1 },
    );
    for (const id of ['d1', 'd2']) await a.store.createDocument({ id, workspaceId: 'w1', title: id, template: null, createdAt: 1, updatedAt: 1 });
  });
  afterEach(async () => {
    await Promise.all([a.store.close(), b.store.close()]);
  });

  it('numbers concurrent appends to one document 1..N, without duplicates or gaps, and stores every update', async () => {
    const perInstance = 60;
    const appendFrom = (storage: Storage, tag: number) =>
      Array.from({ length: perInstance }, (_, i) =>
        storage.store.appendUpdates([
          { documentId: 'd1', memberId: `m${tag}`, update: new Uint8Array([tag, i]), time: 10 + i },
          // A batch may span documents: locks are taken in id order, so batches never deadlock.
          ...(i % 3 === 0 ? [{ documentId: 'd2', memberId: `m${tag}`, update: new Uint8Array([tag, i, 2]), time: 10 + i }] : []),
        ]),
      );
    const results = await Promise.all([...appendFrom(a, 1), ...appendFrom(b, 2)]);
    const d1Seqs = results.map((seqs) => seqs[0]!).sort((x, y) => x - y);
    expect(d1Seqs).toEqual(Array.from({ length: 2 * perInstance }, (_, i) => i + 1));
    const log = await b.store.readUpdates('d1', 1);
    expect(log.map((u) => u.seq)).toEqual(d1Seqs);
    // Each update is stored under the number its append resolved with.
    const stored = new Map(log.map((u) => [u.seq, Array.from(u.update).join(',')]));
    const expected = new Set<string>();
    for (const tag of [1, 2]) for (let i = 0; i < perInstance; i++) expected.add(`${tag},${i}`);
    expect(new Set(stored.values())).toEqual(expected);
    expect((await a.store.readUpdates('d2', 1)).map((u) => u.seq)).toEqual(Array.from({ length: 2 * 20 }, (_, i) => i + 1));
    expect(await a.store.latestSeq('d1')).toBe(2 * perInstance);
  });

  it('keeps one linear decision chain when two instances append to it at once', async () => {
    let n = 0;
    const append = (storage: Storage, decisionId: string) =>
      storage.decisions.append('d1', decisionId, () => ({
        id: `e${++n}`,
        kind: 'position',
        authorId: 'u1',
        authorRole: 'clinician',
        payload: { stance: 'agree', reason: null },
        createdAt: 1_700_000_000_000 + n,
      }));
    await Promise.all(Array.from({ length: 50 }, (_, i) => append(i % 2 ? a : b, `k${i % 5}`)));
    const entries = await a.decisions.listDocumentEntries('d1');
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(verifyChain(entries)).toMatchObject({ ok: true, entries: 50 });
  });

  it('lets only one of two instances use the last place of an invitation', async () => {
    const invitation = {
      id: 'i1', workspaceId: 'w1', tokenHash: 't1', codeHash: 'c1', role: 'caregiver' as const, permission: 'editor' as const,
      maxUses: 1, uses: 0, expiresAt: 100, revokedAt: null, createdBy: 'u1', createdAt: 1,
    };
    await a.store.createInvitation(invitation, { workspaceId: 'w1', kind: 'invited', actorId: 'u1', subjectId: null, details: {}, at: 1 });
    const user = (id: string) => ({ id, email: null, displayName: id, passwordHash: null, color: '#000000', language: null, createdAt: 2 });
    const results = await Promise.all([a.store.acceptInvitation('i1', 'x', user('x'), 50), b.store.acceptInvitation('i1', 'y', user('y'), 50)]);
    expect(results.map((r) => r.kind).sort()).toEqual(['joined', 'unavailable']);
    expect((await a.store.listMembers('w1')).map((m) => m.userId).sort()).toHaveLength(2);
  });

  it('never lets two owners demoted at once leave the workspace without an owner', async () => {
    await a.store.createUser({ id: 'u2', email: null, displayName: 'U2', passwordHash: null, color: '#000000', language: null, createdAt: 1 });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("INSERT INTO memberships (workspace_id, user_id, role, permission, created_at) VALUES ('w1', 'u2', 'clinician', 'owner', 2)");
    await client.end();
    const audit = { workspaceId: 'w1', kind: 'member_changed' as const, actorId: 'u1', subjectId: 'u1', at: 5 };
    const results = await Promise.all([
      a.store.changeMembership('w1', 'u1', { kind: 'update', permission: 'editor' }, audit),
      b.store.changeMembership('w1', 'u2', { kind: 'update', permission: 'editor' }, audit),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await a.store.listMembers('w1')).filter((m) => m.permission === 'owner')).toHaveLength(1);
  });

  it('forbids updating, deleting or truncating decision entries, even through SQL', async () => {
    await a.decisions.append('d1', 'k1', () => ({ id: 'e1', kind: 'created', authorId: 'u1', authorRole: 'clinician', payload: { title: 'T' }, createdAt: 5 }));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await expect(client.query("UPDATE decision_entries SET payload = '{}'")).rejects.toThrow(/append-only/);
      await expect(client.query('DELETE FROM decision_entries')).rejects.toThrow(/append-only/);
      await expect(client.query('TRUNCATE decision_entries')).rejects.toThrow(/append-only/);
      await expect(client.query("DELETE FROM documents WHERE id = 'd1'")).rejects.toThrow(/foreign key/);
    } finally {
      await client.end();
    }
    expect((await b.decisions.listDocumentEntries('d1')).map((e) => e.payload)).toEqual(['{"title":"T"}']);
    // A retention purge deletes a whole workspace, decision entries included.
    expect(await a.privacy.deleteWorkspace('w1')).toEqual({ documents: 2 });
    expect(await a.decisions.listDocumentEntries('d1')).toEqual([]);
    expect(await a.store.getWorkspace('w1')).toBeNull();
  });
});
