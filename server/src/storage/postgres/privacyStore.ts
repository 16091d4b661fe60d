/**
 * PostgreSQL adapter of the PrivacyStore (privacy/privacyStore.ts): the access log, reads
 * "about one person", erasure, retention of closed workspaces, and the readiness ping.
 * Erasure and workspace deletion are in erasure.ts.
 */
import type pg from 'pg';
import type { Role } from '../../../../shared/src/index';
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
import { one, rows, transaction } from './database';
import { deleteWorkspaceWithDecisions, eraseUser } from './erasure';
import { insertAudit } from './people';
import { toAuthoredComment, toAuthoredDecisionEntry, toOpening, toRetention, toSessionSummary, toWorkshopActivity } from '../rows/privacyRows';

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
    return found.map(toAuthoredDecisionEntry);
  }

  async commentsBy(userId: string): Promise<AuthoredComment[]> {
    const found = await rows(
      this.pool,
      `SELECT c.*, (SELECT e.body FROM comment_events e WHERE e.comment_id = c.id AND e.kind = 'body' AND e.actor_id = c.author_id
         ORDER BY e.id DESC LIMIT 1) AS latest_body
       FROM comments c WHERE c.author_id = $1 ORDER BY c.created_at, c.id`,
      [userId],
    );
    return found.map(toAuthoredComment);
  }

  async auditAbout(userId: string, limit: number): Promise<AuditRecord[]> {
    return (await rows(this.pool, 'SELECT * FROM audit_events WHERE actor_id = $1 OR subject_id = $1 ORDER BY id DESC LIMIT $2', [userId, limit])).map(toAudit);
  }

  async sessionsOf(userId: string): Promise<SessionSummary[]> {
    return (await rows(this.pool, 'SELECT * FROM sessions WHERE user_id = $1 ORDER BY created_at', [userId])).map(toSessionSummary);
  }

  async workshopActivityOf(userId: string): Promise<WorkshopActivity> {
    const ideas = await rows(
      this.pool,
      'SELECT c.*, w.workspace_id FROM workshop_cards c JOIN workshops w ON w.id = c.workshop_id WHERE c.author_id = $1 ORDER BY c.created_at, c.id',
      [userId],
    );
    const votes = await rows(this.pool, 'SELECT * FROM workshop_votes WHERE voter_id = $1 ORDER BY workshop_id, card_id', [userId]);
    const checkins = await rows(this.pool, 'SELECT * FROM workshop_checkins WHERE user_id = $1 ORDER BY at', [userId]);
    return toWorkshopActivity(ideas, votes, checkins);
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
