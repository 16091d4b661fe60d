/** The HTTP API routes (contract in docs/api.md). Handlers stay thin: they call services. */
import {
  CreateDocumentRequestSchema,
  CreateWorkspaceRequestSchema,
  LoginRequestSchema,
  SetupRequestSchema,
  UpdateMeRequestSchema,
  type CreateDocumentRequest,
  type CreateWorkspaceRequest,
  type LoginRequest,
  type SetupRequest,
  type UpdateMeRequest,
} from '../../../shared/src/index';
import { AuthService, SESSION_TTL_MS, toPublicUser, type Session } from '../auth/authService';
import type { Store } from '../storage/store';
import type { WorkspaceService } from '../workspaces/workspaceService';
import { clearedSessionCookie, sessionCookie } from './cookies';
import { hashToken } from '../util/ids';
import type { Reply, Route } from './httpPipeline';

export interface RouteServices {
  auth: AuthService;
  workspaces: WorkspaceService;
  store: Store;
  version: string;
  secureCookies: boolean;
  /** Whether "Forgot password?" can send a link by email (a mail server is configured). */
  emailReset?: boolean;
  /** Closes the live connections opened with a session that has just ended. */
  endSessionConnections(sessionId: string): void;
}

export function apiRoutes(s: RouteServices): Route[] {
  const signedIn = (session: Session, status: number): Reply => ({
    status,
    body: { token: session.token, user: session.user },
    headers: { 'Set-Cookie': sessionCookie(session.token, session.sharedDevice ? null : Math.floor(SESSION_TTL_MS / 1000), s.secureCookies) },
  });
  return [
    { method: 'GET', path: '/api/health', auth: false, handler: async () => ({ status: 200, body: { ok: true, version: s.version } }) },
    {
      method: 'GET',
      path: '/api/setup',
      auth: false,
      handler: async () => ({ status: 200, body: { needsSetup: await s.auth.needsSetup(), emailReset: s.emailReset === true } }),
    },
    {
      method: 'POST',
      path: '/api/setup',
      auth: false,
      schema: SetupRequestSchema,
      handler: async (ctx) => signedIn(await s.auth.setup(ctx.body as SetupRequest, ctx.clientAddress), 201),
    },
    {
      method: 'POST',
      path: '/api/login',
      auth: false,
      schema: LoginRequestSchema,
      handler: async (ctx) => signedIn(await s.auth.login(ctx.body as LoginRequest, ctx.clientAddress), 200),
    },
    {
      method: 'POST',
      path: '/api/logout',
      auth: true,
      handler: async (ctx) => {
        await s.auth.logout(ctx.token);
        s.endSessionConnections(hashToken(ctx.token));
        return { status: 204, headers: { 'Set-Cookie': clearedSessionCookie(s.secureCookies) } };
      },
    },
    {
      method: 'GET',
      path: '/api/me',
      auth: true,
      handler: async (ctx) => {
        const memberships = (await s.store.listMembershipsOf(ctx.user.id)).map((m) => ({
          workspaceId: m.workspaceId,
          role: m.role,
          permission: m.permission,
        }));
        return { status: 200, body: { user: toPublicUser(ctx.user), memberships } };
      },
    },
    {
      method: 'PATCH',
      path: '/api/me',
      auth: true,
      schema: UpdateMeRequestSchema,
      handler: async (ctx) => ({ status: 200, body: { user: await s.auth.updateProfile(ctx.user.id, ctx.body as UpdateMeRequest) } }),
    },
    {
      method: 'GET',
      path: '/api/workspaces',
      auth: true,
      handler: async (ctx) => ({ status: 200, body: { workspaces: await s.workspaces.listWorkspaces(ctx.user.id) } }),
    },
    {
      method: 'POST',
      path: '/api/workspaces',
      auth: true,
      schema: CreateWorkspaceRequestSchema,
      handler: async (ctx) => ({ status: 201, body: await s.workspaces.createWorkspace(ctx.user.id, ctx.body as CreateWorkspaceRequest) }),
    },
    {
      method: 'GET',
      path: '/api/workspaces/:id',
      auth: true,
      handler: async (ctx) => ({ status: 200, body: await s.workspaces.getWorkspace(ctx.user.id, ctx.params.id ?? '') }),
    },
    {
      method: 'GET',
      path: '/api/workspaces/:id/documents',
      auth: true,
      handler: async (ctx) => ({
        status: 200,
        body: {
          documents: await s.workspaces.listDocuments(ctx.user.id, ctx.params.id ?? '', {
            includeArchived: new URL(ctx.req.url ?? '/', 'http://x').searchParams.get('archived') === 'include',
          }),
        },
      }),
    },
    {
      method: 'POST',
      path: '/api/workspaces/:id/documents',
      auth: true,
      schema: CreateDocumentRequestSchema,
      handler: async (ctx) => ({
        status: 201,
        body: await s.workspaces.createDocument(ctx.user.id, ctx.params.id ?? '', ctx.body as CreateDocumentRequest),
      }),
    },
    {
      method: 'GET',
      path: '/api/documents/:id',
      auth: true,
      handler: async (ctx) => ({ status: 200, body: await s.workspaces.documentInfo(ctx.user.id, ctx.params.id ?? '') }),
    },
  ];
}
