/**
 * Every rule of a workshop, as pure functions of a snapshot and an actor: each either refuses
 * (throws an AppError with a readable reason) or returns the mutations to store. They run
 * inside the store's write transaction, so what they check is what is stored.
 */
import {
  WORKSHOP_LIMITS,
  type AddColumnRequest,
  type CheckinRequest,
  type MoveCardRequest,
  type OutcomeRequest,
  type Permission,
  type PostCardRequest,
  type RevealRequest,
  type Role,
  type SetVotesRequest,
  type ThemeRequest,
} from '../../../shared/src/index';
import { AppError, notFound } from '../errors';
import type { MembershipRecord } from '../storage/store';
import type { CardRecord, RuleDecision, WorkshopMutation, WorkshopSnapshot } from './workshopStore';

export interface WorkshopActor {
  userId: string;
  role: Role;
  permission: Permission;
  /** Listed as a facilitator of this workshop, and still a facilitator or an owner of the workspace. */
  facilitating: boolean;
}

export interface RuleContext {
  now: number;
  newId(): string;
}

export type Outcome = RuleDecision<string | null>;
const change = (mutations: WorkshopMutation[], value: string | null = null): Outcome => ({ mutations, value });
const unchanged: Outcome = { mutations: [], value: null };

/** Who may be named to run a workshop: facilitators (by role) and owners of the workspace. */
export function mayFacilitate(m: Pick<MembershipRecord, 'role' | 'permission'>): boolean {
  return m.role === 'facilitator' || m.permission === 'owner';
}

export function actorFor(s: WorkshopSnapshot, m: MembershipRecord): WorkshopActor {
  return { userId: m.userId, role: m.role, permission: m.permission, facilitating: s.facilitatorIds.includes(m.userId) && mayFacilitate(m) };
}

/** Viewers follow the workshop; everyone else takes part (ideas, dots, hands, check-ins). */
export const canParticipate = (a: WorkshopActor): boolean => a.permission !== 'viewer';

export function currentStep(s: WorkshopSnapshot) {
  return s.steps.find((step) => step.id === s.workshop.currentStepId) ?? s.steps[0];
}

/** Facilitators group at any time; participants too while the group is at a grouping step. */
export function canGroup(s: WorkshopSnapshot, a: WorkshopActor): boolean {
  return a.facilitating || (canParticipate(a) && currentStep(s)?.kind === 'grouping');
}

export function requireFacilitator(a: WorkshopActor): void {
  if (!a.facilitating) throw new AppError('forbidden', 'Only the facilitators of this workshop can do this.');
}

export function requireOpen(s: WorkshopSnapshot): void {
  if (s.workshop.status !== 'open') throw new AppError('conflict', 'This workshop is closed: its summary has been written.');
}

function requireParticipant(s: WorkshopSnapshot, a: WorkshopActor): void {
  requireOpen(s);
  if (!canParticipate(a)) throw new AppError('forbidden', 'Viewers can follow the workshop but cannot post ideas, vote or raise a hand.');
}

function visibleCard(s: WorkshopSnapshot, cardId: string): CardRecord {
  // An idea that is still private is "not found" for everyone, its author included: private
  // ideas can be neither voted on nor grouped.
  const card = s.cards.find((c) => c.id === cardId && c.revealedAt !== null);
  if (!card) throw notFound('This idea');
  return card;
}

export function addColumn(s: WorkshopSnapshot, a: WorkshopActor, ctx: RuleContext, r: AddColumnRequest): Outcome {
  requireFacilitator(a);
  requireOpen(s);
  if (s.columns.length >= WORKSHOP_LIMITS.columns) throw new AppError('conflict', `A workshop has at most ${WORKSHOP_LIMITS.columns} prompts.`);
  const id = ctx.newId();
  return change([{ kind: 'addColumn', column: { id, prompt: r.prompt } }], id);
}

export function postCard(s: WorkshopSnapshot, a: WorkshopActor, ctx: RuleContext, r: PostCardRequest): Outcome {
  requireParticipant(s, a);
  if (!s.columns.some((c) => c.id === r.columnId)) throw notFound('This prompt');
  if (s.cards.filter((c) => c.authorId === a.userId).length >= WORKSHOP_LIMITS.cardsPerPerson) {
    throw new AppError('conflict', `You have posted ${WORKSHOP_LIMITS.cardsPerPerson} ideas, the most one person can post in a workshop.`);
  }
  const card: CardRecord = { id: ctx.newId(), columnId: r.columnId, authorId: a.userId, authorRole: a.role, text: r.text, themeId: null, revealedAt: null, createdAt: ctx.now };
  return change([{ kind: 'addCard', card }], card.id);
}

