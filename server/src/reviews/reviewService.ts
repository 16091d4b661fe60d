/**
 * Review rounds: an owner asks members to review a document by a date, with questions;
 * reviewers mark their review done (with a note); the owner follows progress and closes the
 * round, which then keeps the suggestions open at that moment. Comments written while a round
 * is open carry its id. Access goes through the one document gate, like every record.
 */
import {
  SuggestionSchema,
  type CloseReviewRoundRequest,
  type CreateReviewRoundRequest,
  type ReviewDoneRequest,
  type ReviewRound,
  type ReviewRoundList,
  type Suggestion,
} from '../../../shared/src/index';
import type { CommentStore } from '../comments/commentStore';
import { loadPeople } from '../comments/people';
import type { DocumentGate } from '../decisions/decisionService';
import { AppError, notFound } from '../errors';
import type { DocumentRecord, Store } from '../storage/store';
import { newId, type Clock } from '../util/ids';
import type { ReviewStore, StoredRound } from './reviewStore';
import { roundView } from './reviewView';

export class ReviewService {
  constructor(
    private readonly store: Store,
    private readonly reviews: ReviewStore,
    private readonly comments: Pick<CommentStore, 'listDocument'>,
    private readonly gate: DocumentGate,
    private readonly suggestions: { openSuggestions(document: DocumentRecord): Promise<Suggestion[]> },
    private readonly clock: Clock,
    /** Tells live clients of the document that a round changed (record notice, type 101). */
    private readonly notify: (documentId: string, roundId: string) => void,
    private readonly ids: () => string = newId,
  ) {}

  async open(userId: string, documentId: string, request: CreateReviewRoundRequest): Promise<ReviewRound> {
    const access = await this.ownerAccess(userId, documentId, 'open a review round');
    const strangers: string[] = [];
    for (const id of request.reviewers) if (!(await this.gate.documentAccess(id, documentId))) strangers.push(id);
    if (strangers.length > 0) {
      throw new AppError('validation_failed', `reviewers: ${strangers.join(', ')} ${strangers.length === 1 ? 'is not a member' : 'are not members'} with access to this document.`);
    }
    const id = this.ids();
    await this.reviews.create(
      {
        id,
        documentId,
        title: request.title,
        questions: request.questions ?? [],
        dueDate: request.dueDate ?? null,
        openedBy: userId,
        openedAt: this.clock.now(),
        closedBy: null,
        closedAt: null,
        summary: null,
        suggestions: null,
      },
      request.reviewers,
    );
    this.notify(documentId, id);
    return this.roundFor(userId, access.document, id);
  }

  async list(userId: string, documentId: string): Promise<ReviewRoundList> {
    const access = await this.access(userId, documentId);
    const rounds = await this.reviews.listDocument(documentId);
    return { documentId, rounds: await this.views(userId, access.document, access.permission === 'owner', rounds) };
  }

  async get(userId: string, documentId: string, roundId: string): Promise<ReviewRound> {
    const access = await this.access(userId, documentId);
    return this.roundFor(userId, access.document, roundId, access.permission === 'owner');
  }

  async markDone(userId: string, documentId: string, roundId: string, request: ReviewDoneRequest): Promise<ReviewRound> {
    const access = await this.access(userId, documentId);
    await this.roundFor(userId, access.document, roundId);
    const result = await this.reviews.markDone(roundId, userId, this.clock.now(), request.note ?? null);
    if (result === 'not-found') throw notFound('This review round');
    if (result === 'not-reviewer') throw new AppError('forbidden', 'Only the people this round asks to review can mark their review done.');
    if (result === 'already-done') throw new AppError('conflict', 'You have already marked your review done in this round.');
    if (result === 'closed') throw new AppError('conflict', 'This review round is closed.');
    this.notify(documentId, roundId);
    return this.roundFor(userId, access.document, roundId, access.permission === 'owner');
  }

  async close(userId: string, documentId: string, roundId: string, request: CloseReviewRoundRequest): Promise<ReviewRound> {
    const access = await this.ownerAccess(userId, documentId, 'close a review round');
    await this.roundFor(userId, access.document, roundId);
    const suggestions = await this.suggestions.openSuggestions(access.document);
    const closed = await this.reviews.close(roundId, userId, this.clock.now(), request.summary ?? null, JSON.stringify(suggestions));
    if (!closed) throw new AppError('conflict', 'This review round is already closed.');
    this.notify(documentId, roundId);
    return this.roundFor(userId, access.document, roundId, true);
  }

  /** The round a comment written now belongs to: the latest open one asking its author, else the latest open one. */
  async openRoundFor(documentId: string, userId: string): Promise<string | null> {
    const open = (await this.reviews.listDocument(documentId)).filter((r) => r.round.closedAt === null).reverse();
    return (open.find((r) => r.assignments.some((a) => a.userId === userId)) ?? open[0])?.round.id ?? null;
  }

  private async roundFor(userId: string, document: DocumentRecord, roundId: string, isOwner = true): Promise<ReviewRound> {
    const stored = await this.reviews.get(roundId);
    if (!stored || stored.round.documentId !== document.id) throw notFound('This review round');
    const [view] = await this.views(userId, document, isOwner, [stored]);
    return view as ReviewRound;
  }

  private async views(userId: string, document: DocumentRecord, isOwner: boolean, rounds: StoredRound[]): Promise<ReviewRound[]> {
    const { comments } = await this.comments.listDocument(document.id);
    const commentCounts = new Map<string, number>();
    for (const c of comments) if (c.roundId) commentCounts.set(c.roundId, (commentCounts.get(c.roundId) ?? 0) + 1);
    const ids = rounds.flatMap((r) => [r.round.openedBy, ...(r.round.closedBy ? [r.round.closedBy] : []), ...r.assignments.map((a) => a.userId)]);
    const people = await loadPeople(this.store, document.workspaceId, ids);
    const archived = Boolean(document.archivedAt);
    return rounds.map((r) => roundView(r, people, commentCounts.get(r.round.id) ?? 0, parseSuggestions(r.round.suggestions), { userId, canClose: isOwner && !archived }));
  }

  private async access(userId: string, documentId: string) {
    const access = await this.gate.documentAccess(userId, documentId);
    if (!access) throw notFound('This document');
    return access;
  }

  private async ownerAccess(userId: string, documentId: string, what: string) {
    const access = await this.access(userId, documentId);
    if (access.document.archivedAt) throw new AppError('forbidden', 'This document is archived: its review rounds can be read but no longer changed.');
    if (access.permission !== 'owner') throw new AppError('forbidden', `Only owners of this document can ${what}.`);
    return access;
  }
}

function parseSuggestions(text: string | null): Suggestion[] | null {
  if (text === null) return null;
  const parsed = SuggestionSchema.array().safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : [];
}
