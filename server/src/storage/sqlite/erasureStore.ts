/**
 * The two deletions of the privacy capability, each in one IMMEDIATE transaction: erasing an
 * account (ADR 0004: the user row stays as a tombstone carrying a pseudonym, so every stored
 * reference to the id keeps resolving) and deleting a workspace at the end of its retention
 * period (decision entries included, which only a listed retention purge may delete).
 */
import type Database from 'better-sqlite3';
import type { Role } from '../../../../shared/src/index';
import type { ErasureOutcome } from '../../privacy/privacyStore';
import { auditParams } from '../rows/auditRows';
import type { NewAuditEvent } from '../store';

/** Tables added by other capabilities' migrations are touched only when they exist. */
export function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

export function insertAudit(db: Database.Database, event: NewAuditEvent): void {
  db.prepare('INSERT INTO audit_events (workspace_id, kind, actor_id, subject_id, details, at) VALUES (?, ?, ?, ?, ?, ?)').run(...auditParams(event));
}

export function eraseUser(db: Database.Database, userId: string, pseudonym: (n: number, roles: Role[]) => string, at: number): ErasureOutcome {
  return db
    .transaction((): ErasureOutcome => {
      const user = db.prepare('SELECT erased_at FROM users WHERE id = ?').get(userId) as { erased_at: number | null } | undefined;
      if (!user || user.erased_at !== null) return { kind: 'not-found' };
      const memberships = db.prepare('SELECT workspace_id, role, permission FROM memberships WHERE user_id = ? ORDER BY created_at').all(userId) as Array<{
        workspace_id: string;
        role: Role;
        permission: string;
      }>;
      const countOwners = db.prepare("SELECT COUNT(*) AS n FROM memberships WHERE workspace_id = ? AND permission = 'owner'");
      const lastOwnerOf = memberships
        .filter((m) => m.permission === 'owner' && (countOwners.get(m.workspace_id) as { n: number }).n <= 1)
        .map((m) => m.workspace_id);
      if (lastOwnerOf.length > 0) return { kind: 'last-owner', workspaceIds: lastOwnerOf };

      const erased = (db.prepare('SELECT COUNT(*) AS n FROM users WHERE erased_at IS NOT NULL').get() as { n: number }).n;
      const name = pseudonym(erased + 1, [...new Set(memberships.map((m) => m.role))]);
      db.prepare('UPDATE users SET display_name = ?, email = NULL, password_hash = NULL, language = NULL, erased_at = ? WHERE id = ?').run(name, at, userId);
      db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
      db.prepare('DELETE FROM memberships WHERE user_id = ?').run(userId);
      for (const table of ['document_access', 'recovery_links']) {
        if (hasTable(db, table)) db.prepare(`DELETE FROM ${table} WHERE user_id = ?`).run(userId);
      }
      // Personal traces nobody else's work depends on (ADR 0004): when they last looked at each
      // document, a hand still raised, how they felt at a workshop's check-in. Their ideas and
      // dots stay, like their text, and show the pseudonym (read by id).
      if (hasTable(db, 'document_visits')) db.prepare('DELETE FROM document_visits WHERE user_id = ?').run(userId);
      if (hasTable(db, 'workshops')) {
        // The workshop store keeps snapshots by revision: a changed workshop must count a new one.
        db.prepare(
          `UPDATE workshops SET revision = revision + 1 WHERE id IN
             (SELECT workshop_id FROM workshop_hands WHERE user_id = ? UNION SELECT workshop_id FROM workshop_checkins WHERE user_id = ?)`,
        ).run(userId, userId);
        db.prepare('DELETE FROM workshop_hands WHERE user_id = ?').run(userId);
        db.prepare('DELETE FROM workshop_checkins WHERE user_id = ?').run(userId);
      }
      for (const m of memberships) {
        insertAudit(db, { workspaceId: m.workspace_id, kind: 'member_erased', actorId: userId, subjectId: userId, details: { role: m.role }, at });
      }
      return { kind: 'erased', pseudonym: name, workspaceIds: memberships.map((m) => m.workspace_id) };
    })
    .immediate();
}

/**
 * Deleting the workspace row cascades to its documents and everything that hangs off them
 * (update log, checkpoints, bindings, access log, versions, sign-offs), members, invitations
 * and audit. Decision entries do not cascade (ADR 0002): they are deleted first, whole
 * documents at a time, under the retention_purges marker the no-delete trigger lets through.
 */
export function deleteWorkspaceWithDecisions(db: Database.Database, workspaceId: string): { documents: number } {
  return db
    .transaction(() => {
      const documents = (db.prepare('SELECT id FROM documents WHERE workspace_id = ?').all(workspaceId) as Array<{ id: string }>).map((r) => r.id);
      if (hasTable(db, 'decision_entries')) {
        const mark = db.prepare('INSERT OR IGNORE INTO retention_purges (document_id) VALUES (?)');
        const remove = db.prepare('DELETE FROM decision_entries WHERE document_id = ?');
        for (const id of documents) {
          mark.run(id);
          remove.run(id);
        }
      }
      db.prepare('DELETE FROM workspaces WHERE id = ?').run(workspaceId);
      db.prepare('DELETE FROM retention_purges').run();
      return { documents: documents.length };
    })
    .immediate();
}
