/**
 * HTTP routes of workshops (docs/api.md, "Workshops"). Handlers stay thin: each names the rule
 * the WorkshopService runs for the caller. The live channel is transport/workshopEvents.ts.
 */
import {
  AddColumnRequestSchema,
  CheckinRequestSchema,
  CreateWorkshopRequestSchema,
  GoToStepRequestSchema,
  HandRequestSchema,
  LowerHandRequestSchema,
  MoveCardRequestSchema,
  OutcomeRequestSchema,
  PostCardRequestSchema,
  RevealRequestSchema,
  SetFacilitatorsRequestSchema,
  SetVotesRequestSchema,
  ThemeRequestSchema,
  TimerRequestSchema,
  type AddColumnRequest,
  type CheckinRequest,
  type CreateWorkshopRequest,
  type GoToStepRequest,
  type HandRequest,
  type LowerHandRequest,
  type MoveCardRequest,
  type OutcomeRequest,
  type PostCardRequest,
  type RevealRequest,
  type SetFacilitatorsRequest,
  type SetVotesRequest,
  type ThemeRequest,
  type TimerRequest,
} from '../../../shared/src/index';
import { controlTimer, goToStep } from '../workshops/workshopControls';
import * as rules from '../workshops/workshopRules';
import type { WorkshopRule, WorkshopService } from '../workshops/workshopService';
import type { AuthedContext, Route } from './httpPipeline';

export function workshopRoutes(s: { workshops: WorkshopService }): Route[] {
  const w = s.workshops;
  const p = (ctx: AuthedContext, key: string) => ctx.params[key] ?? '';
  /** A command route: validate the body, run one rule, answer the revision reached. */
  const command = <T>(method: Route['method'], path: string, schema: Route['schema'], rule: (body: T, ctx: AuthedContext) => WorkshopRule, status = 200): Route => ({
    method,
    path,
    auth: true,
    schema,
    handler: async (ctx) => ({ status, body: await w.run(ctx.user.id, p(ctx, 'id'), rule(ctx.body as T, ctx)) }),
  });
  return [
    {
      method: 'GET',
      path: '/api/workspaces/:id/workshops',
      auth: true,
      handler: async (ctx) => ({ status: 200, body: await w.list(ctx.user.id, p(ctx, 'id')) }),
    },
    {
      method: 'POST',
      path: '/api/workspaces/:id/workshops',
      auth: true,
      schema: CreateWorkshopRequestSchema,
      handler: async (ctx) => ({ status: 201, body: await w.create(ctx.user.id, p(ctx, 'id'), ctx.body as CreateWorkshopRequest) }),
    },
    {
      method: 'GET',
      path: '/api/workshops/:id/state',
      auth: true,
      handler: async (ctx) => {
        const view = new URL(ctx.req.url ?? '/', 'http://localhost').searchParams.get('view');
        return { status: 200, body: await w.state(ctx.user.id, p(ctx, 'id'), view === 'projector') };
      },
    },
    {
      method: 'PUT',
      path: '/api/workshops/:id/facilitators',
      auth: true,
      schema: SetFacilitatorsRequestSchema,
      handler: async (ctx) => ({ status: 200, body: await w.setFacilitators(ctx.user.id, p(ctx, 'id'), (ctx.body as SetFacilitatorsRequest).userIds) }),
    },
    {
      method: 'POST',
      path: '/api/workshops/:id/summary',
      auth: true,
      handler: async (ctx) => ({ status: 201, body: await w.summary(ctx.user.id, p(ctx, 'id')) }),
    },
    command<GoToStepRequest>('POST', '/api/workshops/:id/step', GoToStepRequestSchema, (b) => (s, a) => goToStep(s, a, b.stepId)),
    command<TimerRequest>('POST', '/api/workshops/:id/timer', TimerRequestSchema, (b) => (s, a, c) => controlTimer(s, a, c, b)),
    command<AddColumnRequest>('POST', '/api/workshops/:id/columns', AddColumnRequestSchema, (b) => (s, a, c) => rules.addColumn(s, a, c, b), 201),
    command<PostCardRequest>('POST', '/api/workshops/:id/cards', PostCardRequestSchema, (b) => (s, a, c) => rules.postCard(s, a, c, b), 201),
    command<RevealRequest>('POST', '/api/workshops/:id/reveal', RevealRequestSchema, (b) => (s, a, c) => rules.reveal(s, a, c, b)),
    command<ThemeRequest>('POST', '/api/workshops/:id/themes', ThemeRequestSchema, (b) => (s, a, c) => rules.addTheme(s, a, c, b), 201),
    command<ThemeRequest>('PATCH', '/api/workshops/:id/themes/:themeId', ThemeRequestSchema, (b, ctx) => (s, a) => rules.renameTheme(s, a, p(ctx, 'themeId'), b)),
    command<MoveCardRequest>('PUT', '/api/workshops/:id/cards/:cardId/theme', MoveCardRequestSchema, (b, ctx) => (s, a) => rules.moveCard(s, a, p(ctx, 'cardId'), b)),
    command<SetVotesRequest>('PUT', '/api/workshops/:id/votes/:cardId', SetVotesRequestSchema, (b, ctx) => (s, a) => rules.setVotes(s, a, p(ctx, 'cardId'), b)),
    command<HandRequest>('POST', '/api/workshops/:id/hand', HandRequestSchema, (b) => (s, a, c) => rules.setHand(s, a, c, b.raised)),
    command<LowerHandRequest>('POST', '/api/workshops/:id/hands/lower', LowerHandRequestSchema, (b) => (s, a) => rules.lowerHand(s, a, b.userId)),
    command<CheckinRequest>('PUT', '/api/workshops/:id/checkin', CheckinRequestSchema, (b) => (s, a, c) => rules.checkin(s, a, c, b)),
    command<OutcomeRequest>('POST', '/api/workshops/:id/outcomes', OutcomeRequestSchema, (b) => (s, a, c) => rules.addOutcome(s, a, c, b), 201),
  ];
}
