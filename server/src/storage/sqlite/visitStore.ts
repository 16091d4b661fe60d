/**
 * SQLite adapter of the VisitStore (notifications/visitStore.ts). Changes are read from the
 * update log itself (document, time, member), so nothing extra is written per keystroke.
 */
import type Database from 'better-sqlite3';
import type { ChangeSummary, VisitStore } from '../../notifications/visitStore';

export class SqliteVisitStore implements VisitStore {
  private readonly s;

  constructor(db: Database.Database) {
    this.s = {
      upsert: db.prepare(
        `INSERT INTO document_visits (document_id, user_id, seen_at) VALUES (?, ?, ?)
         ON CONFLICT (document_id, user_id) DO UPDATE SET seen_at = MAX(seen_at, excluded.seen_at)`,
      ),
      lastVisits: db.prepare('SELECT document_id, seen_at FROM document_visits WHERE user_id = ?'),
      changes: db.prepare(
        `SELECT member_id, COUNT(*) AS n, MAX(created_at) AS last FROM updates
         WHERE document_id = ? AND created_at > ? AND member_id <> ? GROUP BY member_id ORDER BY last DESC`,
      ),
    };
  }

  async recordVisit(documentId: string, userId: string, at: number): Promise<void> {
    this.s.upsert.run(documentId, userId, at);
  }

  async lastVisits(userId: string): Promise<Map<string, number>> {
    const rows = this.s.lastVisits.all(userId) as Array<{ document_id: string; seen_at: number }>;
    return new Map(rows.map((r) => [String(r.document_id), Number(r.seen_at)]));
  }

  async changesSince(documentId: string, since: number, userId: string): Promise<ChangeSummary> {
    const rows = this.s.changes.all(documentId, since, userId) as Array<{ member_id: string; n: number; last: number }>;
    return {
      updates: rows.reduce((sum, r) => sum + Number(r.n), 0),
      lastAt: rows.length > 0 ? Math.max(...rows.map((r) => Number(r.last))) : null,
      memberIds: rows.map((r) => String(r.member_id)),
    };
  }
}
