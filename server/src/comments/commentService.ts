/**
 * Comment threads: commands and queries. Every write is attributed from the session (author,
 * role at the time, server time) and goes through the one document gate, so whoever may not
 * open the document gets the same "not found" as for a comment that does not exist. Each change
 * is pushed live as a record notice; the client refetches over HTTP.
 */
import * as Y from 'yjs';
import type {
  Comment,
  CommentFilter,
  CommentList,
  CommentStatus,
  CommentThread,
  CreateCommentRequest,
  EditCommentRequest,
} from '../../../shared/src/index';
import type { DocumentGate } from '../decisions/decisionService';
import { AppError, notFound } from '../errors';
import type { DocumentRecord, Store } from '../storage/store';
import { newId, type Clock } from '../util/ids';
import { canChangeThreadStatus, canComment, canEditComment, refusalReason, type CommentActor } from './commentRules';
import type { CommentRecord, CommentStore } from './commentStore';
import { buildThreads, commentView, matchesFilter, threadStatus } from './commentView';
import { loadPeople } from './people';

interface Access {
  document: DocumentRecord;
  actor: CommentActor & { role: CommentRecord['authorRole'] };
}

export class CommentService {
  constructor(
    private readonly store: Store,
    private readonly comments: CommentStore,
    private readonly gate: DocumentGate,
    /** The review round a new comment belongs to (the open one), or null. */
    private readonly roundFor: (documentId: string, userId: string) => Promise<string | null>,
    private readonly clock: Clock,
    /** Tells live clients of the document that a comment changed (record notice, type 101). */
    private readonly notify: (documentId: string, commentId: string) => void,
    private readonly ids: () => string = newId,
  ) {}

  async create(userId: string, documentId: string, request: CreateCommentRequest): Promise<Comment> {
    const access = await this.documentAccess(userId, documentId, 'This document');
    if (!canComment(access.actor)) throw new AppError('forbidden', refusalReason(access.actor, ''));
    let threadId: string | null = null;
    if (request.parentId) {
      const parent = await this.comments.getComment(request.parentId);
      if (!parent || parent.documentId !== documentId) throw notFound('The comment to reply to');
      const { events } = await this.comments.listDocument(documentId);
      if (threadStatus(events.filter((e) => e.commentId === parent.threadId)) === 'resolved') {
        throw new AppError('conflict', 'This thread is resolved: reopen it to reply.');
      }
      threadId = parent.threadId;
    }
    const mentions = request.mentions ?? [];
    const strangers: string[] = [];
    for (const id of mentions) if (!(await this.gate.documentAccess(id, documentId))) strangers.push(id);
    if (strangers.length > 0) {
      throw new AppError('validation_failed', `mentions: ${strangers.join(', ')} ${strangers.length === 1 ? 'is not a member' : 'are not members'} with access to this document.`);
    }
    if (request.anchor) for (const position of [request.anchor.start, request.anchor.end]) assertRelativePosition(position);
    const id = this.ids();
    const record: CommentRecord = {
      id,
      documentId,
      threadId: threadId ?? id,
      parentId: request.parentId ?? null,
      authorId: userId,
      authorRole: access.actor.role,
      anchor: request.anchor ? JSON.stringify(request.anchor) : null,
      mentions,
      roundId: await this.roundFor(documentId, userId),
      createdAt: this.clock.now(),
    };
    await this.comments.create(record, request.body);
    this.notify(documentId, id);
    return this.commentFor(access, id);
  }

  async list(userId: string, documentId: string, filter: CommentFilter): Promise<CommentList> {
    const access = await this.documentAccess(userId, documentId, 'This document');
    const threads = await this.threadsOf(access.document);
    return {
      documentId,
      threads: threads.filter((t) => matchesFilter(t, filter, userId)),
      counts: { open: threads.filter((t) => t.status === 'open').length, resolved: threads.filter((t) => t.status === 'resolved').length },
    };
  }

  async edit(userId: string, commentId: string, request: EditCommentRequest): Promise<Comment> {
    const { access, comment } = await this.commentAccess(userId, commentId);
    if (!canEditComment(access.actor, comment.authorId)) throw new AppError('forbidden', refusalReason(access.actor, 'Only the author of a comment can change its text.'));
    await this.comments.append(commentId, () => ({ kind: 'body', actorId: userId, body: request.body, at: this.clock.now() }));
    this.notify(comment.documentId, commentId);
    return this.commentFor(access, commentId);
  }

  /** Resolves or reopens the thread a comment belongs to (a reply stands for its thread). */
  async setStatus(userId: string, commentId: string, status: CommentStatus): Promise<CommentThread> {
    const { access, comment } = await this.commentAccess(userId, commentId);
    const root = comment.threadId === comment.id ? comment : await this.comments.getComment(comment.threadId);
    if (!root) throw notFound('This comment');
    if (!canChangeThreadStatus(access.actor, root.authorId)) {
      throw new AppError('forbidden', refusalReason(access.actor, 'Only the person who started a thread, or an owner or editor, can resolve or reopen it.'));
    }
    await this.comments.append(root.id, (events) => {
      if (threadStatus(events) === status) throw new AppError('conflict', `This thread is already ${status === 'open' ? 'open' : 'resolved'}.`);
      return { kind: status === 'resolved' ? 'resolved' : 'reopened', actorId: userId, body: null, at: this.clock.now() };
    });
    this.notify(comment.documentId, root.id);
    const thread = (await this.threadsOf(access.document)).find((t) => t.id === root.id);
    if (!thread) throw new AppError('internal', 'The thread was saved but could not be read back.');
    return thread;
  }

  /** Comments written per member on a document (a contribution source for attribution). */
  countsFor(documentId: string): Promise<Map<string, number>> {
    return this.comments.countsByAuthor(documentId);
  }

  private async threadsOf(document: DocumentRecord): Promise<CommentThread[]> {
    const { comments, events } = await this.comments.listDocument(document.id);
    const ids = [...comments.flatMap((c) => [c.authorId, ...c.mentions]), ...events.map((e) => e.actorId)];
    return buildThreads(comments, events, await loadPeople(this.store, document.workspaceId, ids));
  }

  private async commentFor(access: Access, commentId: string): Promise<Comment> {
    const { comments, events } = await this.comments.listDocument(access.document.id);
    const comment = comments.find((c) => c.id === commentId);
    if (!comment) throw new AppError('internal', 'The comment was saved but could not be read back.');
    const own = events.filter((e) => e.commentId === commentId);
    const people = await loadPeople(this.store, access.document.workspaceId, [comment.authorId, ...comment.mentions]);
    return commentView(comment, own, people);
  }

  private async documentAccess(userId: string, documentId: string, what: string): Promise<Access> {
    const access = await this.gate.documentAccess(userId, documentId);
    if (!access) throw notFound(what);
    const { document, membership, permission } = access;
    return { document, actor: { userId, permission, role: membership.role, archived: Boolean(document.archivedAt) } };
  }

  private async commentAccess(userId: string, commentId: string): Promise<{ access: Access; comment: CommentRecord }> {
    const comment = await this.comments.getComment(commentId);
    if (!comment) throw notFound('This comment');
    return { access: await this.documentAccess(userId, comment.documentId, 'This comment'), comment };
  }
}

function assertRelativePosition(base64: string): void {
  try {
    Y.decodeRelativePosition(new Uint8Array(Buffer.from(base64, 'base64')));
  } catch {
    throw new AppError('validation_failed', 'anchor: not a valid Yjs relative position (encode it with Y.encodeRelativePosition, then base64).');
  }
}
