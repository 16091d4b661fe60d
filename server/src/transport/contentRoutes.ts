/** HTTP routes for templates and exports (docs/api.md). Query strings are validated with zod. */
import type http from 'node:http';
import type { z } from 'zod';
import { ExportQuerySchema, TemplateListQuerySchema, listTemplates, type Language } from '../../../shared/src/index';
import { AppError } from '../errors';
import type { ExportService } from '../exports/exportService';
import type { UserRecord } from '../storage/store';
import type { Route } from './httpPipeline';

export interface ContentRouteServices {
  exports: ExportService;
}

export function contentRoutes(s: ContentRouteServices): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/templates',
      // Signed-in callers get their own language by default; the list itself is not secret.
      auth: 'optional',
      handler: async (ctx) => {
        const query = parseQuery(ctx.req, TemplateListQuerySchema);
        return { status: 200, body: listTemplates(languageFor(query.lang, ctx.user)) };
      },
    },
    {
      method: 'GET',
      path: '/api/documents/:id/export',
      auth: true,
      handler: async (ctx) => {
        const query = parseQuery(ctx.req, ExportQuerySchema);
        const file = await s.exports.exportDocument(ctx.user.id, ctx.params.id ?? '', query.format, languageFor(query.lang, ctx.user));
        return {
          status: 200,
          raw: file.body,
          headers: { 'Content-Type': file.contentType, 'Content-Disposition': `${file.disposition}; filename="${file.fileName}"` },
        };
      },
    },
  ];
}

function languageFor(requested: Language | undefined, user: UserRecord | null): Language {
  return requested ?? user?.language ?? 'en';
}

function parseQuery<T extends z.ZodType>(req: http.IncomingMessage, schema: T): z.infer<T> {
  const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const parsed = schema.safeParse(Object.fromEntries(params));
  if (!parsed.success) throw new AppError('validation_failed', parsed.error.issues.map((issue) => issue.message).join(' '));
  return parsed.data;
}
