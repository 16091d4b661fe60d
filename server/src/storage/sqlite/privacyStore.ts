/**
 * SQLite adapter of the PrivacyStore (privacy/privacyStore.ts), on the handle opened by
 * openSqliteDatabase. Reads "about one person" scan by author where no index exists: they
 * serve rare requests (a data download), and an extra index on the update log would slow
 * every keystroke's append.
 */
import type Database from 'better-sqlite3';
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
import type { AuditRecord, NewAuditEvent } from '../store';
import { deleteWorkspaceWithDecisions, eraseUser, hasTable, insertAudit } from './erasureStore';
import { toAudit, type Row } from './rows';
import { toAuthoredComment, toAuthoredDecisionEntry, toOpening, toRetention, toSessionSummary, toWorkshopActivity } from '../rows/privacyRows';

const DAY_MS = 86_400_000;

export class SqlitePrivacyStore implements PrivacyStore {
  private readonly s;

  constructor(private readonly db: Database.Database) {
    this.s = {
      insertOpening: db.prepare('INSERT INTO access_log (document_id, user_id, role, permission, via, at) VALUES (@documentId, @userId, @role, @permission, @via, @at)'),
      openings: db.prepare('SELECT * FROM access_log WHERE document_id = ? ORDER BY id DESC LIMIT ?'),
      workspaceOpenings: db.prepare(
        'SELECT a.* FROM access_log a JOIN documents d ON d.id = a.document_id WHERE d.workspace_id = ? ORDER BY a.id DESC LIMIT ?',
      ),
      openingsBy: db.prepare('SELECT * FROM access_log WHERE user_id = ? ORDER BY id DESC LIMIT ?'),
      documentsWrittenBy: db.prepare('SELECT DISTINCT document_id FROM updates WHERE member_id = ?'),
      auditAbout: db.prepare('SELECT * FROM audit_events WHERE actor_id = ? OR subject_id = ? ORDER BY id DESC LIMIT ?'),
      sessionsOf: db.prepare('SELECT * FROM sessions WHERE user_id = ? ORDER BY created_at'),
      retention: db.prepare('SELECT id, closed_at, retention_days FROM workspaces WHERE id = ?'),
      setClosed: db.prepare('UPDATE workspaces SET closed_at = ? WHERE id = ?'),
      setRetention: db.prepare('UPDATE workspaces SET retention_days = ? WHERE id = ?'),
      expired: db.prepare(
        `SELECT id FROM workspaces WHERE closed_at IS NOT NULL AND retention_days IS NOT NULL
         AND closed_at + retention_days * ${DAY_MS} <= ? ORDER BY closed_at`,
      ),
      ping: db.prepare('SELECT 1 AS ok'),
    };
  }

  async recordOpening(entry: Omit<AccessLogRecord, 'id'>): Promise<void> {
    this.s.insertOpening.run(entry);
  }

  async listOpenings(documentId: string, limit: number): Promise<AccessLogRecord[]> {
    return (this.s.openings.all(documentId, limit) as Row[]).map(toOpening);
  }

  async listWorkspaceOpenings(workspaceId: string, limit: number): Promise<AccessLogRecord[]> {
    return (this.s.workspaceOpenings.all(workspaceId, limit) as Row[]).map(toOpening);
  }

  async openingsBy(userId: string, limit: number): Promise<AccessLogRecord[]> {
    return (this.s.openingsBy.all(userId, limit) as Row[]).map(toOpening);
  }

  async documentsWrittenBy(userId: string): Promise<string[]> {
    return (this.s.documentsWrittenBy.all(userId) as Array<{ document_id: string }>).map((r) => String(r.document_id));
  }

  /** Read here rather than through the decision store, whose interface reads by document only. */
  async decisionEntriesBy(userId: string): Promise<AuthoredDecisionEntry[]> {
    if (!hasTable(this.db, 'decision_entries')) return [];
    const rows = this.db.prepare('SELECT * FROM decision_entries WHERE author_id = ? ORDER BY created_at, seq').all(userId) as Row[];
    return rows.map(toAuthoredDecisionEntry);
  }

