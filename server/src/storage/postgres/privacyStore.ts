/**
 * PostgreSQL adapter of the PrivacyStore (privacy/privacyStore.ts): the access log, reads
 * "about one person", erasure, retention of closed workspaces, and the readiness ping.
 * Erasure and workspace deletion are in erasure.ts.
 */
import type pg from 'pg';
import type { AccessChannel, Permission, Role } from '../../../../shared/src/index';
import type {
  AccessLogRecord,
  AuthoredComment,
  AuthoredDecisionEntry,
  ErasureOutcome,
  PrivacyStore,
  RetentionRecord,
  SessionSummary,
  WorkshopActivity,
} from '../../privacy/privacyStore';
import { toAudit } from '../sqlite/rows';
import type { AuditRecord, NewAuditEvent } from '../store';
import { one, rows, transaction, type Row } from './database';
import { deleteWorkspaceWithDecisions, eraseUser } from './erasure';
import { insertAudit } from './people';

const DAY_MS = 86_400_000;

export class PostgresPrivacyStore implements PrivacyStore {
  constructor(private readonly pool: pg.Pool) {}

  async recordOpening(e: Omit<AccessLogRecord, 'id'>): Promise<void> {
    await this.pool.query('INSERT INTO access_log (document_id, user_id, role, permission, via, at) VALUES ($1, $2, $3, $4, $5, $6)', [
      e.documentId,
      e.userId,
      e.role,
      e.permission,
      e.via,
      e.at,
    ]);
  }

  async listOpenings(documentId: string, limit: number): Promise<AccessLogRecord[]> {
    return (await rows(this.pool, 'SELECT * FROM access_log WHERE document_id = $1 ORDER BY id DESC LIMIT $2', [documentId, limit])).map(toOpening);
  }

  async listWorkspaceOpenings(workspaceId: string, limit: number): Promise<AccessLogRecord[]> {
    const found = await rows(
      this.pool,
      'SELECT a.* FROM access_log a JOIN documents d ON d.id = a.document_id WHERE d.workspace_id = $1 ORDER BY a.id DESC LIMIT $2',
      [workspaceId, limit],
    );
    return found.map(toOpening);
  }

  async openingsBy(userId: string, limit: number): Promise<AccessLogRecord[]> {
    return (await rows(this.pool, 'SELECT * FROM access_log WHERE user_id = $1 ORDER BY id DESC LIMIT $2', [userId, limit])).map(toOpening);
  }

  async documentsWrittenBy(userId: string): Promise<string[]> {
    return (await rows(this.pool, 'SELECT DISTINCT document_id FROM updates WHERE member_id = $1', [userId])).map((r) => String(r.document_id));
  }

  async decisionEntriesBy(userId: string): Promise<AuthoredDecisionEntry[]> {
    const found = await rows(this.pool, 'SELECT * FROM decision_entries WHERE author_id = $1 ORDER BY created_at, seq', [userId]);
    return found.map((row) => ({
      id: String(row.id),
      documentId: String(row.document_id),
      decisionId: String(row.decision_id),
      kind: String(row.kind),
      authorRole: String(row.author_role) as Role,
      payload: String(row.payload),
      createdAt: Number(row.created_at),
    }));
  }

  async commentsBy(userId: string): Promise<AuthoredComment[]> {
    const found = await rows(
      this.pool,
      `SELECT c.*, (SELECT e.body FROM comment_events e WHERE e.comment_id = c.id AND e.kind = 'body' AND e.actor_id = c.author_id
         ORDER BY e.id DESC LIMIT 1) AS latest_body
       FROM comments c WHERE c.author_id = $1 ORDER BY c.created_at, c.id`,
      [userId],
    );
    return found.map((row) => ({
      id: String(row.id),
      documentId: String(row.document_id),
      threadId: String(row.thread_id),
      isReply: row.parent_id !== null,
      authorRole: String(row.author_role) as Role,
      body: row.latest_body === null || row.latest_body === undefined ? null : String(row.latest_body),
      createdAt: Number(row.created_at),
    }));
  }

  async auditAbout(userId: string, limit: number): Promise<AuditRecord[]> {
    return (await rows(this.pool, 'SELECT * FROM audit_events WHERE actor_id = $1 OR subject_id = $1 ORDER BY id DESC LIMIT $2', [userId, limit])).map(toAudit);
  }

