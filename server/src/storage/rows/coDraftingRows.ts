/**
 * Mapping of comment and review rows to their stores' records, for both adapters. Each adapter
 * gathers a comment's mentions its own way (a JSON array in SQLite, json_agg in PostgreSQL) and
 * passes them in.
 */
import type { Role } from '../../../../shared/src/index';
import type { CommentEventKind, CommentEventRecord, CommentRecord } from '../../comments/commentStore';
import type { ReviewAssignmentRecord, ReviewRoundRecord } from '../../reviews/reviewStore';
import type { Row } from '../sqlite/rows';

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export function toComment(row: Row, mentions: string[]): CommentRecord {
  return {
    id: String(row.id),
    documentId: String(row.document_id),
    threadId: String(row.thread_id),
    parentId: row.parent_id === null ? null : String(row.parent_id),
    authorId: String(row.author_id),
    authorRole: String(row.author_role) as Role,
    anchor: row.anchor === null ? null : String(row.anchor),
    mentions,
    roundId: row.round_id === null ? null : String(row.round_id),
    createdAt: Number(row.created_at),
  };
}

export function toCommentEvent(row: Row): CommentEventRecord {
  return {
    id: Number(row.id),
    commentId: String(row.comment_id),
    kind: String(row.kind) as CommentEventKind,
    actorId: String(row.actor_id),
    body: row.body === null ? null : String(row.body),
    at: Number(row.at),
  };
}

export function toRound(row: Row): ReviewRoundRecord {
  return {
    id: String(row.id),
    documentId: String(row.document_id),
    title: String(row.title),
    questions: JSON.parse(String(row.questions)) as string[],
    dueDate: text(row.due_date),
    openedBy: String(row.opened_by),
    openedAt: Number(row.opened_at),
    closedBy: text(row.closed_by),
    closedAt: row.closed_at === null ? null : Number(row.closed_at),
    summary: text(row.summary),
    suggestions: text(row.suggestions),
  };
}

export function toAssignment(row: Row): ReviewAssignmentRecord {
  return {
    roundId: String(row.round_id),
    userId: String(row.user_id),
    doneAt: row.done_at === null ? null : Number(row.done_at),
    note: row.note === null ? null : String(row.note),
  };
}