  /** Read here rather than through the comment store, whose interface reads by document. */
  async commentsBy(userId: string): Promise<AuthoredComment[]> {
    if (!hasTable(this.db, 'comments') || !hasTable(this.db, 'comment_events')) return [];
    const rows = this.db
      .prepare(
        `SELECT c.*, (SELECT e.body FROM comment_events e WHERE e.comment_id = c.id AND e.kind = 'body' AND e.actor_id = c.author_id
           ORDER BY e.id DESC LIMIT 1) AS latest_body
         FROM comments c WHERE c.author_id = ? ORDER BY c.created_at, c.id`,
      )
      .all(userId) as Row[];
    return rows.map(toAuthoredComment);
  }

  async auditAbout(userId: string, limit: number): Promise<AuditRecord[]> {
    return (this.s.auditAbout.all(userId, userId, limit) as Row[]).map(toAudit);
  }

  async sessionsOf(userId: string): Promise<SessionSummary[]> {
    return (this.s.sessionsOf.all(userId) as Row[]).map(toSessionSummary);
  }

  async workshopActivityOf(userId: string): Promise<WorkshopActivity> {
    if (!hasTable(this.db, 'workshops')) return { ideas: [], votes: [], checkins: [] };
    const ideas = this.db
      .prepare('SELECT c.*, w.workspace_id FROM workshop_cards c JOIN workshops w ON w.id = c.workshop_id WHERE c.author_id = ? ORDER BY c.created_at, c.id')
      .all(userId) as Row[];
    const votes = this.db.prepare('SELECT * FROM workshop_votes WHERE voter_id = ? ORDER BY workshop_id, card_id').all(userId) as Row[];
    const checkins = this.db.prepare('SELECT * FROM workshop_checkins WHERE user_id = ? ORDER BY at').all(userId) as Row[];
    return toWorkshopActivity(ideas, votes, checkins);
  }

  async visitsOf(userId: string): Promise<Array<{ documentId: string; seenAt: number }>> {
    if (!hasTable(this.db, 'document_visits')) return [];
    const found = this.db.prepare('SELECT document_id, seen_at FROM document_visits WHERE user_id = ? ORDER BY seen_at DESC').all(userId) as Row[];
    return found.map((r) => ({ documentId: String(r.document_id), seenAt: Number(r.seen_at) }));
  }

  async erase(userId: string, pseudonym: (n: number, roles: Role[]) => string, at: number): Promise<ErasureOutcome> {
    return eraseUser(this.db, userId, pseudonym, at);
  }

  async getRetention(workspaceId: string): Promise<RetentionRecord | null> {
    const row = this.s.retention.get(workspaceId) as Row | undefined;
    return row ? toRetention(row) : null;
  }

  async setRetention(workspaceId: string, patch: { closedAt?: number | null; retentionDays?: number | null }, audit: NewAuditEvent[]): Promise<RetentionRecord | null> {
    return this.db.transaction(() => {
      if (patch.closedAt !== undefined) this.s.setClosed.run(patch.closedAt, workspaceId);
      if (patch.retentionDays !== undefined) this.s.setRetention.run(patch.retentionDays, workspaceId);
      for (const event of audit) insertAudit(this.db, event);
      const row = this.s.retention.get(workspaceId) as Row | undefined;
      return row ? toRetention(row) : null;
    }).immediate();
  }

  async expiredWorkspaces(now: number): Promise<string[]> {
    return (this.s.expired.all(now) as Array<{ id: string }>).map((r) => String(r.id));
  }

  async deleteWorkspace(workspaceId: string): Promise<{ documents: number }> {
    return deleteWorkspaceWithDecisions(this.db, workspaceId);
  }

  async ping(): Promise<void> {
    this.s.ping.get();
  }
}
