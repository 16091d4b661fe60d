/** HTTP routes for people's data rights and retention (docs/api.md "Privacy and data rights"). */
import {
  DemoRequestSchema,
  EraseMeRequestSchema,
  MyDataFormatSchema,
  UpdateWorkspaceRequestSchema,
  type AccessChannel,
  type DemoRequest,
  type EraseMeRequest,
  type UpdateWorkspaceRequest,
} from '../../../shared/src/index';
import type { DemoService } from '../demo/demoService';
import { AppError } from '../errors';
import type { AccessLogService } from '../privacy/accessLog';
import type { ErasureService } from '../privacy/erasure';
import type { MyDataService } from '../privacy/myData';
import { renderMyDataHtml } from '../privacy/myDataHtml';
import type { RetentionService } from '../privacy/retention';
import { clearedSessionCookie } from './cookies';
import type { AuthedContext, Reply, Route } from './httpPipeline';

export interface PrivacyRouteServices {
  accessLog: AccessLogService;
  myData: MyDataService;
  erasure: ErasureService;
  retention: RetentionService;
  demo: DemoService;
  secureCookies: boolean;
}

export function privacyRoutes(s: PrivacyRouteServices): Route[] {
  const id = (params: Record<string, string>) => params.id ?? '';
  return [
    {
      method: 'GET',
      path: '/api/documents/:id/access-log',
      auth: true,
      handler: async (ctx) => ({ status: 200, body: await s.accessLog.list(ctx.user.id, id(ctx.params)) }),
    },
    {
      method: 'GET',
      path: '/api/me/data',
      auth: true,
      handler: async (ctx): Promise<Reply> => {
        const parsed = MyDataFormatSchema.safeParse(new URL(ctx.req.url ?? '/', 'http://x').searchParams.get('format') ?? 'json');
        if (!parsed.success) throw new AppError('validation_failed', 'format must be json or html.');
        const data = await s.myData.collect(ctx.user);
        const attachment = (extension: string) => `attachment; filename="ensemble-my-data-${data.generatedAt.slice(0, 10)}.${extension}"`;
        if (parsed.data === 'json') return { status: 200, body: data, headers: { 'Content-Disposition': attachment('json') } };
        return {
          status: 200,
          raw: renderMyDataHtml(data, ctx.user.language ?? 'en'),
          headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Disposition': attachment('html') },
        };
      },
    },
    {
      method: 'DELETE',
      path: '/api/me',
      auth: true,
      schema: EraseMeRequestSchema,
      handler: async (ctx) => ({
        status: 200,
        body: await s.erasure.erase(ctx.user, ctx.body as EraseMeRequest),
        headers: { 'Set-Cookie': clearedSessionCookie(s.secureCookies) },
      }),
    },
    {
      method: 'GET',
      path: '/api/workspaces/:id/retention',
      auth: true,
      handler: async (ctx) => ({ status: 200, body: await s.retention.get(ctx.user.id, id(ctx.params)) }),
    },
    {
      method: 'PATCH',
      path: '/api/workspaces/:id',
      auth: true,
      schema: UpdateWorkspaceRequestSchema,
      handler: async (ctx) => ({ status: 200, body: await s.retention.update(ctx.user.id, id(ctx.params), ctx.body as UpdateWorkspaceRequest) }),
    },
    {
      method: 'POST',
      path: '/api/demo',
      auth: true,
      schema: DemoRequestSchema,
      handler: async (ctx) => ({ status: 201, body: await s.demo.create(ctx.user.id, (ctx.body as DemoRequest).language) }),
    },
  ];
}

/** Routes that open a document's content, and how the access log names each. */
const OPENINGS: Record<string, AccessChannel> = {
  'GET /api/documents/:id': 'details',
  'GET /api/documents/:id/export': 'export',
  'GET /api/documents/:id/versions/:seq': 'version',
  'GET /api/documents/:id/versions/:seq/compare': 'version',
};

/**
 * Wraps the routes that open a document so each successful answer is recorded in the access
 * log, without those routes knowing about it. A failed recording fails the request: an
 * opening that cannot be logged is not served.
 */
export function recordOpenings(routes: Route[], accessLog: AccessLogService): Route[] {
  return routes.map((route) => {
    const via = OPENINGS[`${route.method} ${route.path}`];
    if (!via || route.auth !== true) return route;
    const handler = route.handler;
    return {
      ...route,
      handler: async (ctx: AuthedContext) => {
        const reply = await handler(ctx);
        if (reply.status >= 200 && reply.status < 300) await accessLog.recordFor(ctx.user.id, ctx.params.id ?? '', via);
        return reply;
      },
    };
  });
}
