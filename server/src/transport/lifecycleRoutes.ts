/** HTTP routes for a document's life: lifecycle, access list, named versions, sign-off, recovery. */
import type http from 'node:http';
import {
  MoveDocumentRequestSchema,
  NameVersionRequestSchema,
  PurgeDocumentRequestSchema,
  SetDocumentAccessRequestSchema,
  SignoffAnswerSchema,
  SignoffRequestSchema,
  UpdateDocumentRequestSchema,
  UseRecoveryRequestSchema,
  type DocumentAccessList,
  type MoveDocumentRequest,
  type NameVersionRequest,
  type PurgeDocumentRequest,
  type SignoffAnswer,
  type SignoffRequest,
  type UpdateDocumentRequest,
  type UseRecoveryRequest,
} from '../../../shared/src/index';
import { SESSION_TTL_MS, type AuthService } from '../auth/authService';
import type { LifecycleService } from '../documents/lifecycleService';
import type { VersionService } from '../documents/versionService';
import type { RecoveryService } from '../people/recoveryService';
import { sessionCookie } from './cookies';
import type { Route } from './httpPipeline';

export interface LifecycleRouteServices {
  lifecycle: LifecycleService;
  versions: VersionService;
  recovery: RecoveryService;
  auth: AuthService;
  secureCookies: boolean;
  baseUrl(req: http.IncomingMessage): string;
  /** Closes a member's live connections on every instance (their sessions have ended). */
  disconnectUser(userId: string): void;
}

export function lifecycleRoutes(s: LifecycleRouteServices): Route[] {
  const id = (params: Record<string, string>) => params.id ?? '';
  const done = { status: 204 } as const;
  return [
    {
      method: 'PATCH',
      path: '/api/documents/:id',
      auth: true,
      schema: UpdateDocumentRequestSchema,
      handler: async (ctx) => (await s.lifecycle.update(ctx.user.id, id(ctx.params), ctx.body as UpdateDocumentRequest), done),
    },
    { method: 'DELETE', path: '/api/documents/:id', auth: true, handler: async (ctx) => (await s.lifecycle.trash(ctx.user.id, id(ctx.params)), done) },
    {
      method: 'POST',
      path: '/api/documents/:id/untrash',
      auth: true,
      handler: async (ctx) => (await s.lifecycle.restoreFromTrash(ctx.user.id, id(ctx.params)), done),
    },
    {
      method: 'POST',
      path: '/api/documents/:id/purge',
      auth: true,
      schema: PurgeDocumentRequestSchema,
      handler: async (ctx) => (await s.lifecycle.purge(ctx.user.id, id(ctx.params), (ctx.body as PurgeDocumentRequest).confirmTitle), done),
    },
    {
      method: 'POST',
      path: '/api/documents/:id/move',
      auth: true,
      schema: MoveDocumentRequestSchema,
      handler: async (ctx) => (await s.lifecycle.move(ctx.user.id, id(ctx.params), (ctx.body as MoveDocumentRequest).workspaceId), done),
    },
    {
      method: 'GET',
      path: '/api/workspaces/:id/trash',
      auth: true,
      handler: async (ctx) => ({ status: 200, body: { documents: await s.lifecycle.listTrash(ctx.user.id, id(ctx.params)) } }),
    },
    {
      method: 'GET',
      path: '/api/documents/:id/access',
      auth: true,
      handler: async (ctx) => ({ status: 200, body: await s.lifecycle.accessList(ctx.user.id, id(ctx.params)) }),
    },
    {
      method: 'PUT',
      path: '/api/documents/:id/access',
      auth: true,
      schema: SetDocumentAccessRequestSchema,
      handler: async (ctx) => ({ status: 200, body: await s.lifecycle.setAccessList(ctx.user.id, id(ctx.params), ctx.body as DocumentAccessList) }),
    },
    {
      method: 'GET',
      path: '/api/workspaces/:id/document-access',
      auth: true,
      handler: async (ctx) => ({ status: 200, body: await s.lifecycle.accessOverview(ctx.user.id, id(ctx.params)) }),
    },
    {
      method: 'GET',
      path: '/api/documents/:id/named-versions',
      auth: true,
      handler: async (ctx) => ({ status: 200, body: await s.versions.list(ctx.user.id, id(ctx.params)) }),
    },
    {
      method: 'POST',
      path: '/api/documents/:id/named-versions',
      auth: true,
      schema: NameVersionRequestSchema,
      handler: async (ctx) => ({ status: 201, body: await s.versions.name(ctx.user.id, id(ctx.params), (ctx.body as NameVersionRequest).name) }),
    },
    {
      method: 'POST',
      path: '/api/named-versions/:id/signoff',
      auth: true,
      schema: SignoffRequestSchema,
      handler: async (ctx) => ({ status: 201, body: await s.versions.requestSignoff(ctx.user.id, id(ctx.params), ctx.body as SignoffRequest) }),
    },
    {
      method: 'POST',
      path: '/api/named-versions/:id/answer',
      auth: true,
      schema: SignoffAnswerSchema,
      handler: async (ctx) => ({ status: 201, body: await s.versions.answer(ctx.user.id, id(ctx.params), ctx.body as SignoffAnswer) }),
    },
    {
      method: 'POST',
      path: '/api/workspaces/:id/members/:userId/recovery',
      auth: true,
      handler: async (ctx) => ({ status: 201, body: await s.recovery.issue(ctx.user.id, id(ctx.params), ctx.params.userId ?? '', s.baseUrl(ctx.req)) }),
    },
    {
      method: 'POST',
      path: '/api/recovery/:token',
      auth: false,
      schema: UseRecoveryRequestSchema,
      handler: async (ctx) => {
        const user = await s.recovery.use(ctx.params.token ?? '', (ctx.body as UseRecoveryRequest).password, ctx.clientAddress);
        // The lost (or stolen) device's sessions end: only the person holding the link gets in.
        await s.auth.logoutEverywhere(user.id);
        s.disconnectUser(user.id);
        const session = await s.auth.openSession(user);
        return {
          status: 201,
          body: { token: session.token, user: session.user },
          headers: { 'Set-Cookie': sessionCookie(session.token, Math.floor(SESSION_TTL_MS / 1000), s.secureCookies) },
        };
      },
    },
  ];
}
