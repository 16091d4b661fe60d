/**
 * People and access in a workspace: invitations (link + short code), joining with only a name,
 * members' roles and permissions, removal, and the audit log of these events. Rules enforced
 * here and in the store, never by the client: only owners manage people; a workspace always
 * keeps an owner; a non-member learns nothing.
 */
import {
  perspectiveOf,
  type AcceptInvitationRequest,
  type AuditEvent,
  type CreateInvitationRequest,
  type CreatedInvitation,
  type Invitation,
  type InvitationPreview,
  type Member,
  type Permission,
  type Role,
  type UpdateMemberRequest,
  type WorkspacePurpose,
} from '../../../shared/src/index';
import { AppError, notFound } from '../errors';
import type { InvitationRecord, MembershipRecord, Store, UserRecord } from '../storage/store';
import { newId, newToken, hashToken, type Clock } from '../util/ids';
import { colorFor } from '../../../shared/src/index';
import { RateLimiter } from '../auth/rateLimiter';
import { hashCode, invitationLookupHash, newInvitationCode, normalizeCode } from './invitationCodes';

const DEFAULT_INVITATION_HOURS = 24 * 7;
const iso = (ms: number) => new Date(ms).toISOString();

/** Live effects of membership changes on open connections (implemented with the rooms). */
export interface MembershipEffects {
  changed(workspaceId: string, userId: string, membership: MembershipRecord): Promise<void>;
  removed(workspaceId: string, userId: string): Promise<void>;
}

export function defaultPermission(purpose: WorkspacePurpose, role: Role): Permission {
  return purpose === 'care-trajectory' && role === 'person' ? 'owner' : 'editor';
}

