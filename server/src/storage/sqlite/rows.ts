/** Mapping of SQLite rows (snake_case columns) to the Store's records. */
import type { Language, Permission, Role, WorkspacePurpose } from '../../../../shared/src/index';
import type { AuditKind, AuditRecord, DocumentRecord, InvitationRecord, LoggedUpdate, MemberRecord, MembershipRecord, SessionRecord, UserRecord, WorkspaceRecord } from '../store';

export type Row = Record<string, unknown>;

const nullableString = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export function toUser(row: Row): UserRecord {
  return {
    id: String(row.id),
    email: nullableString(row.email),
    displayName: String(row.display_name),
    passwordHash: nullableString(row.password_hash),
    color: String(row.color),
    language: nullableString(row.language) as Language | null,
    createdAt: Number(row.created_at),
  };
}

export function toWorkspace(row: Row): WorkspaceRecord {
  return {
    id: String(row.id),
    name: String(row.name),
    purpose: String(row.purpose) as WorkspacePurpose,
    createdAt: Number(row.created_at),
    createdBy: String(row.created_by),
  };
}

export function toMembership(row: Row): MembershipRecord {
  return {
    workspaceId: String(row.workspace_id),
    userId: String(row.user_id),
    role: String(row.role) as Role,
    permission: String(row.permission) as Permission,
    createdAt: Number(row.created_at),
  };
}

export function toDocument(row: Row): DocumentRecord {
  return {
    id: String(row.id),
    workspaceId: String(row.workspace_id),
    title: String(row.title),
    template: nullableString(row.template),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    archivedAt: nullableNumber(row.archived_at),
    trashedAt: nullableNumber(row.trashed_at),
    restricted: Number(row.restricted ?? 0) === 1,
    purgedAt: nullableNumber(row.purged_at),
  };
}

function nullableNumber(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}

export function toUpdate(row: Row): LoggedUpdate {
  return {
    documentId: String(row.document_id),
    seq: Number(row.seq),
    memberId: String(row.member_id),
    update: new Uint8Array(row.data as Buffer),
    time: Number(row.created_at),
  };
}

export function toInvitation(row: Row): InvitationRecord {
  return {
    id: String(row.id),
    workspaceId: String(row.workspace_id),
    tokenHash: String(row.token_hash),
    codeHash: String(row.code_hash),
    role: String(row.role) as Role,
    permission: String(row.permission) as Permission,
    maxUses: row.max_uses === null ? null : Number(row.max_uses),
    uses: Number(row.uses),
    expiresAt: Number(row.expires_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
    createdBy: String(row.created_by),
    createdAt: Number(row.created_at),
  };
}

export function toMember(row: Row): MemberRecord {
  return {
    ...toMembership(row),
    displayName: String(row.display_name),
    color: String(row.color),
    lastSeenAt: row.last_seen_at === null || row.last_seen_at === undefined ? null : Number(row.last_seen_at),
  };
}

export function toAudit(row: Row): AuditRecord {
  return {
    id: Number(row.id),
    workspaceId: String(row.workspace_id),
    kind: String(row.kind) as AuditKind,
    actorId: nullableString(row.actor_id),
    subjectId: nullableString(row.subject_id),
    details: JSON.parse(String(row.details)) as Record<string, unknown>,
    at: Number(row.at),
  };
}

export function toSession(row: Row): SessionRecord {
  return {
    tokenHash: String(row.token_hash),
    userId: String(row.user_id),
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    idleTimeoutMs: nullableNumber(row.idle_timeout_ms),
    lastUsedAt: nullableNumber(row.last_used_at),
  };
}
