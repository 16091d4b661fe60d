/**
 * Wires the co-drafting capability (issue 9): comments, suggestions (ADR 0005), review rounds
 * and in-app notifications, on the server's storage (SQLite or PostgreSQL). Installs its sync hooks (the
 * suggestion check for commenters, visit tracking) and its contribution source.
 */
import type { AttributionService } from '../attribution/attributionService';
import type { Logger } from '../log';
import { NotificationService } from '../notifications/notificationService';
import { ReviewService } from '../reviews/reviewService';
import type { VisitStore } from '../notifications/visitStore';
import type { ReviewStore } from '../reviews/reviewStore';
import type { CommentStore } from './commentStore';
import type { Store } from '../storage/store';
import type { SyncHooks } from '../sync/hooks';
import type { RoomManager } from '../sync/roomManager';
import { SuggestionService } from '../suggestions/suggestionService';
import { validateSuggestion } from '../suggestions/validateSuggestion';
import type { Clock } from '../util/ids';
import type { WorkspaceService } from '../workspaces/workspaceService';
import { CommentService } from './commentService';

export function coDrafting(deps: {
  stores: { comments: CommentStore; reviews: ReviewStore; visits: VisitStore };
  store: Store;
  workspaces: WorkspaceService;
  rooms: RoomManager;
  hooks: SyncHooks;
  attribution: AttributionService;
  clock: Clock;
  log: Logger;
}) {
  const { stores, store, workspaces, rooms, hooks, clock, log } = deps;
  const commentStore = stores.comments;
  const reviewStore = stores.reviews;
  const suggestions = new SuggestionService(store, workspaces, rooms);
  const reviews = new ReviewService(store, reviewStore, commentStore, workspaces, suggestions, clock, (documentId, id) =>
    rooms.notify(documentId, { kind: 'reviews', documentId, id }),
  );
  const comments = new CommentService(store, commentStore, workspaces, (documentId, userId) => reviews.openRoundFor(documentId, userId), clock, (documentId, id) =>
    rooms.notify(documentId, { kind: 'comments', documentId, id }),
  );
  const notifications = new NotificationService(store, workspaces, commentStore, reviewStore, stores.visits, clock);

  hooks.validateSuggestion ??= validateSuggestion;
  const previous = hooks.onConnectionChange;
  hooks.onConnectionChange = (documentId, access, change) => {
    previous?.(documentId, access, change);
    notifications.recordVisit(documentId, access.memberId).catch((error: unknown) => log.warn('visit_not_recorded', { documentId, error: String(error) }));
  };
  deps.attribution.addSource({ name: 'comments', countsFor: (documentId) => comments.countsFor(documentId) });
  return { comments, suggestions, reviews, notifications };
}
