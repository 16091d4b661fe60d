/**
 * The PostgreSQL side of people and access: memberships, invitations, the audit log,
 * credentials. Where SQLite relied on its single writer, a lock is taken first: membership
 * changes of a workspace are serialised by an advisory lock (so two owners cannot demote each
 * other at once and leave none), an invitation is used under its row lock (never beyond its
 * limit).
 */
import type pg from 'pg';
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
import { isUsable } from '../sqlite/people';
import { toAudit, toInvitation, toMember, toMembership } from '../sqlite/rows';
import { LOCKS, isUniqueViolation, lock, one, rows, transaction, type Db } from './database';

export const INSERT_USER =
  'INSERT INTO users (id, email, display_name, password_hash, color, language, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)';

export const userParams = (u: UserRecord) => [u.id, u.email, u.displayName, u.passwordHash, u.color, u.language, u.createdAt];

export async function insertAudit(db: Db, event: NewAuditEvent): Promise<void> {
  await db.query('INSERT INTO audit_events (workspace_id, kind, actor_id, subject_id, details, at) VALUES ($1, $2, $3, $4, $5, $6)', auditParams(event));
}

export class PostgresPeople {
  constructor(private readonly pool: pg.Pool) {}

  async deleteSessionsOf(userId: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
  }

  async setCredentials(userId: string, email: string, passwordHash: string): Promise<boolean> {
    try {
      return await transaction(this.pool, async (client) => {
        const owner = await one(client, 'SELECT id FROM users WHERE email = $1', [email]);
        if (owner && owner.id !== userId) return false;
        await client.query('UPDATE users SET email = $1, password_hash = $2 WHERE id = $3', [email, passwordHash, userId]);
        return true;
      });
    } catch (error) {
      // Another instance gave the same email to someone else between the check and the update.
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async listMembers(workspaceId: string): Promise<MemberRecord[]> {
    return (
      await rows(
        this.pool,
        `SELECT m.*, u.display_name, u.color FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.workspace_id = $1 ORDER BY m.created_at, u.display_name`,
        [workspaceId],
      )
    ).map(toMember);
  }

  async changeMembership(
    workspaceId: string,
    userId: string,
    change: MembershipChange,
    audit: Omit<NewAuditEvent, 'details'> & { details?: Record<string, unknown> },
  ): Promise<MembershipChangeResult> {
    return transaction(this.pool, async (client): Promise<MembershipChangeResult> => {
      await lock(client, LOCKS.memberships, workspaceId);
      const row = await one(client, 'SELECT * FROM memberships WHERE workspace_id = $1 AND user_id = $2', [workspaceId, userId]);
      if (!row) return { ok: false, reason: 'not-member' };
      const before = toMembership(row);
      const after: MembershipRecord | null =
        change.kind === 'remove' ? null : { ...before, role: change.role ?? before.role, permission: change.permission ?? before.permission };
      const losesOwnership = before.permission === 'owner' && after?.permission !== 'owner';
      if (losesOwnership && (await countOwners(client, workspaceId)) <= 1) return { ok: false, reason: 'last-owner' };
      if (after) {
        await client.query('UPDATE memberships SET role = $1, permission = $2 WHERE workspace_id = $3 AND user_id = $4', [after.role, after.permission, workspaceId, userId]);
      } else {
        await client.query('DELETE FROM memberships WHERE workspace_id = $1 AND user_id = $2', [workspaceId, userId]);
      }
      const details = { ...audit.details, before: { role: before.role, permission: before.permission }, after: after && { role: after.role, permission: after.permission } };
      await insertAudit(client, { ...audit, details });
      return { ok: true, before, after };
    });
  }

  async touchMember(workspaceId: string, userId: string, at: number): Promise<void> {
    await this.pool.query('UPDATE memberships SET last_seen_at = $1 WHERE workspace_id = $2 AND user_id = $3', [at, workspaceId, userId]);
  }

  async createInvitation(i: InvitationRecord, audit: NewAuditEvent): Promise<void> {
    await transaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO invitations (id, workspace_id, token_hash, code_hash, role, permission, max_uses, uses, expires_at, revoked_at, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [i.id, i.workspaceId, i.tokenHash, i.codeHash, i.role, i.permission, i.maxUses, i.uses, i.expiresAt, i.revokedAt, i.createdBy, i.createdAt],
      );
      await insertAudit(client, audit);
    });
  }

  async findInvitation(hash: string): Promise<InvitationRecord | null> {
    const row = await one(this.pool, 'SELECT * FROM invitations WHERE token_hash = $1 OR code_hash = $1 LIMIT 1', [hash]);
    return row ? toInvitation(row) : null;
  }

  async listInvitations(workspaceId: string): Promise<InvitationRecord[]> {
    return (await rows(this.pool, 'SELECT * FROM invitations WHERE workspace_id = $1 ORDER BY created_at DESC', [workspaceId])).map(toInvitation);
  }

  async revokeInvitation(workspaceId: string, invitationId: string, at: number, audit: NewAuditEvent): Promise<boolean> {
    return transaction(this.pool, async (client) => {
      const result = await client.query('UPDATE invitations SET revoked_at = $1 WHERE id = $2 AND workspace_id = $3 AND revoked_at IS NULL', [at, invitationId, workspaceId]);
      const changed = (result.rowCount ?? 0) > 0;
      if (changed) await insertAudit(client, audit);
      return changed;
    });
  }

  async acceptInvitation(invitationId: string, userId: string, newUser: UserRecord | null, now: number): Promise<AcceptResult> {
    return transaction(this.pool, async (client): Promise<AcceptResult> => {
      const row = await one(client, 'SELECT * FROM invitations WHERE id = $1 FOR UPDATE', [invitationId]);
      if (!row) return { kind: 'unavailable' };
      const invitation = toInvitation(row);
      if (!isUsable(invitation, now)) return { kind: 'unavailable' };
      await lock(client, LOCKS.memberships, invitation.workspaceId);
      const existing = await one(client, 'SELECT * FROM memberships WHERE workspace_id = $1 AND user_id = $2', [invitation.workspaceId, userId]);
      if (existing) return { kind: 'already-member', membership: toMembership(existing) };
      if (newUser) await client.query(INSERT_USER, userParams(newUser));
      await client.query('INSERT INTO memberships (workspace_id, user_id, role, permission, created_at) VALUES ($1, $2, $3, $4, $5)', [
        invitation.workspaceId,
        userId,
        invitation.role,
        invitation.permission,
        now,
      ]);
      await client.query('UPDATE invitations SET uses = uses + 1 WHERE id = $1', [invitation.id]);
      const joined = joinedThrough(invitation, userId, now);
      await insertAudit(client, joined.event);
      return { kind: 'joined', membership: joined.membership };
    });
  }

  async appendAudit(event: NewAuditEvent): Promise<void> {
    await insertAudit(this.pool, event);
  }

  async listAudit(workspaceId: string, limit: number): Promise<AuditRecord[]> {
    return (await rows(this.pool, 'SELECT * FROM audit_events WHERE workspace_id = $1 ORDER BY id DESC LIMIT $2', [workspaceId, limit])).map(toAudit);
  }
}

export async function countOwners(db: Db, workspaceId: string): Promise<number> {
  const row = await one(db, "SELECT COUNT(*) AS n FROM memberships WHERE workspace_id = $1 AND permission = 'owner'", [workspaceId]);
  return Number(row?.n ?? 0);
}
