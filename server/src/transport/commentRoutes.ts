/**
 * HTTP routes of comments and suggestions (docs/api.md, "Comments, suggestions and review
 * rounds"). Handlers stay thin: they call the CommentService and the SuggestionService.
 */
import {
  CommentFilterSchema,
  CreateCommentRequestSchema,
  EditCommentRequestSchema,
  type CreateCommentRequest,
  type EditCommentRequest,
} from '../../../shared/src/index';
import type { CommentService } from '../comments/commentService';
import { AppError } from '../errors';
import type { SuggestionService } from '../suggestions/suggestionService';
import type { Route } from './httpPipeline';

export interface CommentRouteServices {
  comments: CommentService;
  suggestions: SuggestionService;
}

export function commentRoutes(s: CommentRouteServices): Route[] {
  const id = (params: Record<string, string>) => params.id ?? '';
  const suggestionRoute = (action: 'accept' | 'reject'): Route => ({
    method: 'POST',
    path: `/api/documents/:id/suggestions/:suggestionId/${action}`,
    auth: true,
    handler: async (ctx) => ({ status: 200, body: await s.suggestions.decide(ctx.user.id, id(ctx.params), ctx.params.suggestionId ?? '', action) }),
  });
  return [
    {
      method: 'GET',
      path: '/api/documents/:id/comments',
      auth: true,
      handler: async (ctx) => {
        const query = Object.fromEntries(new URL(ctx.req.url ?? '/', 'http://localhost').searchParams);
        const filter = CommentFilterSchema.safeParse(query);
        if (!filter.success) {
          throw new AppError('validation_failed', 'Filters: status=open|resolved, mine=1, perspective=experiential|professional|facilitation, roundId=<id>.');
        }
        return { status: 200, body: await s.comments.list(ctx.user.id, id(ctx.params), filter.data) };
      },
    },
    {
      method: 'POST',
      path: '/api/documents/:id/comments',
      auth: true,
      schema: CreateCommentRequestSchema,
      handler: async (ctx) => ({ status: 201, body: await s.comments.create(ctx.user.id, id(ctx.params), ctx.body as CreateCommentRequest) }),
    },
    {
      method: 'PATCH',
      path: '/api/comments/:id',
      auth: true,
      schema: EditCommentRequestSchema,
      handler: async (ctx) => ({ status: 200, body: await s.comments.edit(ctx.user.id, id(ctx.params), ctx.body as EditCommentRequest) }),
    },
    {
      method: 'POST',
      path: '/api/comments/:id/resolve',
      auth: true,
      handler: async (ctx) => ({ status: 200, body: await s.comments.setStatus(ctx.user.id, id(ctx.params), 'resolved') }),
    },
    {
      method: 'POST',
      path: '/api/comments/:id/reopen',
      auth: true,
      handler: async (ctx) => ({ status: 200, body: await s.comments.setStatus(ctx.user.id, id(ctx.params), 'open') }),
    },
    {
      method: 'GET',
      path: '/api/documents/:id/suggestions',
      auth: true,
      handler: async (ctx) => ({ status: 200, body: await s.suggestions.list(ctx.user.id, id(ctx.params)) }),
    },
    suggestionRoute('accept'),
    suggestionRoute('reject'),
  ];
}
