/**
 * PostgreSQL adapters of the co-drafting stores: comments, review rounds and visits. A
 * comment's events are appended under the comment's row lock, taken before the events so far
 * are read; marking a review done holds the round's row in share mode, so a concurrent close
 * (which needs it exclusively) happens wholly before or wholly after.
 */
import type pg from 'pg';
import type { CommentEventDraft, CommentEventRecord, CommentRecord, CommentStore } from '../../comments/commentStore';
import type { ChangeSummary, VisitStore } from '../../notifications/visitStore';
import type { MarkDoneResult, ReviewRoundRecord, ReviewStore, StoredRound } from '../../reviews/reviewStore';
import { one, rows, transaction, type Row } from './database';
import { toAssignment, toComment, toCommentEvent, toRound } from '../rows/coDraftingRows';

/** Mentions ride along as one JSON array, in the order they were given. */
const MENTIONS = `COALESCE((SELECT json_agg(m.user_id ORDER BY m.position) FROM comment_mentions m WHERE m.comment_id = c.id), '[]'::json) AS mentions`;

export class PostgresCommentStore implements CommentStore {
  constructor(private readonly pool: pg.Pool) {}

  async create(comment: CommentRecord, body: string): Promise<void> {
    await transaction(this.pool, async (client) => {
      const c = comment;
      await client.query(
        `INSERT INTO comments (id, document_id, thread_id, parent_id, author_id, author_role, anchor, round_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [c.id, c.documentId, c.threadId, c.parentId, c.authorId, c.authorRole, c.anchor, c.roundId, c.createdAt],
      );
      for (const [position, userId] of c.mentions.entries()) {
        await client.query('INSERT INTO comment_mentions (comment_id, user_id, position) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [c.id, userId, position]);
      }
      await client.query('INSERT INTO comment_events (comment_id, kind, actor_id, body, at) VALUES ($1, $2, $3, $4, $5)', [c.id, 'body', c.authorId, body, c.createdAt]);
    });
  }

  async append(commentId: string, prepare: (events: CommentEventRecord[]) => CommentEventDraft): Promise<CommentEventRecord> {
    return transaction(this.pool, async (client) => {
      await client.query('SELECT id FROM comments WHERE id = $1 FOR NO KEY UPDATE', [commentId]);
      const draft = prepare((await rows(client, 'SELECT * FROM comment_events WHERE comment_id = $1 ORDER BY id', [commentId])).map(toCommentEvent));
      const inserted = await one(client, 'INSERT INTO comment_events (comment_id, kind, actor_id, body, at) VALUES ($1, $2, $3, $4, $5) RETURNING id', [
        commentId,
        draft.kind,
        draft.actorId,
        draft.body,
        draft.at,
      ]);
      return { id: Number(inserted?.id), commentId, ...draft };
    });
  }

  async getComment(id: string): Promise<CommentRecord | null> {
    const row = await one(this.pool, `SELECT c.*, ${MENTIONS} FROM comments c WHERE c.id = $1`, [id]);
    return row ? commentOf(row) : null;
  }

  async listDocument(documentId: string): Promise<{ comments: CommentRecord[]; events: CommentEventRecord[] }> {
    const comments = await rows(this.pool, `SELECT c.*, ${MENTIONS} FROM comments c WHERE c.document_id = $1 ORDER BY c.created_at, c.ordinal`, [documentId]);
    const events = await rows(
      this.pool,
      'SELECT e.* FROM comment_events e JOIN comments c ON c.id = e.comment_id WHERE c.document_id = $1 ORDER BY e.id',
      [documentId],
    );
    return { comments: comments.map(commentOf), events: events.map(toCommentEvent) };
  }

  async mentioning(userId: string, limit: number): Promise<CommentRecord[]> {
    const found = await rows(
      this.pool,
      `SELECT c.*, ${MENTIONS} FROM comment_mentions mm JOIN comments c ON c.id = mm.comment_id
       WHERE mm.user_id = $1 ORDER BY c.created_at DESC, c.ordinal DESC LIMIT $2`,
      [userId, limit],
    );
    return found.map(commentOf);
  }

  async countsByAuthor(documentId: string): Promise<Map<string, number>> {
    const found = await rows(this.pool, 'SELECT author_id, COUNT(*) AS n FROM comments WHERE document_id = $1 GROUP BY author_id', [documentId]);
    return new Map(found.map((r) => [String(r.author_id), Number(r.n)]));
  }
}

export class PostgresReviewStore implements ReviewStore {
  constructor(private readonly pool: pg.Pool) {}

  async create(round: ReviewRoundRecord, reviewers: string[]): Promise<void> {
    await transaction(this.pool, async (client) => {
      await client.query(
        'INSERT INTO review_rounds (id, document_id, title, questions, due_date, opened_by, opened_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [round.id, round.documentId, round.title, JSON.stringify(round.questions), round.dueDate, round.openedBy, round.openedAt],
      );
      for (const [position, userId] of reviewers.entries()) {
        await client.query('INSERT INTO review_assignments (round_id, user_id, position) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [round.id, userId, position]);
      }
    });
  }

  async get(roundId: string): Promise<StoredRound | null> {
    const row = await one(this.pool, 'SELECT * FROM review_rounds WHERE id = $1', [roundId]);
    return row ? this.withAssignments(toRound(row)) : null;
  }

  async listDocument(documentId: string): Promise<StoredRound[]> {
    const found = await rows(this.pool, 'SELECT * FROM review_rounds WHERE document_id = $1 ORDER BY opened_at, ordinal', [documentId]);
    return Promise.all(found.map((row) => this.withAssignments(toRound(row))));
  }

  async markDone(roundId: string, userId: string, at: number, note: string | null): Promise<MarkDoneResult> {
    return transaction(this.pool, async (client): Promise<MarkDoneResult> => {
      const round = await one(client, 'SELECT closed_at FROM review_rounds WHERE id = $1 FOR SHARE', [roundId]);
      if (!round) return 'not-found';
      const assignment = await one(client, 'SELECT done_at FROM review_assignments WHERE round_id = $1 AND user_id = $2 FOR UPDATE', [roundId, userId]);
      if (!assignment) return 'not-reviewer';
      if (assignment.done_at !== null) return 'already-done';
      if (round.closed_at !== null) return 'closed';
      await client.query('UPDATE review_assignments SET done_at = $1, note = $2 WHERE round_id = $3 AND user_id = $4', [at, note, roundId, userId]);
      return 'done';
    });
  }

  async close(roundId: string, closedBy: string, at: number, summary: string | null, suggestions: string): Promise<boolean> {
    const result = await this.pool.query(
      'UPDATE review_rounds SET closed_by = $1, closed_at = $2, summary = $3, suggestions = $4 WHERE id = $5 AND closed_at IS NULL',
      [closedBy, at, summary, suggestions, roundId],
    );
    return result.rowCount === 1;
  }

  async pendingFor(userId: string): Promise<ReviewRoundRecord[]> {
    const found = await rows(
      this.pool,
      `SELECT r.* FROM review_assignments a JOIN review_rounds r ON r.id = a.round_id
       WHERE a.user_id = $1 AND a.done_at IS NULL AND r.closed_at IS NULL ORDER BY r.opened_at DESC, r.ordinal DESC`,
      [userId],
    );
    return found.map(toRound);
  }

  private async withAssignments(round: ReviewRoundRecord): Promise<StoredRound> {
    const assignments = await rows(this.pool, 'SELECT * FROM review_assignments WHERE round_id = $1 ORDER BY position', [round.id]);
    return { round, assignments: assignments.map(toAssignment) };
  }
}

/** Changes are read from the update log itself, so nothing extra is written per keystroke. */
export class PostgresVisitStore implements VisitStore {
  constructor(private readonly pool: pg.Pool) {}

  async recordVisit(documentId: string, userId: string, at: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO document_visits (document_id, user_id, seen_at) VALUES ($1, $2, $3)
       ON CONFLICT (document_id, user_id) DO UPDATE SET seen_at = GREATEST(document_visits.seen_at, excluded.seen_at)`,
      [documentId, userId, at],
    );
  }

  async lastVisits(userId: string): Promise<Map<string, number>> {
    const found = await rows(this.pool, 'SELECT document_id, seen_at FROM document_visits WHERE user_id = $1', [userId]);
    return new Map(found.map((r) => [String(r.document_id), Number(r.seen_at)]));
  }

  async changesSince(documentId: string, since: number, userId: string): Promise<ChangeSummary> {
    const found = await rows(
      this.pool,
      `SELECT member_id, COUNT(*) AS n, MAX(created_at) AS last_at FROM updates
       WHERE document_id = $1 AND created_at > $2 AND member_id <> $3 GROUP BY member_id ORDER BY last_at DESC`,
      [documentId, since, userId],
    );
    return {
      updates: found.reduce((sum, r) => sum + Number(r.n), 0),
      lastAt: found.length > 0 ? Math.max(...found.map((r) => Number(r.last_at))) : null,
      memberIds: found.map((r) => String(r.member_id)),
    };
  }
}

/** A comment row with its mentions, as json_agg gathered them. */
const commentOf = (row: Row): CommentRecord => toComment(row, (row.mentions as unknown[]).map(String));
