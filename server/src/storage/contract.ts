/**
 * The storage contract: every Store adapter must pass this suite (SQLite in
 * sqlite/sqliteStore.test.ts, PostgreSQL in postgres/pgStore.test.ts). Call
 * `describeStoreContract(name, open)` from the adapter's test file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store, UserRecord } from './store';

const user = (id: string, email: string | null = `${id}@example.org`): UserRecord => ({
  id,
  email,
  displayName: `User ${id}`,
  passwordHash: null,
  color: '#1a6e8e',
  language: null,
  createdAt: 1_000,
});

const bytes = (...values: number[]) => new Uint8Array(values);

export function describeStoreContract(name: string, open: () => Promise<{ store: Store; reopen?: () => Promise<Store> }>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    let reopen: (() => Promise<Store>) | undefined;

    beforeEach(async () => {
      ({ store, reopen } = await open());
    });
    afterEach(async () => {
      await store.close();
    });

    async function seedDocument(documentId = 'd1'): Promise<void> {
      await store.createUser(user('u1'));
      await store.createWorkspace(
        { id: 'w1', name: 'W', purpose: 'committee', createdAt: 1, createdBy: 'u1' },
        { workspaceId: 'w1', userId: 'u1', role: 'clinician', permission: 'owner', createdAt: 1 },
      );
      await store.createDocument({ id: documentId, workspaceId: 'w1', title: 'Doc', template: null, createdAt: 1, updatedAt: 1 });
    }

    it('creates the first user only once', async () => {
      expect(await store.countUsers()).toBe(0);
      expect(await store.createFirstUser(user('a'))).toBe(true);
      expect(await store.createFirstUser(user('b'))).toBe(false);
      expect(await store.countUsers()).toBe(1);
      expect((await store.findUserByEmail('a@example.org'))?.id).toBe('a');
      expect(await store.findUserByEmail('b@example.org')).toBeNull();
    });

    it('refuses two users with the same email', async () => {
      await store.createUser(user('a', 'same@example.org'));
      await expect(store.createUser(user('b', 'same@example.org'))).rejects.toThrow();
    });

    it('updates a user profile partially', async () => {
      await store.createUser(user('a'));
      const updated = await store.updateUser('a', { language: 'fr' });
      expect(updated).toMatchObject({ id: 'a', language: 'fr', displayName: 'User a' });
      expect(await store.updateUser('missing', { language: 'en' })).toBeNull();
    });

    it('stores, finds and deletes sessions by token hash', async () => {
      await store.createUser(user('a'));
      await store.createSession({ tokenHash: 'h1', userId: 'a', createdAt: 1, expiresAt: 2 });
      expect(await store.findSession('h1')).toEqual({ tokenHash: 'h1', userId: 'a', createdAt: 1, expiresAt: 2, idleTimeoutMs: null, lastUsedAt: 1 });
      await store.deleteSession('h1');
      expect(await store.findSession('h1')).toBeNull();
    });

    it('creates a workspace with its owner and lists it only for members', async () => {
      await seedDocument();
      await store.createUser(user('u2'));
      const list = await store.listWorkspacesOf('u1');
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ id: 'w1', purpose: 'committee', membership: { role: 'clinician', permission: 'owner' } });
      expect(await store.listWorkspacesOf('u2')).toEqual([]);
      expect(await store.getMembership('w1', 'u2')).toBeNull();
      expect((await store.listMembershipsOf('u1')).map((m) => m.workspaceId)).toEqual(['w1']);
    });

    it('appends updates with gapless per-document sequence numbers, in order, across documents in one batch', async () => {
      await seedDocument('d1');
      await store.createDocument({ id: 'd2', workspaceId: 'w1', title: 'Other', template: null, createdAt: 1, updatedAt: 1 });
      const seqs = await store.appendUpdates([
        { documentId: 'd1', memberId: 'u1', update: bytes(1), time: 10 },
        { documentId: 'd2', memberId: 'u1', update: bytes(2), time: 10 },
        { documentId: 'd1', memberId: 'u1', update: bytes(3), time: 10 },
      ]);
      expect(seqs).toEqual([1, 1, 2]);
      expect(await store.appendUpdates([{ documentId: 'd1', memberId: 'u1', update: bytes(4), time: 11 }])).toEqual([3]);
      const log = await store.readUpdates('d1', 1);
      expect(log.map((u) => [u.seq, Array.from(u.update), u.memberId, u.time])).toEqual([
        [1, [1], 'u1', 10],
        [2, [3], 'u1', 10],
        [3, [4], 'u1', 11],
      ]);
      expect((await store.readUpdates('d1', 2, 2)).map((u) => u.seq)).toEqual([2]);
      expect(await store.latestSeq('d1')).toBe(3);
      expect(await store.latestSeq('d2')).toBe(1);
      expect((await store.getDocument('d1'))?.updatedAt).toBe(11);
    });

    it('appends a batch atomically: a failing entry stores nothing of the batch', async () => {
      await seedDocument('d1');
      await expect(
        store.appendUpdates([
          { documentId: 'd1', memberId: 'u1', update: bytes(1), time: 1 },
          { documentId: 'no-such-document', memberId: 'u1', update: bytes(2), time: 1 },
        ]),
      ).rejects.toThrow();
      expect(await store.readUpdates('d1', 1)).toEqual([]);
    });

    it('binds client ids in the append, and a batch that binds an id already bound stores nothing', async () => {
      await seedDocument('d1');
      await store.appendUpdates([{ documentId: 'd1', memberId: 'u1', update: bytes(1), time: 1, bindClients: [4_294_967_295, 12] }]);
      await expect(
        store.appendUpdates([
          { documentId: 'd1', memberId: 'u2', update: bytes(2), time: 2, bindClients: [13] },
          { documentId: 'd1', memberId: 'u2', update: bytes(3), time: 2, bindClients: [12] },
        ]),
      ).rejects.toThrow();
      expect((await store.listClientBindings('d1')).sort((a, b) => a.clientId - b.clientId)).toEqual([
        { clientId: 12, memberId: 'u1' },
        { clientId: 4_294_967_295, memberId: 'u1' },
      ]);
      expect((await store.readUpdates('d1', 1)).map((u) => u.seq)).toEqual([1]);
      expect((await store.loadDocumentState('d1')).bindings).toHaveLength(2);
    });

    it('loads the latest checkpoint and only the log after it', async () => {
      await seedDocument('d1');
      await store.appendUpdates([1, 2, 3, 4].map((v) => ({ documentId: 'd1', memberId: 'u1', update: bytes(v), time: v })));
      expect((await store.loadDocumentState('d1')).checkpoint).toBeNull();
      await store.saveCheckpoint({ documentId: 'd1', seq: 2, state: bytes(9, 9) });
      await store.saveCheckpoint({ documentId: 'd1', seq: 3, state: bytes(8, 8) });
      const state = await store.loadDocumentState('d1');
      expect(state.checkpoint).toEqual({ documentId: 'd1', seq: 3, state: bytes(8, 8) });
      expect(state.tail.map((u) => u.seq)).toEqual([4]);
      // The full history stays available after a checkpoint.
      expect((await store.readUpdates('d1', 1)).map((u) => u.seq)).toEqual([1, 2, 3, 4]);
    });

    it('never leaves a workspace without an owner', async () => {
      await seedDocument();
      const audit = { workspaceId: 'w1', kind: 'member_changed' as const, actorId: 'u1', subjectId: 'u1', at: 5 };
      expect(await store.changeMembership('w1', 'u1', { kind: 'remove' }, audit)).toEqual({ ok: false, reason: 'last-owner' });
      expect(await store.changeMembership('w1', 'u1', { kind: 'update', permission: 'editor' }, audit)).toEqual({ ok: false, reason: 'last-owner' });
      expect(await store.changeMembership('w1', 'nobody', { kind: 'remove' }, audit)).toEqual({ ok: false, reason: 'not-member' });
      const roleOnly = await store.changeMembership('w1', 'u1', { kind: 'update', role: 'manager' }, audit);
      expect(roleOnly.ok && roleOnly.after).toMatchObject({ role: 'manager', permission: 'owner' });
      expect((await store.listAudit('w1', 10)).map((e) => e.kind)).toEqual(['member_changed', 'workspace_created']);
    });

    it('uses an invitation at most maxUses times and never after it is revoked or expired', async () => {
      await seedDocument();
      const invitation = {
        id: 'i1', workspaceId: 'w1', tokenHash: 't1', codeHash: 'c1', role: 'caregiver' as const, permission: 'editor' as const,
        maxUses: 1, uses: 0, expiresAt: 100, revokedAt: null, createdBy: 'u1', createdAt: 1,
      };
      await store.createInvitation(invitation, { workspaceId: 'w1', kind: 'invited', actorId: 'u1', subjectId: null, details: {}, at: 1 });
      expect((await store.findInvitation('c1'))?.id).toBe('i1');
      expect(await store.acceptInvitation('i1', 'u2', user('u2', null), 200)).toEqual({ kind: 'unavailable' });
      expect(await store.getUser('u2')).toBeNull();
      const joined = await store.acceptInvitation('i1', 'u2', user('u2', null), 50);
      expect(joined).toMatchObject({ kind: 'joined', membership: { userId: 'u2', role: 'caregiver', permission: 'editor' } });
      expect(await store.acceptInvitation('i1', 'u3', user('u3', null), 51)).toEqual({ kind: 'unavailable' });
      expect((await store.listMembers('w1')).map((m) => m.userId)).toEqual(['u1', 'u2']);
      expect(await store.revokeInvitation('w1', 'i1', 60, { workspaceId: 'w1', kind: 'invitation_revoked', actorId: 'u1', subjectId: null, details: {}, at: 60 })).toBe(true);
      expect((await store.findInvitation('t1'))?.revokedAt).toBe(60);
    });

    it('keeps everything after closing and reopening', async () => {
      if (!reopen) return;
      await seedDocument('d1');
      await store.appendUpdates([{ documentId: 'd1', memberId: 'u1', update: bytes(7), time: 1 }]);
      await store.close();
      store = await reopen();
      expect((await store.readUpdates('d1', 1)).map((u) => Array.from(u.update))).toEqual([[7]]);
      expect((await store.listDocuments('w1')).map((d) => d.id)).toEqual(['d1']);
    });
  });
}
