/**
 * The SQLite side of people and access: memberships, invitations, the audit log, credentials.
 * Every multi-step change runs in one IMMEDIATE transaction so concurrent requests cannot,
 * for example, remove the last owner twice or use an invitation beyond its limit.
 */
import type Database from 'better-sqlite3';
import type {
  AcceptResult,
  AuditRecord,
  InvitationRecord,
  MemberRecord,
  MembershipChange,
  MembershipChangeResult,
  MembershipRecord,
  NewAuditEvent,
  UserRecord,
} from '../store';
import { auditParams, joinedThrough } from '../rows/auditRows';
import { toAudit, toInvitation, toMember, toMembership, type Row } from './rows';

export class SqlitePeople {
  private readonly s;

  constructor(private readonly db: Database.Database) {
    this.s = {
      insertUser: db.prepare(
        'INSERT INTO users (id, email, display_name, password_hash, color, language, created_at) VALUES (@id, @email, @displayName, @passwordHash, @color, @language, @createdAt)',
      ),
      deleteSessionsOf: db.prepare('DELETE FROM sessions WHERE user_id = ?'),
      userByEmail: db.prepare('SELECT id FROM users WHERE email = ?'),
      setCredentials: db.prepare('UPDATE users SET email = ?, password_hash = ? WHERE id = ?'),
      members: db.prepare(
        `SELECT m.*, u.display_name, u.color FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.workspace_id = ? ORDER BY m.created_at, u.display_name`,
      ),
      membership: db.prepare('SELECT * FROM memberships WHERE workspace_id = ? AND user_id = ?'),
      countOwners: db.prepare("SELECT COUNT(*) AS n FROM memberships WHERE workspace_id = ? AND permission = 'owner'"),
      updateMembership: db.prepare('UPDATE memberships SET role = ?, permission = ? WHERE workspace_id = ? AND user_id = ?'),
      deleteMembership: db.prepare('DELETE FROM memberships WHERE workspace_id = ? AND user_id = ?'),
      insertMembership: db.prepare(
        'INSERT INTO memberships (workspace_id, user_id, role, permission, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      touchMember: db.prepare('UPDATE memberships SET last_seen_at = ? WHERE workspace_id = ? AND user_id = ?'),
      insertInvitation: db.prepare(
        `INSERT INTO invitations (id, workspace_id, token_hash, code_hash, role, permission, max_uses, uses, expires_at, revoked_at, created_by, created_at)
         VALUES (@id, @workspaceId, @tokenHash, @codeHash, @role, @permission, @maxUses, @uses, @expiresAt, @revokedAt, @createdBy, @createdAt)`,
      ),
      invitationByHash: db.prepare('SELECT * FROM invitations WHERE token_hash = ? OR code_hash = ?'),
      invitationById: db.prepare('SELECT * FROM invitations WHERE id = ?'),
      invitations: db.prepare('SELECT * FROM invitations WHERE workspace_id = ? ORDER BY created_at DESC'),
      revokeInvitation: db.prepare('UPDATE invitations SET revoked_at = ? WHERE id = ? AND workspace_id = ? AND revoked_at IS NULL'),
      useInvitation: db.prepare('UPDATE invitations SET uses = uses + 1 WHERE id = ?'),
      insertAudit: db.prepare(
        'INSERT INTO audit_events (workspace_id, kind, actor_id, subject_id, details, at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      audit: db.prepare('SELECT * FROM audit_events WHERE workspace_id = ? ORDER BY id DESC LIMIT ?'),
    };
  }

  deleteSessionsOf(userId: string): void {
    this.s.deleteSessionsOf.run(userId);
  }

  setCredentials(userId: string, email: string, passwordHash: string): boolean {
    return this.db.transaction(() => {
      const owner = this.s.userByEmail.get(email) as { id: string } | undefined;
      if (owner && owner.id !== userId) return false;
      this.s.setCredentials.run(email, passwordHash, userId);
      return true;
    }).immediate();
  }

  listMembers(workspaceId: string): MemberRecord[] {
    return (this.s.members.all(workspaceId) as Row[]).map(toMember);
  }

  changeMembership(
    workspaceId: string,
    userId: string,
    change: MembershipChange,
    audit: Omit<NewAuditEvent, 'details'> & { details?: Record<string, unknown> },
  ): MembershipChangeResult {
    return this.db.transaction((): MembershipChangeResult => {
      const row = this.s.membership.get(workspaceId, userId) as Row | undefined;
      if (!row) return { ok: false, reason: 'not-member' };
      const before = toMembership(row);
      const after: MembershipRecord | null =
        change.kind === 'remove'
          ? null
          : { ...before, role: change.role ?? before.role, permission: change.permission ?? before.permission };
      const losesOwnership = before.permission === 'owner' && after?.permission !== 'owner';
      if (losesOwnership && (this.s.countOwners.get(workspaceId) as { n: number }).n <= 1) return { ok: false, reason: 'last-owner' };
      if (after) this.s.updateMembership.run(after.role, after.permission, workspaceId, userId);
      else this.s.deleteMembership.run(workspaceId, userId);
      const details = { ...audit.details, before: { role: before.role, permission: before.permission }, after: after && { role: after.role, permission: after.permission } };
      this.insertAudit({ ...audit, details });
      return { ok: true, before, after };
    }).immediate();
  }

  touchMember(workspaceId: string, userId: string, at: number): void {
    this.s.touchMember.run(at, workspaceId, userId);
  }

  createInvitation(invitation: InvitationRecord, audit: NewAuditEvent): void {
    this.db.transaction(() => {
      this.s.insertInvitation.run(invitation);
      this.insertAudit(audit);
    })();
  }

  findInvitation(hash: string): InvitationRecord | null {
    const row = this.s.invitationByHash.get(hash, hash) as Row | undefined;
    return row ? toInvitation(row) : null;
  }

  listInvitations(workspaceId: string): InvitationRecord[] {
    return (this.s.invitations.all(workspaceId) as Row[]).map(toInvitation);
  }

  revokeInvitation(workspaceId: string, invitationId: string, at: number, audit: NewAuditEvent): boolean {
    return this.db.transaction(() => {
      const changed = this.s.revokeInvitation.run(at, invitationId, workspaceId).changes > 0;
      if (changed) this.insertAudit(audit);
      return changed;
    })();
  }

  acceptInvitation(invitationId: string, userId: string, newUser: UserRecord | null, now: number): AcceptResult {
    return this.db.transaction((): AcceptResult => {
      const row = this.s.invitationById.get(invitationId) as Row | undefined;
      if (!row) return { kind: 'unavailable' };
      const invitation = toInvitation(row);
      if (!isUsable(invitation, now)) return { kind: 'unavailable' };
      const existing = this.s.membership.get(invitation.workspaceId, userId) as Row | undefined;
      if (existing) return { kind: 'already-member', membership: toMembership(existing) };
      if (newUser) this.s.insertUser.run(newUser);
      this.s.insertMembership.run(invitation.workspaceId, userId, invitation.role, invitation.permission, now);
      this.s.useInvitation.run(invitation.id);
      const joined = joinedThrough(invitation, userId, now);
      this.insertAudit(joined.event);
      return { kind: 'joined', membership: joined.membership };
    }).immediate();
  }

  appendAudit(event: NewAuditEvent): void {
    this.insertAudit(event);
  }

  listAudit(workspaceId: string, limit: number): AuditRecord[] {
    return (this.s.audit.all(workspaceId, limit) as Row[]).map(toAudit);
  }

  private insertAudit(event: NewAuditEvent): void {
    this.s.insertAudit.run(...auditParams(event));
  }
}

export function isUsable(invitation: InvitationRecord, now: number): boolean {
  return invitation.revokedAt === null && invitation.expiresAt > now && (invitation.maxUses === null || invitation.uses < invitation.maxUses);
}
