/**
 * The CommentStore contract: every adapter must pass this suite. Call
 * `describeCommentStoreContract(name, open)` from the adapter's test file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../storage/store';
import type { CommentRecord, CommentStore } from './commentStore';

export interface CommentStoreFixture {
  comments: CommentStore;
  /** The main store on the same database, used to create the documents comments belong to. */
  store: Store;
  close(): Promise<void>;
}

let ids = 0;
const comment = (overrides: Partial<CommentRecord> = {}): CommentRecord => {
  const id = overrides.id ?? `c${++ids}`;
  return { id, documentId: 'd1', threadId: id, parentId: null, authorId: 'u1', authorRole: 'caregiver', anchor: null, mentions: [], roundId: null, createdAt: 1_000 + ids, ...overrides };
};

export function describeCommentStoreContract(name: string, open: () => Promise<CommentStoreFixture>): void {
  describe(`CommentStore contract: ${name}`, () => {
    let f: CommentStoreFixture;

    beforeEach(async () => {
      f = await open();
      await f.store.createUser({ id: 'u1', email: null, displayName: 'U1', passwordHash: null, color: '#000000', language: null, createdAt: 1 });
      await f.store.createWorkspace(
        { id: 'w1', name: 'W', purpose: 'committee', createdAt: 1, createdBy: 'u1' },
        { workspaceId: 'w1', userId: 'u1', role: 'caregiver', permission: 'owner', createdAt: 1 },
      );
      for (const id of ['d1', 'd2']) await f.store.createDocument({ id, workspaceId: 'w1', title: id, template: null, createdAt: 1, updatedAt: 1 });
    });
    afterEach(async () => {
      await f.close();
    });

    it('stores a comment with its first body and mentions in order, and reads it back', async () => {
      const root = comment({ anchor: '{"start":"AA==","end":"AA=="}', mentions: ['u3', 'u2'], roundId: 'r1' });
      await f.comments.create(root, 'Première version');
      expect(await f.comments.getComment(root.id)).toEqual(root);
      expect(await f.comments.getComment('nope')).toBeNull();
      const { comments, events } = await f.comments.listDocument('d1');
      expect(comments).toEqual([root]);
      expect(events).toEqual([{ id: expect.any(Number), commentId: root.id, kind: 'body', actorId: 'u1', body: 'Première version', at: root.createdAt }]);
    });

    it('appends events after a check on the history, and stores nothing when the check refuses', async () => {
      const root = comment();
      await f.comments.create(root, 'v1');
      const seen: string[][] = [];
      await f.comments.append(root.id, (events) => {
        seen.push(events.map((e) => e.kind));
        return { kind: 'resolved', actorId: 'u2', body: null, at: 5_000 };
      });
      await expect(
        f.comments.append(root.id, () => {
          throw new Error('already resolved');
        }),
      ).rejects.toThrow('already resolved');
      await f.comments.append(root.id, () => ({ kind: 'body', actorId: 'u1', body: 'v2', at: 6_000 }));
      expect(seen).toEqual([['body']]);
      const { events } = await f.comments.listDocument('d1');
      expect(events.map((e) => [e.kind, e.body])).toEqual([['body', 'v1'], ['resolved', null], ['body', 'v2']]);
    });

    it('keeps documents apart, finds mentions newest first, and counts comments per author', async () => {
      const a = comment({ mentions: ['u9'] });
      const b = comment({ documentId: 'd2', mentions: ['u9'], authorId: 'u2' });
      const reply = comment({ threadId: a.id, parentId: a.id, authorId: 'u2' });
      for (const c of [a, b, reply]) await f.comments.create(c, 'text');
      expect((await f.comments.listDocument('d1')).comments.map((c) => c.id)).toEqual([a.id, reply.id]);
      expect((await f.comments.mentioning('u9', 10)).map((c) => c.id)).toEqual([b.id, a.id]);
      expect((await f.comments.mentioning('u9', 1)).map((c) => c.id)).toEqual([b.id]);
      expect(await f.comments.countsByAuthor('d1')).toEqual(new Map([['u1', 1], ['u2', 1]]));
    });

    it('refuses a comment on a document that does not exist', async () => {
      await expect(f.comments.create(comment({ documentId: 'missing' }), 'x')).rejects.toThrow();
    });
  });
}
