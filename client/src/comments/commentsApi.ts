/**
 * The comment, review-round and notification routes (docs/api.md, "Comments, suggestions and
 * review rounds"), answers parsed with the shared zod schemas like the rest of `api.ts`.
 */
import {
  CommentListSchema,
  CommentSchema,
  CommentThreadSchema,
  NotificationsSchema,
  ReviewRoundListSchema,
  ReviewRoundSchema,
  type CloseReviewRoundRequest,
  type CreateCommentRequest,
  type CreateReviewRoundRequest,
  type EditCommentRequest,
  type ReviewDoneRequest,
} from '../../../shared/src/index';
import { request } from '../api';

const enc = encodeURIComponent;
const doc = (documentId: string, rest: string) => `/api/documents/${enc(documentId)}${rest}`;

export const commentsApi = {
  /** Every thread of the document; the panel filters them itself, so counts stay in step. */
  threads: (documentId: string) => request('GET', doc(documentId, '/comments'), CommentListSchema),
  comment: (documentId: string, body: CreateCommentRequest) => request('POST', doc(documentId, '/comments'), CommentSchema, body),
  edit: (commentId: string, body: EditCommentRequest) => request('PATCH', `/api/comments/${enc(commentId)}`, CommentSchema, body),
  resolve: (commentId: string) => request('POST', `/api/comments/${enc(commentId)}/resolve`, CommentThreadSchema),
  reopen: (commentId: string) => request('POST', `/api/comments/${enc(commentId)}/reopen`, CommentThreadSchema),

  rounds: (documentId: string) => request('GET', doc(documentId, '/review-rounds'), ReviewRoundListSchema),
  openRound: (documentId: string, body: CreateReviewRoundRequest) => request('POST', doc(documentId, '/review-rounds'), ReviewRoundSchema, body),
  reviewDone: (documentId: string, roundId: string, body: ReviewDoneRequest) =>
    request('POST', doc(documentId, `/review-rounds/${enc(roundId)}/done`), ReviewRoundSchema, body),
  closeRound: (documentId: string, roundId: string, body: CloseReviewRoundRequest) =>
    request('POST', doc(documentId, `/review-rounds/${enc(roundId)}/close`), ReviewRoundSchema, body),

  notifications: () => request('GET', '/api/me/notifications', NotificationsSchema),
};
