/**
 * SQLite adapter of the ReviewStore (reviews/reviewStore.ts), on the handle opened by
 * openSqliteDatabase. Marking done and closing are conditional UPDATEs, so two concurrent
 * calls cannot both succeed.
 */
import type Database from 'better-sqlite3';
import type { MarkDoneResult, ReviewRoundRecord, ReviewStore, StoredRound } from '../../reviews/reviewStore';
import type { Row } from './rows';
import { toAssignment, toRound } from '../rows/coDraftingRows';

export class SqliteReviewStore implements ReviewStore {
  private readonly s;
  private readonly createTransaction;

  constructor(private readonly db: Database.Database) {
    this.s = {
      insertRound: db.prepare(
        `INSERT INTO review_rounds (id, document_id, title, questions, due_date, opened_by, opened_at)
         VALUES (@id, @documentId, @title, @questions, @dueDate, @openedBy, @openedAt)`,
      ),
      insertAssignment: db.prepare('INSERT OR IGNORE INTO review_assignments (round_id, user_id, position) VALUES (?, ?, ?)'),
      round: db.prepare('SELECT * FROM review_rounds WHERE id = ?'),
      roundsOf: db.prepare('SELECT * FROM review_rounds WHERE document_id = ? ORDER BY opened_at, rowid'),
      assignments: db.prepare('SELECT * FROM review_assignments WHERE round_id = ? ORDER BY position'),
      markDone: db.prepare(
        `UPDATE review_assignments SET done_at = ?, note = ? WHERE round_id = ? AND user_id = ? AND done_at IS NULL
         AND EXISTS (SELECT 1 FROM review_rounds r WHERE r.id = round_id AND r.closed_at IS NULL)`,
      ),
      assignment: db.prepare('SELECT done_at FROM review_assignments WHERE round_id = ? AND user_id = ?'),
      close: db.prepare('UPDATE review_rounds SET closed_by = ?, closed_at = ?, summary = ?, suggestions = ? WHERE id = ? AND closed_at IS NULL'),
      pendingFor: db.prepare(
        `SELECT r.* FROM review_assignments a JOIN review_rounds r ON r.id = a.round_id
         WHERE a.user_id = ? AND a.done_at IS NULL AND r.closed_at IS NULL ORDER BY r.opened_at DESC`,
      ),
    };
    this.createTransaction = db.transaction((round: ReviewRoundRecord, reviewers: string[]) => {
      this.s.insertRound.run({ ...pick(round), questions: JSON.stringify(round.questions) });
      reviewers.forEach((userId, position) => this.s.insertAssignment.run(round.id, userId, position));
    });
  }

  async create(round: ReviewRoundRecord, reviewers: string[]): Promise<void> {
    this.createTransaction.immediate(round, reviewers);
  }

  async get(roundId: string): Promise<StoredRound | null> {
    const row = this.s.round.get(roundId) as Row | undefined;
    return row ? this.withAssignments(toRound(row)) : null;
  }

  async listDocument(documentId: string): Promise<StoredRound[]> {
    return (this.s.roundsOf.all(documentId) as Row[]).map((row) => this.withAssignments(toRound(row)));
  }

  async markDone(roundId: string, userId: string, at: number, note: string | null): Promise<MarkDoneResult> {
    return this.db
      .transaction((): MarkDoneResult => {
        if (this.s.markDone.run(at, note, roundId, userId).changes === 1) return 'done';
        const round = this.s.round.get(roundId) as Row | undefined;
        if (!round) return 'not-found';
        const assignment = this.s.assignment.get(roundId, userId) as { done_at: number | null } | undefined;
        if (!assignment) return 'not-reviewer';
        return assignment.done_at !== null ? 'already-done' : 'closed';
      })
      .immediate();
  }

  async close(roundId: string, closedBy: string, at: number, summary: string | null, suggestions: string): Promise<boolean> {
    return this.s.close.run(closedBy, at, summary, suggestions, roundId).changes === 1;
  }

  async pendingFor(userId: string): Promise<ReviewRoundRecord[]> {
    return (this.s.pendingFor.all(userId) as Row[]).map(toRound);
  }

  private withAssignments(round: ReviewRoundRecord): StoredRound {
    return { round, assignments: (this.s.assignments.all(round.id) as Row[]).map(toAssignment) };
  }
}

function pick(round: ReviewRoundRecord) {
  const { id, documentId, title, dueDate, openedBy, openedAt } = round;
  return { id, documentId, title, dueDate, openedBy, openedAt };
}
