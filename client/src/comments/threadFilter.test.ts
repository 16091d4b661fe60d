import { describe, expect, it } from 'vitest';
import type { Comment, CommentThread, PersonRef } from '../../../shared/src/index';
import { DEFAULT_FILTER, filterThreads, matchesThreadFilter, mayChangeStatus, mayComment, questionsFromText } from './threadFilter';

const jean: PersonRef = { userId: 'jean', displayName: 'Jean', role: 'caregiver', perspective: 'experiential' };
const roy: PersonRef = { userId: 'roy', displayName: 'Dr Roy', role: 'clinician', perspective: 'professional' };
const alice: PersonRef = { userId: 'alice', displayName: 'Alice', role: 'facilitator', perspective: 'facilitation' };

function comment(id: string, author: PersonRef, mentions: PersonRef[] = []): Comment {
  return { id, documentId: 'd', threadId: id, parentId: null, author, body: `body ${id}`, mentions, roundId: null, createdAt: '2026-01-01T00:00:00.000Z', editedAt: null, edits: [] };
}

function thread(id: string, status: 'open' | 'resolved', comments: Comment[], updatedAt: string): CommentThread {
  return { id, documentId: 'd', status, anchor: null, roundId: null, comments, statusHistory: [], updatedAt };
}

const byJean = thread('t1', 'open', [comment('c1', jean, [roy])], '2026-01-01T10:00:00.000Z');
const byRoy = thread('t2', 'resolved', [comment('c2', roy), comment('c3', alice)], '2026-01-02T10:00:00.000Z');
const byAlice = thread('t3', 'open', [comment('c4', alice)], '2026-01-03T10:00:00.000Z');
const all = [byJean, byRoy, byAlice];

describe('comment thread filters', () => {
  it('shows open threads by default, most recently active first, and keeps resolved ones under "resolved"', () => {
    expect(filterThreads(all, DEFAULT_FILTER, 'jean').map((t) => t.id)).toEqual(['t3', 't1']);
    expect(filterThreads(all, { ...DEFAULT_FILTER, status: 'resolved' }, 'jean').map((t) => t.id)).toEqual(['t2']);
    expect(filterThreads(all, { ...DEFAULT_FILTER, status: 'all' }, 'jean').map((t) => t.id)).toEqual(['t3', 't1', 't2']);
  });

  it('"mine" keeps threads I wrote in or am mentioned in, like the server', () => {
    const mine = { status: 'all' as const, mine: true, perspective: null };
    expect(filterThreads(all, mine, 'roy').map((t) => t.id)).toEqual(['t1', 't2']);
    expect(filterThreads(all, mine, 'jean').map((t) => t.id)).toEqual(['t1']);
    expect(filterThreads(all, mine, 'nobody')).toEqual([]);
  });

  it('filters by the perspective of anyone who wrote in the thread (not of those mentioned)', () => {
    const professional = { status: 'all' as const, mine: false, perspective: 'professional' as const };
    expect(filterThreads(all, professional, 'x').map((t) => t.id)).toEqual(['t2']);
    expect(matchesThreadFilter(byRoy, { ...professional, perspective: 'facilitation' }, 'x')).toBe(true);
    expect(matchesThreadFilter(byJean, { ...professional, perspective: 'facilitation' }, 'x')).toBe(false);
  });

  it('combines the filters', () => {
    expect(filterThreads(all, { status: 'open', mine: true, perspective: 'experiential' }, 'roy').map((t) => t.id)).toEqual(['t1']);
    expect(filterThreads(all, { status: 'resolved', mine: true, perspective: 'experiential' }, 'roy')).toEqual([]);
  });
});

describe('who may comment and resolve (mirrors the server rules)', () => {
  it('lets owners, editors and commenters comment but not viewers', () => {
    expect(['owner', 'editor', 'commenter', 'viewer'].map((p) => mayComment(p as never))).toEqual([true, true, true, false]);
  });

  it('lets owners and editors resolve any thread, a commenter only their own, a viewer none', () => {
    expect(mayChangeStatus(byJean, 'editor', 'roy')).toBe(true);
    expect(mayChangeStatus(byJean, 'owner', 'alice')).toBe(true);
    expect(mayChangeStatus(byJean, 'commenter', 'jean')).toBe(true);
    expect(mayChangeStatus(byRoy, 'commenter', 'jean')).toBe(false);
    expect(mayChangeStatus(byJean, 'viewer', 'jean')).toBe(false);
  });
});

describe('review questions typed one per line', () => {
  it('trims each line and drops blank ones', () => {
    expect(questionsFromText('  Is it clear?\n\n   \nWhat is missing?  \r\n')).toEqual(['Is it clear?', 'What is missing?']);
    expect(questionsFromText('')).toEqual([]);
  });
});
