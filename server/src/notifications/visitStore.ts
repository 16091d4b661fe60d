/**
 * When each member last had each document open, and what others changed since: the inputs of
 * "what changed since my last visit". Only the latest visit is kept (the privacy access log,
 * where it exists, is the full record of openings).
 */

export interface ChangeSummary {
  /** Updates others appended since the time given. */
  updates: number;
  /** Time of the latest of them, or null when there are none. */
  lastAt: number | null;
  /** Who wrote them. */
  memberIds: string[];
}

export interface VisitStore {
  recordVisit(documentId: string, userId: string, at: number): Promise<void>;
  /** Last visit time by document id, for one member. */
  lastVisits(userId: string): Promise<Map<string, number>>;
  /** Updates to a document after `since` by anyone but `userId`. */
  changesSince(documentId: string, since: number, userId: string): Promise<ChangeSummary>;
}