export function reveal(s: WorkshopSnapshot, a: WorkshopActor, ctx: RuleContext, r: RevealRequest): Outcome {
  requireFacilitator(a);
  requireOpen(s);
  const w = s.workshop;
  switch (r.what) {
    case 'cards':
      return s.cards.some((c) => c.revealedAt === null) ? change([{ kind: 'revealCards', at: ctx.now }]) : unchanged;
    case 'authorship':
      if (!w.allowAuthorshipReveal) {
        throw new AppError('forbidden', 'This workshop was set up to keep ideas anonymous: who wrote them cannot be shown.');
      }
      return w.authorshipRevealed ? unchanged : change([{ kind: 'update', patch: { authorshipRevealed: true } }]);
    case 'votes':
      return w.votesRevealed ? unchanged : change([{ kind: 'update', patch: { votesRevealed: true } }]);
  }
}

export function addTheme(s: WorkshopSnapshot, a: WorkshopActor, ctx: RuleContext, r: ThemeRequest): Outcome {
  requireOpen(s);
  if (!canGroup(s, a)) throw new AppError('forbidden', 'Themes are made by the facilitators, or by everyone during a grouping step.');
  if (s.themes.length >= WORKSHOP_LIMITS.themes) throw new AppError('conflict', `A workshop has at most ${WORKSHOP_LIMITS.themes} themes.`);
  const id = ctx.newId();
  return change([{ kind: 'addTheme', theme: { id, name: r.name, createdAt: ctx.now } }], id);
}

export function renameTheme(s: WorkshopSnapshot, a: WorkshopActor, themeId: string, r: ThemeRequest): Outcome {
  requireOpen(s);
  if (!canGroup(s, a)) throw new AppError('forbidden', 'Themes are named by the facilitators, or by everyone during a grouping step.');
  const theme = s.themes.find((t) => t.id === themeId);
  if (!theme) throw notFound('This theme');
  return theme.name === r.name ? unchanged : change([{ kind: 'renameTheme', themeId, name: r.name }]);
}

export function moveCard(s: WorkshopSnapshot, a: WorkshopActor, cardId: string, r: MoveCardRequest): Outcome {
  requireOpen(s);
  if (!canGroup(s, a)) throw new AppError('forbidden', 'Ideas are grouped by the facilitators, or by everyone during a grouping step.');
  const card = visibleCard(s, cardId);
  if (r.themeId !== null && !s.themes.some((t) => t.id === r.themeId)) throw notFound('This theme');
  return card.themeId === r.themeId ? unchanged : change([{ kind: 'moveCard', cardId, themeId: r.themeId }]);
}

/** Sets how many of the caller's dots one idea gets; the total never exceeds the workshop's N. */
export function setVotes(s: WorkshopSnapshot, a: WorkshopActor, cardId: string, r: SetVotesRequest): Outcome {
  requireParticipant(s, a);
  if (s.workshop.votesRevealed) throw new AppError('conflict', 'Voting is over: the results are shown.');
  visibleCard(s, cardId);
  const mine = s.votes.filter((v) => v.voterId === a.userId);
  const current = mine.find((v) => v.cardId === cardId)?.dots ?? 0;
  const used = mine.reduce((sum, v) => sum + v.dots, 0);
  const limit = s.workshop.votesPerPerson;
  if (used - current + r.dots > limit) {
    throw new AppError('conflict', `You have ${limit} ${limit === 1 ? 'dot' : 'dots'} in all and ${limit - used} left: take a dot back from another idea first.`);
  }
  return current === r.dots ? unchanged : change([{ kind: 'setVote', vote: { cardId, voterId: a.userId, voterRole: a.role, dots: r.dots } }]);
}

export function setHand(s: WorkshopSnapshot, a: WorkshopActor, ctx: RuleContext, raised: boolean): Outcome {
  requireParticipant(s, a);
  const isRaised = s.hands.some((h) => h.userId === a.userId);
  if (raised === isRaised) return unchanged;
  return change([{ kind: 'setHand', userId: a.userId, raisedAt: raised ? ctx.now : null }]);
}

/** A facilitator gives someone the floor (or clears a hand left up). */
export function lowerHand(s: WorkshopSnapshot, a: WorkshopActor, userId: string): Outcome {
  requireFacilitator(a);
  return s.hands.some((h) => h.userId === userId) ? change([{ kind: 'setHand', userId, raisedAt: null }]) : unchanged;
}

export function checkin(s: WorkshopSnapshot, a: WorkshopActor, ctx: RuleContext, r: CheckinRequest): Outcome {
  requireParticipant(s, a);
  const word = r.word ? r.word.replace(/\s+/g, ' ') : null;
  return change([{ kind: 'setCheckin', checkin: { userId: a.userId, phase: r.phase, mood: r.mood ?? null, word, at: ctx.now } }]);
}

export function addOutcome(s: WorkshopSnapshot, a: WorkshopActor, ctx: RuleContext, r: OutcomeRequest): Outcome {
  requireFacilitator(a);
  requireOpen(s);
  if (s.outcomes.length >= WORKSHOP_LIMITS.outcomes) throw new AppError('conflict', `A workshop records at most ${WORKSHOP_LIMITS.outcomes} decisions.`);
  const id = ctx.newId();
  return change([{ kind: 'addOutcome', outcome: { id, text: r.text, createdBy: a.userId, createdAt: ctx.now } }], id);
}