  async sessionsOf(userId: string): Promise<SessionSummary[]> {
    return (await rows(this.pool, 'SELECT * FROM sessions WHERE user_id = $1 ORDER BY created_at', [userId])).map((row) => ({
      createdAt: Number(row.created_at),
      expiresAt: Number(row.expires_at),
      lastUsedAt: row.last_used_at === null ? null : Number(row.last_used_at),
      sharedDevice: row.idle_timeout_ms !== null,
    }));
  }

  async workshopActivityOf(userId: string): Promise<WorkshopActivity> {
    const ideas = await rows(
      this.pool,
      'SELECT c.*, w.workspace_id FROM workshop_cards c JOIN workshops w ON w.id = c.workshop_id WHERE c.author_id = $1 ORDER BY c.created_at, c.id',
      [userId],
    );
    const votes = await rows(this.pool, 'SELECT * FROM workshop_votes WHERE voter_id = $1 ORDER BY workshop_id, card_id', [userId]);
    const checkins = await rows(this.pool, 'SELECT * FROM workshop_checkins WHERE user_id = $1 ORDER BY at', [userId]);
    return {
      ideas: ideas.map((r) => ({ workshopId: String(r.workshop_id), workspaceId: String(r.workspace_id), cardId: String(r.id), role: String(r.author_role) as Role, text: String(r.text), createdAt: Number(r.created_at) })),
      votes: votes.map((r) => ({ workshopId: String(r.workshop_id), cardId: String(r.card_id), role: String(r.voter_role) as Role, dots: Number(r.dots) })),
      checkins: checkins.map((r) => ({ workshopId: String(r.workshop_id), phase: String(r.phase), mood: r.mood === null ? null : String(r.mood), word: r.word === null ? null : String(r.word), at: Number(r.at) })),
    };
  }

  async visitsOf(userId: string): Promise<Array<{ documentId: string; seenAt: number }>> {
    const found = await rows(this.pool, 'SELECT document_id, seen_at FROM document_visits WHERE user_id = $1 ORDER BY seen_at DESC', [userId]);
    return found.map((r) => ({ documentId: String(r.document_id), seenAt: Number(r.seen_at) }));
  }

  erase(userId: string, pseudonym: (n: number, roles: Role[]) => string, at: number): Promise<ErasureOutcome> {
    return eraseUser(this.pool, userId, pseudonym, at);
  }

  async getRetention(workspaceId: string): Promise<RetentionRecord | null> {
    const row = await one(this.pool, 'SELECT id, closed_at, retention_days FROM workspaces WHERE id = $1', [workspaceId]);
    return row ? toRetention(row) : null;
  }

  async setRetention(workspaceId: string, patch: { closedAt?: number | null; retentionDays?: number | null }, audit: NewAuditEvent[]): Promise<RetentionRecord | null> {
    return transaction(this.pool, async (client) => {
      if (patch.closedAt !== undefined) await client.query('UPDATE workspaces SET closed_at = $1 WHERE id = $2', [patch.closedAt, workspaceId]);
      if (patch.retentionDays !== undefined) await client.query('UPDATE workspaces SET retention_days = $1 WHERE id = $2', [patch.retentionDays, workspaceId]);
      for (const event of audit) await insertAudit(client, event);
      const row = await one(client, 'SELECT id, closed_at, retention_days FROM workspaces WHERE id = $1', [workspaceId]);
      return row ? toRetention(row) : null;
    });
  }

  async expiredWorkspaces(now: number): Promise<string[]> {
    const found = await rows(
      this.pool,
      `SELECT id FROM workspaces WHERE closed_at IS NOT NULL AND retention_days IS NOT NULL
       AND closed_at + retention_days::bigint * ${DAY_MS} <= $1 ORDER BY closed_at`,
      [now],
    );
    return found.map((r) => String(r.id));
  }

  deleteWorkspace(workspaceId: string): Promise<{ documents: number }> {
    return deleteWorkspaceWithDecisions(this.pool, workspaceId);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1 AS ok');
  }
}

function toOpening(row: Row): AccessLogRecord {
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

function toRetention(row: Row): RetentionRecord {
  return {
    workspaceId: String(row.id),
    closedAt: row.closed_at === null ? null : Number(row.closed_at),
    retentionDays: row.retention_days === null ? null : Number(row.retention_days),
  };
}
