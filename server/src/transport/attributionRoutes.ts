/** HTTP routes for attribution: authorship, contributions, history, versions, restore. */
import { RestoreRequestSchema, type RestoreRequest } from '../../../shared/src/index';
import type { AttributionService } from '../attribution/attributionService';
import { AppError } from '../errors';
import type { Route } from './httpPipeline';

function seqParam(raw: string | undefined): number {
  const seq = Number(raw);
  if (!Number.isInteger(seq) || seq < 0) throw new AppError('validation_failed', 'The version number must be a whole number, 0 or more.');
  return seq;
}

export function attributionRoutes(attribution: AttributionService): Route[] {
  const doc = (params: Record<string, string>) => params.id ?? '';
  return [
    {
      method: 'GET',
      path: '/api/documents/:id/authorship',
      auth: true,
      handler: async (ctx) => ({ status: 200, body: await attribution.authorship(ctx.user.id, doc(ctx.params)) }),
    },
    {
      method: 'GET',
      path: '/api/documents/:id/contributions',
      auth: true,
      handler: async (ctx) => ({ status: 200, body: await attribution.contributions(ctx.user.id, doc(ctx.params)) }),
    },
    {
      method: 'GET',
      path: '/api/documents/:id/history',
      auth: true,
      handler: async (ctx) => ({ status: 200, body: await attribution.history(ctx.user.id, doc(ctx.params)) }),
    },
    {
      method: 'GET',
      path: '/api/documents/:id/versions/:seq',
      auth: true,
      handler: async (ctx) => ({ status: 200, body: await attribution.version(ctx.user.id, doc(ctx.params), seqParam(ctx.params.seq)) }),
    },
    {
      method: 'GET',
      path: '/api/documents/:id/versions/:seq/compare',
      auth: true,
      handler: async (ctx) => ({ status: 200, body: await attribution.compare(ctx.user.id, doc(ctx.params), seqParam(ctx.params.seq)) }),
    },
    {
      method: 'POST',
      path: '/api/documents/:id/restore',
      auth: true,
      schema: RestoreRequestSchema,
      handler: async (ctx) => ({
        status: 201,
        body: await attribution.restore(ctx.user.id, doc(ctx.params), (ctx.body as RestoreRequest).seq),
      }),
    },
  ];
}
