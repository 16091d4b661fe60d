/** Mapping of sign-off, named-version and recovery-link rows to the LifecycleStore's records, for both adapters. */
import type { NamedVersionRecord, RecoveryLinkRecord, SignoffEntryRecord } from '../../documents/lifecycleStore';
import type { Row } from '../sqlite/rows';

export function toSignoff(r: Row): SignoffEntryRecord {
  return {
    id: String(r.id),
    documentId: String(r.document_id),
    seq: Number(r.seq),
    versionId: String(r.version_id),
    kind: String(r.kind) as SignoffEntryRecord['kind'],
    actorId: String(r.actor_id),
    payload: String(r.payload),
    prevHash: String(r.prev_hash),
    hash: String(r.hash),
    createdAt: Number(r.created_at),
  };
}

export function toVersion(r: Row): NamedVersionRecord {
  return {
    id: String(r.id),
    documentId: String(r.document_id),
    seq: Number(r.seq),
    name: String(r.name),
    contentHash: String(r.content_hash),
    createdBy: String(r.created_by),
    createdAt: Number(r.created_at),
  };
}

export function toRecoveryLink(row: Row): RecoveryLinkRecord {
  return {
    tokenHash: String(row.token_hash),
    workspaceId: row.workspace_id === null ? null : String(row.workspace_id),
    purpose: row.purpose === 'password_reset' ? 'password_reset' : 'recovery',
    userId: String(row.user_id),
    createdBy: String(row.created_by),
    expiresAt: Number(row.expires_at),
    usedAt: row.used_at === null ? null : Number(row.used_at),
    createdAt: Number(row.created_at),
  };
}
