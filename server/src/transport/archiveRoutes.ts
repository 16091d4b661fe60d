/** HTTP routes of workspace archives (docs/api.md "Workspace archives", ADR 0007). */
import { ExportWorkspaceRequestSchema, type ExportWorkspaceRequest } from '../../../shared/src/index';
import { readArchiveBody } from '../archive/archiveBody';
import type { ArchiveService } from '../archive/archiveService';
import type { Route } from './httpPipeline';

export function archiveRoutes(s: { archives: ArchiveService; maxArchiveBytes: number; maxArchiveUnpackedBytes: number }): Route[] {
  return [
    {
      method: 'POST',
      path: '/api/workspaces/:id/export',
      auth: true,
      schema: ExportWorkspaceRequestSchema,
      handler: async (ctx) => {
        const exported = await s.archives.exportWorkspace(ctx.user, ctx.params.id ?? '', (ctx.body as ExportWorkspaceRequest).members);
        return {
          status: 200,
          raw: exported.json,
          headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': `attachment; filename="${exported.fileName}"` },
        };
      },
    },
    {
      method: 'POST',
      path: '/api/workspaces/import',
      auth: true,
      readBody: (req) => readArchiveBody(req, { maxBytes: s.maxArchiveBytes, maxUnpackedBytes: s.maxArchiveUnpackedBytes }),
      handler: async (ctx) => ({ status: 201, body: await s.archives.importWorkspace(ctx.user, ctx.body) }),
    },
  ];
}
