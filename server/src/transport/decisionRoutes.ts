/** HTTP routes of the decision log (docs/api.md, "Decisions"). Handlers stay thin: they call the DecisionService. */
import {
  CorrectionRequestSchema,
  CreateDecisionRequestSchema,
  DecisionExportFormatSchema,
  RecordOutcomeRequestSchema,
  TakePositionRequestSchema,
  type CorrectionRequest,
  type CreateDecisionRequest,
  type RecordOutcomeRequest,
  type TakePositionRequest,
} from '../../../shared/src/index';
import type { DecisionService } from '../decisions/decisionService';
import { AppError } from '../errors';
import type { Route } from './httpPipeline';

export interface DecisionRouteServices {
  decisions: DecisionService;
}

export function decisionRoutes(s: DecisionRouteServices): Route[] {
  const id = (params: Record<string, string>) => params.id ?? '';
  return [
    {
      method: 'GET',
      path: '/api/documents/:id/decisions',
      auth: true,
      handler: async (ctx) => ({ status: 200, body: await s.decisions.log(ctx.user.id, id(ctx.params)) }),
    },
    {
      method: 'POST',
      path: '/api/documents/:id/decisions',
      auth: true,
      schema: CreateDecisionRequestSchema,
      handler: async (ctx) => ({ status: 201, body: await s.decisions.propose(ctx.user.id, id(ctx.params), ctx.body as CreateDecisionRequest) }),
    },
    {
      method: 'GET',
      path: '/api/documents/:id/decisions/verify',
      auth: true,
      handler: async (ctx) => ({ status: 200, body: await s.decisions.verify(ctx.user.id, id(ctx.params)) }),
    },
    {
      method: 'GET',
      path: '/api/documents/:id/decisions/export',
      auth: true,
      handler: async (ctx) => {
        const query = new URL(ctx.req.url ?? '/', 'http://localhost').searchParams;
        const format = DecisionExportFormatSchema.safeParse(query.get('format') ?? 'markdown');
        if (!format.success) throw new AppError('validation_failed', 'format: choose markdown or csv.');
        const exported = await s.decisions.exportLog(ctx.user.id, id(ctx.params), format.data);
        if (query.get('download') !== '1') return { status: 200, body: exported };
        // The file itself, for a plain link or curl -O; the chain status rides in a header.
        const v = exported.verification;
        return {
          status: 200,
          raw: exported.content,
          headers: {
            'Content-Type': exported.contentType,
            'Content-Disposition': `attachment; filename="${exported.filename}"`,
            'X-Decision-Chain': v.ok ? `intact; entries=${v.entries}` : `broken; seq=${v.brokenAt?.seq}; reason=${v.brokenAt?.reason}`,
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/api/decisions/:id',
      auth: true,
      handler: async (ctx) => ({ status: 200, body: await s.decisions.getDecision(ctx.user.id, id(ctx.params)) }),
    },
    {
      method: 'POST',
      path: '/api/decisions/:id/positions',
      auth: true,
      schema: TakePositionRequestSchema,
      handler: async (ctx) => ({ status: 201, body: await s.decisions.takePosition(ctx.user.id, id(ctx.params), ctx.body as TakePositionRequest) }),
    },
    {
      method: 'POST',
      path: '/api/decisions/:id/outcome',
      auth: true,
      schema: RecordOutcomeRequestSchema,
      handler: async (ctx) => ({ status: 201, body: await s.decisions.recordOutcome(ctx.user.id, id(ctx.params), ctx.body as RecordOutcomeRequest) }),
    },
    {
      method: 'POST',
      path: '/api/decisions/:id/corrections',
      auth: true,
      schema: CorrectionRequestSchema,
      handler: async (ctx) => ({ status: 201, body: await s.decisions.correct(ctx.user.id, id(ctx.params), ctx.body as CorrectionRequest) }),
    },
  ];
}
