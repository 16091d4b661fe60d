/**
 * Wires the co-drafting capability (issue 9): comments, suggestions (ADR 0005), review rounds
 * and in-app notifications, on the shared SQLite handle. Installs its sync hooks (the
 * suggestion check for commenters, visit tracking) and its contribution source.
 */
import type Database from 'better-sqlite3';
import type { AttributionService } from '../attribution/attributionService';
import type { Logger } from '../log';
import { NotificationService } from '../notifications/notificationService';
import { ReviewService } from '../reviews/reviewService';
import { SqliteCommentStore } from '../storage/sqlite/commentStore';
import { SqliteReviewStore } from '../storage/sqlite/reviewStore';
import { SqliteVisitStore } from '../storage/sqlite/visitStore';
import type { Store } from '../storage/store';
import type { SyncHooks } from '../sync/hooks';
import type { RoomManager } from '../sync/roomManager';
import { SuggestionService } from '../suggestions/suggestionService';
import { validateSuggestion } from '../suggestions/validateSuggestion';
import type { Clock } from '../util/ids';
import type { WorkspaceService } from '../workspaces/workspaceService';
import { CommentService } from './commentService';

export function coDrafting(deps: {
  db: Database.Database;
  store: Store;
  workspaces: WorkspaceService;
  rooms: RoomManager;
  hooks: SyncHooks;
  attribution: AttributionService;
  clock: Clock;
  log: Logger;
}) {
  const { db, store, workspaces, rooms, hooks, clock, log } = deps;
  const commentStore = new SqliteCommentStore(db);
  const reviewStore = new SqliteReviewStore(db);
  const suggestions = new SuggestionService(store, workspaces, rooms);
  const reviews = new ReviewService(store, reviewStore, commentStore, workspaces, suggestions, clock, (documentId, id) =>
    rooms.notify(documentId, { kind: 'reviews', documentId, id }),
  );
  const comments = new CommentService(store, commentStore, workspaces, (documentId, userId) => reviews.openRoundFor(documentId, userId), clock, (documentId, id) =>
    rooms.notify(documentId, { kind: 'comments', documentId, id }),
  );
  const notifications = new NotificationService(store, workspaces, commentStore, reviewStore, new SqliteVisitStore(db), clock);

  hooks.validateSuggestion ??= validateSuggestion;
  const previous = hooks.onConnectionChange;
  hooks.onConnectionChange = (documentId, access, change) => {
    previous?.(documentId, access, change);
    notifications.recordVisit(documentId, access.memberId).catch((error: unknown) => log.warn('visit_not_recorded', { documentId, error: String(error) }));
  };
  deps.attribution.addSource({ name: 'comments', countsFor: (documentId) => comments.countsFor(documentId) });
  return { comments, suggestions, reviews, notifications };
}
