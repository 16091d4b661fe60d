/** Mapping of rows to the PrivacyStore's records (access log, what a person wrote, sessions, retention), for both adapters. */
import type { AccessChannel, Permission, Role } from '../../../../shared/src/index';
import type { AccessLogRecord, AuthoredComment, AuthoredDecisionEntry, RetentionRecord, SessionSummary, WorkshopActivity } from '../../privacy/privacyStore';
import type { Row } from '../sqlite/rows';

export function toOpening(row: Row): AccessLogRecord {
  return {
    id: Number(row.id),
    documentId: String(row.document_id),
    userId: String(row.user_id),
    role: String(row.role) as Role,
    permission: String(row.permission) as Permission,
    via: String(row.via) as AccessChannel,
    at: Number(row.at),
  };
}

export function toRetention(row: Row): RetentionRecord {
  return {
    workspaceId: String(row.id),
    closedAt: row.closed_at === null ? null : Number(row.closed_at),
    retentionDays: row.retention_days === null ? null : Number(row.retention_days),
  };
}

export function toAuthoredDecisionEntry(row: Row): AuthoredDecisionEntry {
  return {
    id: String(row.id),
    documentId: String(row.document_id),
    decisionId: String(row.decision_id),
    kind: String(row.kind),
    authorRole: String(row.author_role) as Role,
    payload: String(row.payload),
    createdAt: Number(row.created_at),
  };
}

/** A comment row with `latest_body`, the last text its author gave it. */
export function toAuthoredComment(row: Row): AuthoredComment {
  return {
    id: String(row.id),
    documentId: String(row.document_id),
    threadId: String(row.thread_id),
    isReply: row.parent_id !== null,
    authorRole: String(row.author_role) as Role,
    body: row.latest_body === null || row.latest_body === undefined ? null : String(row.latest_body),
    createdAt: Number(row.created_at),
  };
}

export function toSessionSummary(row: Row): SessionSummary {
  return {
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    lastUsedAt: row.last_used_at === null || row.last_used_at === undefined ? null : Number(row.last_used_at),
    sharedDevice: row.idle_timeout_ms !== null && row.idle_timeout_ms !== undefined,
  };
}

/** A person's workshop activity from their cards (with the workshop's workspace_id), votes and check-ins. */
export function toWorkshopActivity(ideas: Row[], votes: Row[], checkins: Row[]): WorkshopActivity {
  return {
    ideas: ideas.map((r) => ({ workshopId: String(r.workshop_id), workspaceId: String(r.workspace_id), cardId: String(r.id), role: String(r.author_role) as Role, text: String(r.text), createdAt: Number(r.created_at) })),
    votes: votes.map((r) => ({ workshopId: String(r.workshop_id), cardId: String(r.card_id), role: String(r.voter_role) as Role, dots: Number(r.dots) })),
    checkins: checkins.map((r) => ({ workshopId: String(r.workshop_id), phase: String(r.phase), mood: r.mood === null ? null : String(r.mood), word: r.word === null ? null : String(r.word), at: Number(r.at) })),
  };
}
