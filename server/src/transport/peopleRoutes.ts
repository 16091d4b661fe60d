/** HTTP routes for people and access: invitations, joining, members, audit log, credentials. */
import {
  AcceptInvitationRequestSchema,
  CreateInvitationRequestSchema,
  SetCredentialsRequestSchema,
  UpdateMemberRequestSchema,
  type AcceptInvitationRequest,
  type CreateInvitationRequest,
  type SetCredentialsRequest,
  type UpdateMemberRequest,
} from '../../../shared/src/index';
import { SESSION_TTL_MS, type AuthService } from '../auth/authService';
import type { PeopleService } from '../people/peopleService';
import { clearedSessionCookie, sessionCookie } from './cookies';
import type { Route } from './httpPipeline';
import type http from 'node:http';

export interface PeopleRouteServices {
  auth: AuthService;
  people: PeopleService;
  secureCookies: boolean;
  /** The address people use, for invitation links. */
  baseUrl(req: http.IncomingMessage): string;
  /** Closes every live connection of a user (signed out everywhere). */
  disconnectUser(userId: string): void;
}

export function peopleRoutes(s: PeopleRouteServices): Route[] {
  const ws = (params: Record<string, string>) => params.id ?? '';
  return [
    {
      method: 'POST',
      path: '/api/workspaces/:id/invitations',
      auth: true,
      schema: CreateInvitationRequestSchema,
      handler: async (ctx) => ({
        status: 201,
        body: await s.people.createInvitation(ctx.user.id, ws(ctx.params), ctx.body as CreateInvitationRequest, s.baseUrl(ctx.req)),
      }),
    },
    {
      method: 'GET',
      path: '/api/workspaces/:id/invitations',
      auth: true,
      handler: async (ctx) => ({ status: 200, body: { invitations: await s.people.listInvitations(ctx.user.id, ws(ctx.params)) } }),
    },
    {
      method: 'DELETE',
      path: '/api/workspaces/:id/invitations/:invitationId',
      auth: true,
      handler: async (ctx) => {
        await s.people.revokeInvitation(ctx.user.id, ws(ctx.params), ctx.params.invitationId ?? '');
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      path: '/api/invitations/:token',
      auth: false,
      handler: async (ctx) => ({ status: 200, body: await s.people.preview(ctx.params.token ?? '', ctx.clientAddress) }),
    },
    {
      method: 'POST',
      path: '/api/invitations/:token/accept',
      auth: 'optional',
      schema: AcceptInvitationRequestSchema,
      handler: async (ctx) => {
        const { user, membership } = await s.people.accept(ctx.params.token ?? '', ctx.body as AcceptInvitationRequest, ctx.user, ctx.clientAddress);
        const session = await s.auth.openSession(user);
        return {
          status: 201,
          body: { token: session.token, user: session.user, membership: { workspaceId: membership.workspaceId, role: membership.role, permission: membership.permission } },
          headers: { 'Set-Cookie': sessionCookie(session.token, Math.floor(SESSION_TTL_MS / 1000), s.secureCookies) },
        };
      },
    },
    {
      method: 'GET',
      path: '/api/workspaces/:id/members',
      auth: true,
      handler: async (ctx) => ({ status: 200, body: { members: await s.people.listMembers(ctx.user.id, ws(ctx.params)) } }),
    },
    {
      method: 'PATCH',
      path: '/api/workspaces/:id/members/:userId',
      auth: true,
      schema: UpdateMemberRequestSchema,
      handler: async (ctx) => ({
        status: 200,
        body: await s.people.updateMember(ctx.user.id, ws(ctx.params), ctx.params.userId ?? '', ctx.body as UpdateMemberRequest),
      }),
    },
    {
      method: 'DELETE',
      path: '/api/workspaces/:id/members/:userId',
      auth: true,
      handler: async (ctx) => {
        await s.people.removeMember(ctx.user.id, ws(ctx.params), ctx.params.userId ?? '');
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      path: '/api/workspaces/:id/audit',
      auth: true,
      handler: async (ctx) => ({ status: 200, body: { events: await s.people.auditLog(ctx.user.id, ws(ctx.params)) } }),
    },
    {
      method: 'POST',
      path: '/api/me/credentials',
      auth: true,
      schema: SetCredentialsRequestSchema,
      handler: async (ctx) => ({ status: 200, body: { user: await s.auth.setCredentials(ctx.user, ctx.body as SetCredentialsRequest) } }),
    },
    {
      method: 'POST',
      path: '/api/logout-everywhere',
      auth: true,
      handler: async (ctx) => {
        await s.auth.logoutEverywhere(ctx.user.id);
        s.disconnectUser(ctx.user.id);
        return { status: 204, headers: { 'Set-Cookie': clearedSessionCookie(s.secureCookies) } };
      },
    },
  ];
}
