/**
 * Applies a stored mutation to a snapshot, giving the snapshot the database now holds. Storage
 * adapters use it to keep the latest snapshot of a busy workshop in memory instead of reading
 * every row back after each vote; the result must equal a fresh read, in the same order
 * (workshopSnapshot.test.ts checks that against SQLite). Snapshots are never changed in place:
 * a reader may still hold the previous one.
 */
import type { WorkshopMutation, WorkshopSnapshot } from './workshopStore';

const byCreation = <T extends { createdAt: number }>(items: T[]): T[] => [...items].sort((a, b) => a.createdAt - b.createdAt);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function applyMutation(s: WorkshopSnapshot, m: WorkshopMutation): WorkshopSnapshot {
  switch (m.kind) {
    case 'update':
      return { ...s, workshop: { ...s.workshop, ...m.patch } };
    case 'setFacilitators':
      return { ...s, facilitatorIds: [...m.userIds] };
    case 'addColumn':
      return { ...s, columns: [...s.columns, m.column] };
    case 'addCard':
      return { ...s, cards: byCreation([...s.cards, m.card]) };
    case 'revealCards':
      return { ...s, cards: s.cards.map((c) => (c.revealedAt === null ? { ...c, revealedAt: m.at } : c)) };
    case 'addTheme':
      return { ...s, themes: byCreation([...s.themes, m.theme]) };
    case 'renameTheme':
      return { ...s, themes: s.themes.map((t) => (t.id === m.themeId ? { ...t, name: m.name } : t)) };
    case 'moveCard':
      return { ...s, cards: s.cards.map((c) => (c.id === m.cardId ? { ...c, themeId: m.themeId } : c)) };
    case 'setVote': {
      const others = s.votes.filter((v) => !(v.cardId === m.vote.cardId && v.voterId === m.vote.voterId));
      const votes = m.vote.dots > 0 ? [...others, m.vote] : others;
      return { ...s, votes: votes.sort((a, b) => compare(a.cardId, b.cardId) || compare(a.voterId, b.voterId)) };
    }
    case 'setHand': {
      const others = s.hands.filter((h) => h.userId !== m.userId);
      const hands = m.raisedAt === null ? others : [...others, { userId: m.userId, raisedAt: m.raisedAt }];
      return { ...s, hands: hands.sort((a, b) => a.raisedAt - b.raisedAt || compare(a.userId, b.userId)) };
    }
    case 'setCheckin': {
      const others = s.checkins.filter((c) => !(c.userId === m.checkin.userId && c.phase === m.checkin.phase));
      return { ...s, checkins: [...others, m.checkin].sort((a, b) => a.at - b.at || compare(a.userId, b.userId) || compare(a.phase, b.phase)) };
    }
    case 'addOutcome':
      return { ...s, outcomes: byCreation([...s.outcomes, m.outcome]) };
  }
}