export class PeopleService {
  private readonly accepts: RateLimiter;
  private readonly failures: RateLimiter;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly effects: MembershipEffects,
    limits: { inviteAcceptsPerWindow: number; invitationFailuresPerWindow: number; authWindowMs: number },
  ) {
    this.accepts = new RateLimiter(limits.inviteAcceptsPerWindow, limits.authWindowMs, () => clock.now());
    this.failures = new RateLimiter(limits.invitationFailuresPerWindow, limits.authWindowMs, () => clock.now());
  }

  async requireMember(userId: string, workspaceId: string): Promise<MembershipRecord> {
    const membership = await this.store.getMembership(workspaceId, userId);
    if (!membership) throw notFound('This workspace');
    return membership;
  }

  async requireOwner(userId: string, workspaceId: string): Promise<MembershipRecord> {
    const membership = await this.requireMember(userId, workspaceId);
    if (membership.permission !== 'owner') throw new AppError('forbidden', 'Only the owners of this workspace can manage its people.');
    return membership;
  }

  async createInvitation(actorId: string, workspaceId: string, request: CreateInvitationRequest, baseUrl: string): Promise<CreatedInvitation> {
    await this.requireOwner(actorId, workspaceId);
    const workspace = await this.store.getWorkspace(workspaceId);
    if (!workspace) throw notFound('This workspace');
    const now = this.clock.now();
    const token = newToken();
    const code = newInvitationCode();
    const record: InvitationRecord = {
      id: newId(),
      workspaceId,
      tokenHash: hashToken(token),
      codeHash: hashCode(normalizeCode(code) as string),
      role: request.role,
      permission: request.permission ?? defaultPermission(workspace.purpose, request.role),
      maxUses: request.maxUses ?? null,
      uses: 0,
      expiresAt: now + (request.expiresInHours ?? DEFAULT_INVITATION_HOURS) * 3_600_000,
      revokedAt: null,
      createdBy: actorId,
      createdAt: now,
    };
    await this.store.createInvitation(record, {
      workspaceId,
      kind: 'invited',
      actorId,
      subjectId: null,
      details: { invitationId: record.id, role: record.role, permission: record.permission, maxUses: record.maxUses },
      at: now,
    });
    return { ...toInvitation(record), token, code, url: `${baseUrl}/join/${token}` };
  }

  async listInvitations(actorId: string, workspaceId: string): Promise<Invitation[]> {
    await this.requireOwner(actorId, workspaceId);
    return (await this.store.listInvitations(workspaceId)).map(toInvitation);
  }

  async revokeInvitation(actorId: string, workspaceId: string, invitationId: string): Promise<void> {
    await this.requireOwner(actorId, workspaceId);
    const now = this.clock.now();
    const revoked = await this.store.revokeInvitation(workspaceId, invitationId, now, {
      workspaceId,
      kind: 'invitation_revoked',
      actorId,
      subjectId: null,
      details: { invitationId },
      at: now,
    });
    if (!revoked) throw notFound('This invitation');
  }

  /** What the join page shows. Unknown, expired, used up and revoked invitations all look the same. */
  async preview(presented: string, clientAddress: string): Promise<InvitationPreview> {
    const invitation = await this.usableInvitation(presented, clientAddress);
    const workspace = await this.store.getWorkspace(invitation.workspaceId);
    const inviter = await this.store.getUser(invitation.createdBy);
    return {
      workspaceName: workspace?.name ?? '',
      inviterName: inviter?.displayName ?? '',
      inviterLanguage: inviter?.language ?? null,
      role: invitation.role,
      permission: invitation.permission,
    };
  }

  /**
   * Joins with only a name. A signed-in person joins with their account; anyone else gets a new
   * account without email or password (they can add them later to sign in elsewhere).
   */
  async accept(presented: string, request: AcceptInvitationRequest, signedIn: UserRecord | null, clientAddress: string): Promise<{ user: UserRecord; membership: MembershipRecord }> {
    if (this.accepts.isLimited(clientAddress)) throw tooMany();
    this.accepts.record(clientAddress);
    const invitation = await this.usableInvitation(presented, clientAddress);
    const now = this.clock.now();
    const id = newId();
    const user: UserRecord = signedIn ?? {
      id,
      email: null,
      displayName: request.displayName,
      passwordHash: null,
      color: colorFor(Number.parseInt(hashToken(id).slice(0, 8), 16)),
      language: null,
      createdAt: now,
    };
    const result = await this.store.acceptInvitation(invitation.id, user.id, signedIn ? null : user, now);
    if (result.kind === 'unavailable') throw invitationUnavailable();
    return { user, membership: result.membership };
  }

  async listMembers(actorId: string, workspaceId: string): Promise<Member[]> {
    await this.requireMember(actorId, workspaceId);
    return (await this.store.listMembers(workspaceId)).map((m) => ({
      userId: m.userId,
      displayName: m.displayName,
      color: m.color,
      role: m.role,
      perspective: perspectiveOf(m.role),
      permission: m.permission,
      joinedAt: iso(m.createdAt),
      lastSeenAt: m.lastSeenAt === null ? null : iso(m.lastSeenAt),
    }));
  }

  async updateMember(actorId: string, workspaceId: string, userId: string, request: UpdateMemberRequest): Promise<Member> {
    await this.requireOwner(actorId, workspaceId);
    const change = { kind: 'update' as const, ...request };
    const result = await this.store.changeMembership(workspaceId, userId, change, { workspaceId, kind: 'member_changed', actorId, subjectId: userId, at: this.clock.now() });
    if (!result.ok) throw membershipError(result.reason);
    await this.effects.changed(workspaceId, userId, result.after as MembershipRecord);
    const member = (await this.listMembers(actorId, workspaceId)).find((m) => m.userId === userId);
    if (!member) throw notFound('This member');
    return member;
  }

  /** Owners remove anyone; any member may leave by removing themselves. */
  async removeMember(actorId: string, workspaceId: string, userId: string): Promise<void> {
    const leaving = actorId === userId;
    if (leaving) await this.requireMember(actorId, workspaceId);
    else await this.requireOwner(actorId, workspaceId);
    const result = await this.store.changeMembership(workspaceId, userId, { kind: 'remove' }, {
      workspaceId,
      kind: leaving ? 'member_left' : 'member_removed',
      actorId,
      subjectId: userId,
      at: this.clock.now(),
    });
    if (!result.ok) throw membershipError(result.reason);
    await this.effects.removed(workspaceId, userId);
  }

  async auditLog(actorId: string, workspaceId: string): Promise<AuditEvent[]> {
    await this.requireOwner(actorId, workspaceId);
    const events = await this.store.listAudit(workspaceId, 500);
    const names = new Map<string, string>();
    for (const id of new Set(events.flatMap((e) => [e.actorId, e.subjectId]).filter((id): id is string => id !== null))) {
      const user = await this.store.getUser(id);
      if (user) names.set(id, user.displayName);
    }
    return events.map((e) => ({
      id: e.id,
      workspaceId: e.workspaceId,
      kind: e.kind,
      actorId: e.actorId,
      actorName: e.actorId ? (names.get(e.actorId) ?? null) : null,
      subjectId: e.subjectId,
      subjectName: e.subjectId ? (names.get(e.subjectId) ?? null) : null,
      details: e.details,
      at: iso(e.at),
    }));
  }

  private async usableInvitation(presented: string, clientAddress: string): Promise<InvitationRecord> {
    if (this.failures.isLimited(clientAddress)) throw tooMany();
    const invitation = presented.length <= 200 ? await this.store.findInvitation(invitationLookupHash(presented)) : null;
    const now = this.clock.now();
    if (!invitation || invitation.revokedAt !== null || invitation.expiresAt <= now || (invitation.maxUses !== null && invitation.uses >= invitation.maxUses)) {
      this.failures.record(clientAddress);
      throw invitationUnavailable();
    }
    return invitation;
  }
}

function toInvitation(r: InvitationRecord): Invitation {
  return {
    id: r.id,
    workspaceId: r.workspaceId,
    role: r.role,
    permission: r.permission,
    maxUses: r.maxUses,
    uses: r.uses,
    expiresAt: iso(r.expiresAt),
    revokedAt: r.revokedAt === null ? null : iso(r.revokedAt),
    createdAt: iso(r.createdAt),
    createdBy: r.createdBy,
  };
}

const tooMany = () => new AppError('rate_limited', 'Too many attempts. Wait a minute, then try again.');
const invitationUnavailable = () =>
  new AppError('not_found', 'This invitation is not valid: it may have expired, been used up or been cancelled. Ask the person who invited you for a new one.');

function membershipError(reason: 'not-member' | 'last-owner'): AppError {
  return reason === 'last-owner'
    ? new AppError('last_owner', 'A workspace needs at least one owner. Make someone else an owner first.')
    : notFound('This member');
}
