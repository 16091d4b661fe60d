/** Turns a stored review round into the API's shape (shared/src/api/reviews.ts). */
import type { ReviewRound, Suggestion } from '../../../shared/src/index';
import { person } from '../comments/people';
import type { PeopleDirectory } from '../decisions/decisionView';
import type { StoredRound } from './reviewStore';

const iso = (ms: number) => new Date(ms).toISOString();

export function roundView(
  { round, assignments }: StoredRound,
  people: PeopleDirectory,
  commentCount: number,
  suggestionsAtClose: Suggestion[] | null,
  caller: { userId: string; canClose: boolean },
): ReviewRound {
  const mine = assignments.find((a) => a.userId === caller.userId);
  const open = round.closedAt === null;
  return {
    id: round.id,
    documentId: round.documentId,
    title: round.title,
    questions: round.questions,
    dueDate: round.dueDate,
    status: open ? 'open' : 'closed',
    openedBy: person(people, round.openedBy),
    openedAt: iso(round.openedAt),
    closedBy: round.closedBy ? person(people, round.closedBy) : null,
    closedAt: round.closedAt === null ? null : iso(round.closedAt),
    summary: round.summary,
    reviewers: assignments.map((a) => ({ person: person(people, a.userId), done: a.doneAt !== null, doneAt: a.doneAt === null ? null : iso(a.doneAt), note: a.note })),
    progress: { done: assignments.filter((a) => a.doneAt !== null).length, total: assignments.length },
    commentCount,
    suggestionsAtClose,
    caller: { isReviewer: mine !== undefined, done: mine?.doneAt != null, canClose: open && caller.canClose },
  };
}
