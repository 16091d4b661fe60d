/**
 * The DecisionStore contract: every adapter must pass this suite. Call
 * `describeDecisionStoreContract(name, open)` from the adapter's test file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../storage/store';
import type { DecisionEntryDraft, DecisionStore } from './decisionStore';
import { GENESIS_HASH, entryHash, verifyChain } from './hashChain';

export interface DecisionStoreFixture {
  decisions: DecisionStore;
  /** The main store on the same database, used to create the documents entries belong to. */
  store: Store;
  close(): Promise<void>;
}

let ids = 0;
const draft = (overrides: Partial<DecisionEntryDraft> = {}): DecisionEntryDraft => ({
  id: `e${++ids}`,
  kind: 'position',
  authorId: 'u1',
  authorRole: 'clinician',
  payload: { stance: 'agree', reason: null },
  createdAt: 1_700_000_000_000 + ids,
  ...overrides,
});

export function describeDecisionStoreContract(name: string, open: () => Promise<DecisionStoreFixture>): void {
  describe(`DecisionStore contract: ${name}`, () => {
    let f: DecisionStoreFixture;

    beforeEach(async () => {
      f = await open();
      await f.store.createUser({ id: 'u1', email: null, displayName: 'U1', passwordHash: null, color: '#000000', language: null, createdAt: 1 });
      await f.store.createWorkspace(
        { id: 'w1', name: 'W', purpose: 'committee', createdAt: 1, createdBy: 'u1' },
        { workspaceId: 'w1', userId: 'u1', role: 'clinician', permission: 'owner', createdAt: 1 },
      );
      for (const id of ['d1', 'd2']) await f.store.createDocument({ id, workspaceId: 'w1', title: id, template: null, createdAt: 1, updatedAt: 1 });
    });
    afterEach(async () => {
      await f.close();
    });

    it('chains each document from the genesis hash, with consecutive seqs and canonical payloads', async () => {
      const a = await f.decisions.append('d1', 'k1', () => draft({ kind: 'created', payload: { title: 'T', method: 'consent', participants: [] } }));
      const b = await f.decisions.append('d1', 'k1', () => draft({ payload: { stance: 'agree', reason: null } }));
      const c = await f.decisions.append('d2', 'k2', () => draft({ kind: 'created', payload: { z: 1, a: [1, { y: true, b: null }] } }));
      expect([a.seq, b.seq, c.seq]).toEqual([1, 2, 1]);
      expect(a.prevHash).toBe(GENESIS_HASH);
      expect(b.prevHash).toBe(a.hash);
      expect(c.prevHash).toBe(GENESIS_HASH);
      expect(a.payload).toBe('{"method":"consent","participants":[],"title":"T"}');
      expect(c.payload).toBe('{"a":[1,{"b":null,"y":true}],"z":1}');
      for (const entry of [a, b, c]) expect(entry.hash).toBe(entryHash(entry));
      expect(await f.decisions.listDocumentEntries('d1')).toEqual([a, b]);
      expect(verifyChain(await f.decisions.listDocumentEntries('d1'))).toEqual({ ok: true, entries: 2, head: b.hash });
    });

    it('gives prepare the decision history and stores nothing when it refuses', async () => {
      await f.decisions.append('d1', 'k1', () => draft({ kind: 'created' }));
      await f.decisions.append('d1', 'k2', () => draft({ kind: 'created' }));
      const seen: string[][] = [];
      await f.decisions.append('d1', 'k1', (history) => {
        seen.push(history.map((e) => e.decisionId));
        return draft();
      });
      await expect(
        f.decisions.append('d1', 'k1', () => {
          throw new Error('closed');
        }),
      ).rejects.toThrow('closed');
      expect(seen).toEqual([['k1']]);
      expect((await f.decisions.listDecisionEntries('k1')).map((e) => e.seq)).toEqual([1, 3]);
      expect((await f.decisions.listDocumentEntries('d1')).map((e) => e.seq)).toEqual([1, 2, 3]);
    });

    it('finds the document of a decision, and nothing for an unknown one', async () => {
      await f.decisions.append('d2', 'k9', () => draft({ kind: 'created' }));
      expect(await f.decisions.documentOfDecision('k9')).toBe('d2');
      expect(await f.decisions.documentOfDecision('nope')).toBeNull();
      expect(await f.decisions.listDecisionEntries('nope')).toEqual([]);
    });

    it('keeps one linear chain under concurrent appends', async () => {
      await Promise.all(Array.from({ length: 40 }, (_, i) => f.decisions.append('d1', `k${i % 4}`, () => draft())));
      const entries = await f.decisions.listDocumentEntries('d1');
      expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(verifyChain(entries).ok).toBe(true);
    });

    it('refuses an entry for a document that does not exist', async () => {
      await expect(f.decisions.append('missing', 'k1', () => draft({ kind: 'created' }))).rejects.toThrow();
    });
  });
}
