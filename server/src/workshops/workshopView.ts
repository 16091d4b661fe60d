/**
 * Builds the state one recipient may see. This is the only place workshop content leaves the
 * server, so every secrecy rule lives here: an idea that is not revealed goes to its author
 * only; authors' names go out only after a facilitator revealed them in a workshop that allows
 * it; each person gets their own dots and nobody's results before the reveal; the projector
 * gets no names at all, not even the caller's own private ideas.
 */
import { MOODS, perspectiveOf, type CardResult, type CheckinPhase, type CheckinSummary, type PerspectiveCounts, type WorkshopState } from '../../../shared/src/index';
import { remainingMs } from './workshopControls';
import type { WorkshopSnapshot } from './workshopStore';

export interface Viewer {
  /** Null for the projector, which is nobody's screen. */
  userId: string | null;
  facilitating: boolean;
  canParticipate: boolean;
  canGroup: boolean;
}

export const PROJECTOR: Viewer = { userId: null, facilitating: false, canParticipate: false, canGroup: false };

/** The user ids whose names this viewer's state will carry (loaded by the service). */
export function namesNeeded(s: WorkshopSnapshot, viewer: Viewer): Set<string> {
  const ids = new Set<string>();
  if (viewer.userId === null) return ids;
  for (const id of s.facilitatorIds) ids.add(id);
  if (s.workshop.authorshipRevealed) for (const card of s.cards) if (card.revealedAt !== null) ids.add(card.authorId);
  if (viewer.facilitating) for (const hand of s.hands) ids.add(hand.userId);
  return ids;
}

export function buildState(s: WorkshopSnapshot, viewer: Viewer, now: number, names: Map<string, string>): WorkshopState {
  const w = s.workshop;
  const me = viewer.userId;
  const person = (userId: string) => ({ userId, displayName: names.get(userId) ?? '' });
  const showAuthors = w.authorshipRevealed && me !== null;
  const cards = s.cards
    .filter((c) => c.revealedAt !== null || (me !== null && c.authorId === me))
    .map((c) => ({
      id: c.id,
      columnId: c.columnId,
      text: c.text,
      themeId: c.themeId,
      revealed: c.revealedAt !== null,
      mine: me !== null && c.authorId === me,
      ...(showAuthors && c.revealedAt !== null ? { author: person(c.authorId) } : {}),
    }));
  const myVotes = me === null ? [] : s.votes.filter((v) => v.voterId === me);
  const remaining = remainingMs(w.timer, now);
  const timerState = w.timer.deadlineAt !== null ? (remaining === 0 ? 'done' : 'running') : w.timer.pausedRemainingMs !== null ? 'paused' : 'idle';
  const myCheckin = (phase: CheckinPhase) => {
    const entry = me === null ? undefined : s.checkins.find((c) => c.userId === me && c.phase === phase);
    return entry ? { mood: entry.mood, word: entry.word } : null;
  };
  return {
    id: w.id,
    workspaceId: w.workspaceId,
    title: w.title,
    language: w.language,
    status: w.status,
    revision: w.revision,
    allowAuthorshipReveal: w.allowAuthorshipReveal,
    votesPerPerson: w.votesPerPerson,
    summaryDocumentId: w.summaryDocumentId,
    facilitators: me === null ? [] : s.facilitatorIds.map(person),
    you: {
      facilitating: viewer.facilitating,
      canParticipate: viewer.canParticipate && w.status === 'open',
      canGroup: viewer.canGroup && w.status === 'open',
      votesUsed: myVotes.reduce((sum, v) => sum + v.dots, 0),
      votes: Object.fromEntries(myVotes.map((v) => [v.cardId, v.dots])),
      handRaised: me !== null && s.hands.some((h) => h.userId === me),
      checkin: { in: myCheckin('in'), out: myCheckin('out') },
    },
    steps: s.steps.map((step) => ({ id: step.id, kind: step.kind, title: step.title, minutes: Math.round(step.durationMs / 60_000) })),
    currentStepId: w.currentStepId,
    timer: { state: timerState, remainingMs: remaining, durationMs: w.timer.durationMs },
    columns: s.columns.map((c) => ({ id: c.id, prompt: c.prompt })),
    themes: s.themes.map((t) => ({ id: t.id, name: t.name })),
    cards,
    hiddenCards: s.cards.filter((c) => c.revealedAt === null).length,
    revealed: { authorship: w.authorshipRevealed, votes: w.votesRevealed },
    voting: { dots: s.votes.reduce((sum, v) => sum + v.dots, 0), voters: new Set(s.votes.map((v) => v.voterId)).size },
    results: w.votesRevealed ? voteResults(s) : null,
    queue: s.hands.map((h) => ({
      mine: me !== null && h.userId === me,
      ...(viewer.facilitating && me !== null ? { person: person(h.userId) } : {}),
    })),
    checkins: { in: checkinSummary(s, 'in'), out: checkinSummary(s, 'out') },
    outcomes: s.outcomes.map((o) => ({ id: o.id, text: o.text })),
  };
}

/** Dots per revealed idea, split by the voters' knowledge perspectives; most dots first. */
export function voteResults(s: WorkshopSnapshot): CardResult[] {
  const byCard = new Map<string, CardResult>();
  const revealed = new Set(s.cards.filter((c) => c.revealedAt !== null).map((c) => c.id));
  for (const vote of s.votes) {
    if (!revealed.has(vote.cardId)) continue;
    const result = byCard.get(vote.cardId) ?? { cardId: vote.cardId, total: 0, byPerspective: emptyCounts() };
    result.total += vote.dots;
    result.byPerspective[perspectiveOf(vote.voterRole)] += vote.dots;
    byCard.set(vote.cardId, result);
  }
  const order = new Map(s.cards.map((c, i) => [c.id, i]));
  return [...byCard.values()].sort((a, b) => b.total - a.total || (order.get(a.cardId) ?? 0) - (order.get(b.cardId) ?? 0));
}

export const emptyCounts = (): PerspectiveCounts => ({ experiential: 0, professional: 0, facilitation: 0 });

/** Moods and words without names: a check-in is a picture of the group, not of a person. */
function checkinSummary(s: WorkshopSnapshot, phase: CheckinPhase): CheckinSummary {
  const entries = s.checkins.filter((c) => c.phase === phase);
  const moods = Object.fromEntries(MOODS.map((m) => [m, entries.filter((e) => e.mood === m).length])) as CheckinSummary['moods'];
  const words = new Map<string, number>();
  for (const e of entries) if (e.word) words.set(e.word.toLocaleLowerCase(), (words.get(e.word.toLocaleLowerCase()) ?? 0) + 1);
  return {
    moods,
    words: [...words].map(([word, count]) => ({ word, count })).sort((a, b) => b.count - a.count || a.word.localeCompare(b.word)),
    people: entries.length,
  };
}
