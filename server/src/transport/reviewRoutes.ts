/** HTTP routes of review rounds and in-app notifications (docs/api.md). Handlers call the services. */
import {
  CloseReviewRoundRequestSchema,
  CreateReviewRoundRequestSchema,
  ReviewDoneRequestSchema,
  type CloseReviewRoundRequest,
  type CreateReviewRoundRequest,
  type ReviewDoneRequest,
} from '../../../shared/src/index';
import type { NotificationService } from '../notifications/notificationService';
import type { ReviewService } from '../reviews/reviewService';
import type { Route } from './httpPipeline';

export interface ReviewRouteServices {
  reviews: ReviewService;
  notifications: NotificationService;
}

export function reviewRoutes(s: ReviewRouteServices): Route[] {
  const id = (params: Record<string, string>) => params.id ?? '';
  const round = (params: Record<string, string>) => params.roundId ?? '';
  return [
    {
      method: 'GET',
      path: '/api/documents/:id/review-rounds',
      auth: true,
      handler: async (ctx) => ({ status: 200, body: await s.reviews.list(ctx.user.id, id(ctx.params)) }),
    },
    {
      method: 'POST',
      path: '/api/documents/:id/review-rounds',
      auth: true,
      schema: CreateReviewRoundRequestSchema,
      handler: async (ctx) => ({ status: 201, body: await s.reviews.open(ctx.user.id, id(ctx.params), ctx.body as CreateReviewRoundRequest) }),
    },
    {
      method: 'GET',
      path: '/api/documents/:id/review-rounds/:roundId',
      auth: true,
      handler: async (ctx) => ({ status: 200, body: await s.reviews.get(ctx.user.id, id(ctx.params), round(ctx.params)) }),
    },
    {
      method: 'POST',
      path: '/api/documents/:id/review-rounds/:roundId/done',
      auth: true,
      schema: ReviewDoneRequestSchema,
      handler: async (ctx) => ({ status: 200, body: await s.reviews.markDone(ctx.user.id, id(ctx.params), round(ctx.params), ctx.body as ReviewDoneRequest) }),
    },
    {
      method: 'POST',
      path: '/api/documents/:id/review-rounds/:roundId/close',
      auth: true,
      schema: CloseReviewRoundRequestSchema,
      handler: async (ctx) => ({ status: 200, body: await s.reviews.close(ctx.user.id, id(ctx.params), round(ctx.params), ctx.body as CloseReviewRoundRequest) }),
    },
    {
      method: 'GET',
      path: '/api/me/notifications',
      auth: true,
      handler: async (ctx) => ({ status: 200, body: await s.notifications.notifications(ctx.user.id) }),
    },
  ];
}
