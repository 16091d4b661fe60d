/**
 * Storage of comment threads. A comment row never changes after it is written; what happens to
 * it afterwards (each body, resolve, reopen) is an event appended beside it, so a thread's
 * whole history stays readable. Adapters (storage/sqlite/commentStore.ts today) pass the
 * contract suite in commentStoreContract.ts.
 */
import type { Role } from '../../../shared/src/index';

export interface CommentRecord {
  id: string;
  documentId: string;
  /** The id of the thread's first comment (its own id for that one). */
  threadId: string;
  parentId: string | null;
  /** The member whose session wrote it, and their role at the time. */
  authorId: string;
  authorRole: Role;
  /** The anchor as JSON text (`{ start, end, quote? }`), on a thread's first comment only. */
  anchor: string | null;
  /** User ids mentioned, in the order given. */
  mentions: string[];
  /** The review round open when it was written, if any. */
  roundId: string | null;
  createdAt: number;
}

/** `body`: the comment's text from then on (the first one is written with the comment). */
export type CommentEventKind = 'body' | 'resolved' | 'reopened';

export interface CommentEventRecord {
  id: number;
  commentId: string;
  kind: CommentEventKind;
  actorId: string;
  body: string | null;
  at: number;
}

export type CommentEventDraft = Omit<CommentEventRecord, 'id' | 'commentId'>;

export interface CommentStore {
  /** Stores a comment, its first body and its mentions in one transaction. */
  create(comment: CommentRecord, body: string): Promise<void>;
  /**
   * Appends an event to a comment atomically with respect to other appends: inside one
   * transaction it reads the comment's events so far (oldest first), calls `prepare` (which may
   * throw to refuse, e.g. the thread is already resolved), then stores the draft.
   */
  append(commentId: string, prepare: (events: CommentEventRecord[]) => CommentEventDraft): Promise<CommentEventRecord>;
  getComment(id: string): Promise<CommentRecord | null>;
  /** Every comment of a document (oldest first) and every event of those comments (by id). */
  listDocument(documentId: string): Promise<{ comments: CommentRecord[]; events: CommentEventRecord[] }>;
  /** Comments that mention a person, newest first. */
  mentioning(userId: string, limit: number): Promise<CommentRecord[]>;
  /** How many comments each member wrote on a document. */
  countsByAuthor(documentId: string): Promise<Map<string, number>>;
}
