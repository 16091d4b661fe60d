/**
 * Writes a workshop's outcome into a new `workshop-record` document and proposes its most voted
 * ideas to that document's decision log. The content goes through the room manager like any
 * server-made change (durably appended, then applied), attributed to the facilitator who asked
 * for it; the proposals go through the DecisionService, so they are hash-chained like any other.
 */
import * as Y from 'yjs';
import { WORKSHOP_LIMITS, perspectiveOf, type CreateDecisionRequest, type Decision, type Language, type Perspective, type PerspectiveCounts } from '../../../shared/src/index';
import { CONTENT_FIELD } from '../content/documentState';
import { writeNodes } from '../content/yxml';
import type { Store } from '../storage/store';
import type { Clock } from '../util/ids';
import { summaryBlocks, summaryTitle, type SummaryOutcome } from './summaryContent';
import { emptyCounts, voteResults } from './workshopView';
import type { WorkshopSnapshot } from './workshopStore';

export interface SummaryDeps {
  store: Store;
  submit(documentId: string, memberId: string, update: Uint8Array): Promise<number>;
  /** Absent when the decision log is not available: the record is written all the same. */
  propose?: (userId: string, documentId: string, request: CreateDecisionRequest) => Promise<Decision>;
  clock: Clock;
}

const PROPOSAL = {
  en: (title: string, idea: string, votes: number) =>
    `Proposed by the workshop “${title}”, where this idea received ${votes === 1 ? '1 vote' : `${votes} votes`}:\n\n${idea}`,
  fr: (title: string, idea: string, votes: number) =>
    `Proposée par l’atelier «\u00a0${title}\u00a0», où cette idée a reçu ${votes <= 1 ? `${votes}\u00a0vote` : `${votes}\u00a0votes`}\u00a0:\n\n${idea}`,
} satisfies Record<Language, (title: string, idea: string, votes: number) => string>;

export async function writeSummary(deps: SummaryDeps, s: WorkshopSnapshot, facilitatorId: string, documentId: string): Promise<string[]> {
  const w = s.workshop;
  const outcome = await outcomeOf(deps.store, s);
  const top = outcome.topIdeas;
  const now = deps.clock.now();
  await deps.store.createDocument({ id: documentId, workspaceId: w.workspaceId, title: summaryTitle(w.language, w.title), template: 'workshop-record', createdAt: now, updatedAt: now });
  const doc = new Y.Doc();
  try {
    writeNodes(doc.getXmlFragment(CONTENT_FIELD), summaryBlocks(w.language, { ...outcome, proposed: Boolean(deps.propose) && top.length > 0 }));
    await deps.submit(documentId, facilitatorId, Y.encodeStateAsUpdate(doc));
  } finally {
    doc.destroy();
  }
  const decisionIds: string[] = [];
  if (!deps.propose) return decisionIds;
  for (const idea of top) {
    const title = idea.text.length > 200 ? `${idea.text.slice(0, 199)}…` : idea.text;
    const decision = await deps.propose(facilitatorId, documentId, { title, proposal: PROPOSAL[w.language](w.title, idea.text, idea.total) });
    decisionIds.push(decision.id);
  }
  return decisionIds;
}

async function outcomeOf(store: Store, s: WorkshopSnapshot): Promise<Omit<SummaryOutcome, 'proposed'>> {
  const revealed = s.cards.filter((c) => c.revealedAt !== null);
  const textOf = new Map(revealed.map((c) => [c.id, c.text]));
  const themes = s.themes.map((t) => ({ name: t.name, ideas: revealed.filter((c) => c.themeId === t.id).map((c) => c.text) }));
  const topIdeas = voteResults(s)
    .slice(0, WORKSHOP_LIMITS.topIdeas)
    .map((r) => ({ text: textOf.get(r.cardId) ?? '', total: r.total, byPerspective: r.byPerspective }));
  return {
    steps: s.steps.map((step) => ({ title: step.title, minutes: Math.round(step.durationMs / 60_000) })),
    participants: await participantCounts(store, s),
    themes,
    ungrouped: revealed.filter((c) => c.themeId === null).map((c) => c.text),
    topIdeas,
    decisions: s.outcomes.map((o) => o.text),
  };
}

/** Each person who posted, voted or checked in counts once, under their current perspective. */
async function participantCounts(store: Store, s: WorkshopSnapshot): Promise<PerspectiveCounts> {
  // The role recorded with an idea or a vote stands in for someone who has left the workspace since.
  const recorded = new Map<string, Perspective | null>(s.checkins.map((c) => [c.userId, null]));
  for (const c of s.cards) recorded.set(c.authorId, perspectiveOf(c.authorRole));
  for (const v of s.votes) recorded.set(v.voterId, perspectiveOf(v.voterRole));
  const counts = emptyCounts();
  for (const [userId, fallback] of recorded) {
    const membership = await store.getMembership(s.workshop.workspaceId, userId);
    const perspective = membership ? perspectiveOf(membership.role) : fallback;
    if (perspective) counts[perspective]++;
  }
  return counts;
}
