import { describe, expect, it } from 'vitest';
import { MOODS, type Role } from '../../../shared/src/index';
import { openSqliteDatabase } from '../storage/sqlite/sqliteStore';
import { SqliteWorkshopStore } from '../storage/sqlite/workshopStore';
import type { WorkshopMutation, WorkshopSnapshot } from './workshopStore';

/** A small seeded generator (mulberry32), so a failure can be replayed from its seed. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function emptyWorkshop(): WorkshopSnapshot {
  return {
    workshop: {
      id: 'w1', workspaceId: 'ws', title: 'T', language: 'en', votesPerPerson: 3, allowAuthorshipReveal: true, status: 'open', currentStepId: 's1',
      timer: { durationMs: 60_000, deadlineAt: null, pausedRemainingMs: null }, authorshipRevealed: false, votesRevealed: false, summaryDocumentId: null, revision: 0, createdBy: 'u0', createdAt: 0,
    },
    facilitatorIds: ['u0'],
    steps: [{ id: 's1', kind: 'ideas', title: 'Ideas', durationMs: 60_000 }, { id: 's2', kind: 'voting', title: 'Voting', durationMs: 60_000 }],
    columns: [{ id: 'c1', prompt: 'Why?' }],
    themes: [], cards: [], votes: [], hands: [], checkins: [], outcomes: [],
  };
}

function randomMutation(s: WorkshopSnapshot, next: () => number, n: number): WorkshopMutation {
  const pick = <T,>(items: readonly T[]): T | undefined => items[Math.floor(next() * items.length)];
  const user = `u${Math.floor(next() * 6)}`;
  const at = Math.floor(next() * 50); // few distinct times: ties must order like SQLite does
  const card = pick(s.cards);
  const theme = pick(s.themes);
  switch (Math.floor(next() * 10)) {
    case 0: return { kind: 'addCard', card: { id: `k${n}`, columnId: 'c1', authorId: user, authorRole: 'person' as Role, text: `idea ${n}`, themeId: null, revealedAt: null, createdAt: at } };
    case 1: return { kind: 'revealCards', at };
    case 2: return { kind: 'addTheme', theme: { id: `t${n}`, name: `theme ${n}`, createdAt: at } };
    case 3: return card ? { kind: 'moveCard', cardId: card.id, themeId: theme?.id ?? null } : { kind: 'addColumn', column: { id: `c${n}`, prompt: 'More?' } };
    case 4: return card ? { kind: 'setVote', vote: { cardId: card.id, voterId: user, voterRole: 'clinician', dots: Math.floor(next() * 3) } } : { kind: 'update', patch: { currentStepId: 's2' } };
    case 5: return { kind: 'setHand', userId: user, raisedAt: next() < 0.5 ? null : at };
    case 6: return { kind: 'setCheckin', checkin: { userId: user, phase: next() < 0.5 ? 'in' : 'out', mood: pick(MOODS) ?? null, word: next() < 0.5 ? null : 'calm', at } };
    case 7: return { kind: 'addOutcome', outcome: { id: `o${n}`, text: `decision ${n}`, createdBy: 'u0', createdAt: at } };
    case 8: return theme ? { kind: 'renameTheme', themeId: theme.id, name: `renamed ${n}` } : { kind: 'setFacilitators', userIds: [...new Set(['u0', user])] };
    default: return { kind: 'update', patch: { timer: { durationMs: 120_000, deadlineAt: at, pausedRemainingMs: null }, votesRevealed: next() < 0.2 } };
  }
}

describe('the remembered workshop snapshot', () => {
  it('equals a fresh read from SQLite after any sequence of commands', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const db = openSqliteDatabase({ filename: ':memory:', durability: 'normal' });
      db.exec(`INSERT INTO users (id, display_name, color, created_at) VALUES ('u0', 'U', '#000', 0);
               INSERT INTO workspaces (id, name, purpose, created_at, created_by) VALUES ('ws', 'W', 'other', 0, 'u0')`);
      const cached = new SqliteWorkshopStore(db);
      await cached.create(emptyWorkshop());
      const next = rng(seed);
      for (let n = 0; n < 150; n++) {
        await cached.apply('w1', (s) => ({ mutations: [randomMutation(s, next, n), randomMutation(s, next, n + 1000)], value: null }));
        if (n % 10 !== 0) continue;
        // A second adapter has nothing in memory: it reads every row.
        const fresh = await new SqliteWorkshopStore(db).load('w1');
        expect(await cached.load('w1'), `seed ${seed}, step ${n}`).toEqual(fresh);
      }
      db.close();
    }
  });

  it('is read again when another process changed the workshop (its revision moved)', async () => {
    const db = openSqliteDatabase({ filename: ':memory:', durability: 'normal' });
    db.exec(`INSERT INTO users (id, display_name, color, created_at) VALUES ('u0', 'U', '#000', 0);
             INSERT INTO workspaces (id, name, purpose, created_at, created_by) VALUES ('ws', 'W', 'other', 0, 'u0')`);
    const mine = new SqliteWorkshopStore(db);
    const theirs = new SqliteWorkshopStore(db);
    await mine.create(emptyWorkshop());
    expect((await mine.load('w1'))?.cards).toEqual([]);
    await theirs.apply('w1', () => ({ mutations: [{ kind: 'addColumn', column: { id: 'c2', prompt: 'Else?' } }], value: null }));
    expect((await mine.load('w1'))?.columns.map((c) => c.id)).toEqual(['c1', 'c2']);
  });
});
