/**
 * What the home screen shows a person (GET /api/me/notifications): comments that mention
 * them, reviews asked of them, and documents others changed since their last visit. Every item
 * passes the document gate again, so nothing leaks from a document they can no longer open.
 * A visit is recorded when a live connection to a document opens and when it closes.
 */
import type { Notifications } from '../../../shared/src/index';
import type { CommentStore } from '../comments/commentStore';
import { commentView } from '../comments/commentView';
import { loadPeople, person } from '../comments/people';
import type { ReviewStore } from '../reviews/reviewStore';
import type { DocumentRecord, Store } from '../storage/store';
import type { Clock } from '../util/ids';
import type { DocumentAccess, WorkspaceService } from '../workspaces/workspaceService';
import type { VisitStore } from './visitStore';

const MAX_ITEMS = 50;
const EXCERPT = 200;
const iso = (ms: number) => new Date(ms).toISOString();

export class NotificationService {
  constructor(
    private readonly store: Store,
    private readonly workspaces: Pick<WorkspaceService, 'documentAccess' | 'listDocuments'>,
    private readonly comments: Pick<CommentStore, 'mentioning' | 'listDocument'>,
    private readonly reviews: Pick<ReviewStore, 'pendingFor'>,
    private readonly visits: VisitStore,
    private readonly clock: Clock,
  ) {}

  recordVisit(documentId: string, userId: string): Promise<void> {
    return this.visits.recordVisit(documentId, userId, this.clock.now());
  }

  async notifications(userId: string): Promise<Notifications> {
    const lastVisits = await this.visits.lastVisits(userId);
    const gate = new GateCache(this.workspaces, userId);
    return { mentions: await this.mentions(userId, gate, lastVisits), reviews: await this.pendingReviews(userId, gate), changed: await this.changed(userId, lastVisits) };
  }

  private async mentions(userId: string, gate: GateCache, lastVisits: Map<string, number>): Promise<Notifications['mentions']> {
    const result: Notifications['mentions'] = [];
    for (const comment of await this.comments.mentioning(userId, MAX_ITEMS * 2)) {
      const access = await gate.access(comment.documentId);
      if (!access || result.length >= MAX_ITEMS) continue;
      const { events } = await this.comments.listDocument(comment.documentId);
      const people = await loadPeople(this.store, access.document.workspaceId, [comment.authorId]);
      const view = commentView(comment, events.filter((e) => e.commentId === comment.id), people);
      result.push({
        ...documentRef(access.document),
        commentId: comment.id,
        threadId: comment.threadId,
        by: view.author,
        excerpt: view.body.length > EXCERPT ? `${view.body.slice(0, EXCERPT - 1)}…` : view.body,
        at: view.createdAt,
        unseen: comment.createdAt > (lastVisits.get(comment.documentId) ?? 0),
      });
    }
    return result;
  }

  private async pendingReviews(userId: string, gate: GateCache): Promise<Notifications['reviews']> {
    const result: Notifications['reviews'] = [];
    for (const round of await this.reviews.pendingFor(userId)) {
      const access = await gate.access(round.documentId);
      if (!access) continue;
      const people = await loadPeople(this.store, access.document.workspaceId, [round.openedBy]);
      result.push({
        ...documentRef(access.document),
        roundId: round.id,
        title: round.title,
        dueDate: round.dueDate,
        openedBy: person(people, round.openedBy),
        openedAt: iso(round.openedAt),
      });
    }
    return result;
  }

  private async changed(userId: string, lastVisits: Map<string, number>): Promise<Notifications['changed']> {
    const result: Notifications['changed'] = [];
    for (const membership of await this.store.listMembershipsOf(userId)) {
      // listDocuments applies the gate (access lists, trash, archive) for the caller.
      const documents = await this.workspaces.listDocuments(userId, membership.workspaceId);
      for (const document of documents) {
        const lastVisit = lastVisits.get(document.id) ?? null;
        const changes = await this.visits.changesSince(document.id, lastVisit ?? 0, userId);
        if (changes.updates === 0 || changes.lastAt === null) continue;
        const people = await loadPeople(this.store, membership.workspaceId, changes.memberIds);
        result.push({
          documentId: document.id,
          documentTitle: document.title,
          workspaceId: document.workspaceId,
          lastVisitAt: lastVisit === null ? null : iso(lastVisit),
          changedAt: iso(changes.lastAt),
          updates: changes.updates,
          by: changes.memberIds.map((id) => person(people, id)),
        });
      }
    }
    return result.sort((a, b) => b.changedAt.localeCompare(a.changedAt)).slice(0, MAX_ITEMS);
  }
}

function documentRef(document: DocumentRecord) {
  return { documentId: document.id, documentTitle: document.title, workspaceId: document.workspaceId };
}

/** One gate answer per document per request. */
class GateCache {
  private readonly answers = new Map<string, Promise<DocumentAccess | null>>();
  constructor(
    private readonly workspaces: Pick<WorkspaceService, 'documentAccess'>,
    private readonly userId: string,
  ) {}

  access(documentId: string): Promise<DocumentAccess | null> {
    let answer = this.answers.get(documentId);
    if (!answer) this.answers.set(documentId, (answer = this.workspaces.documentAccess(this.userId, documentId)));
    return answer;
  }
}
