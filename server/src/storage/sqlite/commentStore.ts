/**
 * SQLite adapter of the CommentStore (comments/commentStore.ts), on the handle opened by
 * openSqliteDatabase. Appends run in an IMMEDIATE transaction so the check on the events so
 * far (already resolved?) and the insert cannot interleave with another append.
 */
import type Database from 'better-sqlite3';
import type { CommentEventDraft, CommentEventRecord, CommentRecord, CommentStore } from '../../comments/commentStore';
import type { Row } from './rows';
import { toComment, toCommentEvent } from '../rows/coDraftingRows';

export class SqliteCommentStore implements CommentStore {
  private readonly s;
  private readonly createTransaction;
  private readonly appendTransaction;

  constructor(db: Database.Database) {
    this.s = {
      insertComment: db.prepare(
        `INSERT INTO comments (id, document_id, thread_id, parent_id, author_id, author_role, anchor, round_id, created_at)
         VALUES (@id, @documentId, @threadId, @parentId, @authorId, @authorRole, @anchor, @roundId, @createdAt)`,
      ),
      insertMention: db.prepare('INSERT OR IGNORE INTO comment_mentions (comment_id, user_id, position) VALUES (?, ?, ?)'),
      insertEvent: db.prepare('INSERT INTO comment_events (comment_id, kind, actor_id, body, at) VALUES (?, ?, ?, ?, ?)'),
      eventsOf: db.prepare('SELECT * FROM comment_events WHERE comment_id = ? ORDER BY id'),
      comment: db.prepare(`SELECT c.*, ${MENTIONS} FROM comments c WHERE c.id = ?`),
      byDocument: db.prepare(`SELECT c.*, ${MENTIONS} FROM comments c WHERE c.document_id = ? ORDER BY c.created_at, c.rowid`),
      eventsByDocument: db.prepare(
        'SELECT e.* FROM comment_events e JOIN comments c ON c.id = e.comment_id WHERE c.document_id = ? ORDER BY e.id',
      ),
      mentioning: db.prepare(
        `SELECT c.*, ${MENTIONS} FROM comment_mentions m JOIN comments c ON c.id = m.comment_id
         WHERE m.user_id = ? ORDER BY c.created_at DESC, c.rowid DESC LIMIT ?`,
      ),
      countsByAuthor: db.prepare('SELECT author_id, COUNT(*) AS n FROM comments WHERE document_id = ? GROUP BY author_id'),
    };
    this.createTransaction = db.transaction((comment: CommentRecord, body: string) => {
      const { mentions, ...row } = comment;
      this.s.insertComment.run(row);
      mentions.forEach((userId, position) => this.s.insertMention.run(comment.id, userId, position));
      this.s.insertEvent.run(comment.id, 'body', comment.authorId, body, comment.createdAt);
    });
    this.appendTransaction = db.transaction((commentId: string, prepare: (events: CommentEventRecord[]) => CommentEventDraft) => {
      const draft = prepare((this.s.eventsOf.all(commentId) as Row[]).map(toCommentEvent));
      const result = this.s.insertEvent.run(commentId, draft.kind, draft.actorId, draft.body, draft.at);
      return { id: Number(result.lastInsertRowid), commentId, ...draft };
    });
  }

  async create(comment: CommentRecord, body: string): Promise<void> {
    this.createTransaction.immediate(comment, body);
  }

  async append(commentId: string, prepare: (events: CommentEventRecord[]) => CommentEventDraft): Promise<CommentEventRecord> {
    return this.appendTransaction.immediate(commentId, prepare);
  }

  async getComment(id: string): Promise<CommentRecord | null> {
    const row = this.s.comment.get(id) as Row | undefined;
    return row ? commentOf(row) : null;
  }

  async listDocument(documentId: string): Promise<{ comments: CommentRecord[]; events: CommentEventRecord[] }> {
    return {
      comments: (this.s.byDocument.all(documentId) as Row[]).map(commentOf),
      events: (this.s.eventsByDocument.all(documentId) as Row[]).map(toCommentEvent),
    };
  }

  async mentioning(userId: string, limit: number): Promise<CommentRecord[]> {
    return (this.s.mentioning.all(userId, limit) as Row[]).map(commentOf);
  }

  async countsByAuthor(documentId: string): Promise<Map<string, number>> {
    const rows = this.s.countsByAuthor.all(documentId) as Array<{ author_id: string; n: number }>;
    return new Map(rows.map((r) => [String(r.author_id), Number(r.n)]));
  }
}

/** Mentions ride along as one JSON array, in the order they were given. */
const MENTIONS = `(SELECT json_group_array(user_id) FROM (SELECT user_id FROM comment_mentions WHERE comment_id = c.id ORDER BY position)) AS mentions_json`;

/** A comment row with its mentions, read from the JSON array MENTIONS gathers. */
const commentOf = (row: Row): CommentRecord => toComment(row, JSON.parse(String(row.mentions_json ?? '[]')) as string[]);
