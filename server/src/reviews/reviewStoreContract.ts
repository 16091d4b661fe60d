/**
 * The ReviewStore and VisitStore contracts: every adapter must pass this suite. Call
 * `describeReviewStoreContract(name, open)` from the adapter's test file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VisitStore } from '../notifications/visitStore';
import type { Store } from '../storage/store';
import type { ReviewRoundRecord, ReviewStore } from './reviewStore';

export interface ReviewStoreFixture {
  reviews: ReviewStore;
  visits: VisitStore;
  store: Store;
  close(): Promise<void>;
}

const round = (id: string, overrides: Partial<ReviewRoundRecord> = {}): ReviewRoundRecord => ({
  id,
  documentId: 'd1',
  title: `Round ${id}`,
  questions: ['Is it clear?'],
  dueDate: '2026-03-01',
  openedBy: 'u1',
  openedAt: 1_000,
  closedBy: null,
  closedAt: null,
  summary: null,
  suggestions: null,
  ...overrides,
});

export function describeReviewStoreContract(name: string, open: () => Promise<ReviewStoreFixture>): void {
  describe(`ReviewStore and VisitStore contract: ${name}`, () => {
    let f: ReviewStoreFixture;

    beforeEach(async () => {
      f = await open();
      await f.store.createUser({ id: 'u1', email: null, displayName: 'U1', passwordHash: null, color: '#000000', language: null, createdAt: 1 });
      await f.store.createWorkspace(
        { id: 'w1', name: 'W', purpose: 'committee', createdAt: 1, createdBy: 'u1' },
        { workspaceId: 'w1', userId: 'u1', role: 'manager', permission: 'owner', createdAt: 1 },
      );
      await f.store.createDocument({ id: 'd1', workspaceId: 'w1', title: 'D', template: null, createdAt: 1, updatedAt: 1 });
    });
    afterEach(async () => {
      await f.close();
    });

    it('keeps reviewers in order, marks each done once, and only while the round is open', async () => {
      await f.reviews.create(round('r1'), ['u3', 'u2']);
      expect(await f.reviews.markDone('r1', 'u2', 2_000, 'Relu, ok.')).toBe('done');
      expect(await f.reviews.markDone('r1', 'u2', 2_500, null)).toBe('already-done');
      expect(await f.reviews.markDone('r1', 'u9', 2_500, null)).toBe('not-reviewer');
      expect(await f.reviews.markDone('nope', 'u2', 2_500, null)).toBe('not-found');
      expect(await f.reviews.pendingFor('u3')).toEqual([round('r1')]);
      expect(await f.reviews.close('r1', 'u1', 3_000, 'Merci', '[]')).toBe(true);
      expect(await f.reviews.close('r1', 'u1', 3_500, null, '[]')).toBe(false);
      expect(await f.reviews.markDone('r1', 'u3', 4_000, null)).toBe('closed');
      expect(await f.reviews.pendingFor('u3')).toEqual([]);
      expect(await f.reviews.get('r1')).toEqual({
        round: round('r1', { closedBy: 'u1', closedAt: 3_000, summary: 'Merci', suggestions: '[]' }),
        assignments: [
          { roundId: 'r1', userId: 'u3', doneAt: null, note: null },
          { roundId: 'r1', userId: 'u2', doneAt: 2_000, note: 'Relu, ok.' },
        ],
      });
    });

    it('lists a document’s rounds oldest first', async () => {
      await f.reviews.create(round('r2', { openedAt: 2_000 }), ['u2']);
      await f.reviews.create(round('r1', { openedAt: 1_000 }), ['u2']);
      expect((await f.reviews.listDocument('d1')).map((r) => r.round.id)).toEqual(['r1', 'r2']);
      expect(await f.reviews.get('nope')).toBeNull();
    });

    it('keeps the latest visit, and summarises what others appended since', async () => {
      await f.visits.recordVisit('d1', 'u1', 5_000);
      await f.visits.recordVisit('d1', 'u1', 4_000);
      expect(await f.visits.lastVisits('u1')).toEqual(new Map([['d1', 5_000]]));
      const update = (memberId: string, time: number) => ({ documentId: 'd1', memberId, update: new Uint8Array([0, 0]), time, bindClients: [] });
      await f.store.appendUpdates([update('u2', 4_500), update('u1', 6_000), update('u2', 7_000), update('u3', 8_000)]);
      expect(await f.visits.changesSince('d1', 5_000, 'u1')).toEqual({ updates: 2, lastAt: 8_000, memberIds: ['u3', 'u2'] });
      expect(await f.visits.changesSince('d1', 9_000, 'u1')).toEqual({ updates: 0, lastAt: null, memberIds: [] });
    });
  });
}
