/**
 * Storage of review rounds: the round (who opened it, due date, questions; closing fields set
 * once) and one assignment per reviewer (done time and note, set once). Adapters
 * (storage/sqlite/reviewStore.ts today) pass the contract suite in reviewStoreContract.ts.
 */

export interface ReviewRoundRecord {
  id: string;
  documentId: string;
  title: string;
  questions: string[];
  /** YYYY-MM-DD, or null. */
  dueDate: string | null;
  openedBy: string;
  openedAt: number;
  closedBy: string | null;
  closedAt: number | null;
  summary: string | null;
  /** The open suggestions when it closed, as JSON text (shared SuggestionSchema[]). */
  suggestions: string | null;
}

export interface ReviewAssignmentRecord {
  roundId: string;
  userId: string;
  doneAt: number | null;
  note: string | null;
}

export interface StoredRound {
  round: ReviewRoundRecord;
  /** In the order the reviewers were asked. */
  assignments: ReviewAssignmentRecord[];
}

export type MarkDoneResult = 'done' | 'not-reviewer' | 'already-done' | 'closed' | 'not-found';

export interface ReviewStore {
  create(round: ReviewRoundRecord, reviewers: string[]): Promise<void>;
  get(roundId: string): Promise<StoredRound | null>;
  /** A document's rounds, oldest first. */
  listDocument(documentId: string): Promise<StoredRound[]>;
  /** Marks a reviewer's review done, once, while the round is open (checked atomically). */
  markDone(roundId: string, userId: string, at: number, note: string | null): Promise<MarkDoneResult>;
  /** Closes an open round; false when it was closed already (or does not exist). */
  close(roundId: string, closedBy: string, at: number, summary: string | null, suggestions: string): Promise<boolean>;
  /** Open rounds, across documents, that ask this person and that they have not marked done. */
  pendingFor(userId: string): Promise<ReviewRoundRecord[]>;
}
