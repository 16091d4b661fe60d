/**
 * The two deletions of the privacy capability on PostgreSQL, each in one transaction: erasing
 * an account (the user row stays as a tombstone carrying a pseudonym, ADR 0004) and deleting a
 * workspace at the end of its retention period (decision entries included, which only a
 * listed retention purge may delete). Erasures are serialised installation-wide (they number
 * the pseudonyms), and each workspace's membership lock is held while its owners are counted.
 */
import type pg from 'pg';
import type { Role } from '../../../../shared/src/index';
import type { ErasureOutcome } from '../../privacy/privacyStore';
import { LOCKS, lock, one, rows, transaction } from './database';
import { countOwners, insertAudit } from './people';

export function eraseUser(pool: pg.Pool, userId: string, pseudonym: (n: number, roles: Role[]) => string, at: number): Promise<ErasureOutcome> {
  return transaction(pool, async (client): Promise<ErasureOutcome> => {
    await lock(client, LOCKS.erasure, '');
    const user = await one(client, 'SELECT erased_at FROM users WHERE id = $1 FOR UPDATE', [userId]);
    if (!user || user.erased_at !== null) return { kind: 'not-found' };
    const workspaceIds = (await rows(client, 'SELECT DISTINCT workspace_id FROM memberships WHERE user_id = $1', [userId])).map((r) => String(r.workspace_id)).sort();
    for (const workspaceId of workspaceIds) await lock(client, LOCKS.memberships, workspaceId);
    const memberships = (await rows(client, 'SELECT workspace_id, role, permission FROM memberships WHERE user_id = $1 ORDER BY created_at', [userId])).map((r) => ({
      workspaceId: String(r.workspace_id),
      role: String(r.role) as Role,
      permission: String(r.permission),
    }));
    const lastOwnerOf: string[] = [];
    for (const m of memberships) {
      if (m.permission === 'owner' && (await countOwners(client, m.workspaceId)) <= 1) lastOwnerOf.push(m.workspaceId);
    }
    if (lastOwnerOf.length > 0) return { kind: 'last-owner', workspaceIds: lastOwnerOf };

    const erased = Number((await one(client, 'SELECT COUNT(*) AS n FROM users WHERE erased_at IS NOT NULL'))?.n ?? 0);
    const name = pseudonym(erased + 1, [...new Set(memberships.map((m) => m.role))]);
    await client.query('UPDATE users SET display_name = $1, email = NULL, password_hash = NULL, language = NULL, erased_at = $2 WHERE id = $3', [name, at, userId]);
    for (const table of ['sessions', 'memberships', 'document_access', 'recovery_links']) {
      await client.query(`DELETE FROM ${table} WHERE user_id = $1`, [userId]);
    }
    // Personal traces nobody else's work depends on (ADR 0004); ideas and dots stay under the pseudonym.
    await client.query(
      `UPDATE workshops SET revision = revision + 1 WHERE id IN
         (SELECT workshop_id FROM workshop_hands WHERE user_id = $1 UNION SELECT workshop_id FROM workshop_checkins WHERE user_id = $1)`,
      [userId],
    );
    for (const table of ['document_visits', 'workshop_hands', 'workshop_checkins']) {
      await client.query(`DELETE FROM ${table} WHERE user_id = $1`, [userId]);
    }
    for (const m of memberships) {
      await insertAudit(client, { workspaceId: m.workspaceId, kind: 'member_erased', actorId: userId, subjectId: userId, details: { role: m.role }, at });
    }
    return { kind: 'erased', pseudonym: name, workspaceIds: memberships.map((m) => m.workspaceId) };
  });
}

/**
 * Deleting the workspace row cascades to its documents and everything that hangs off them.
 * Decision entries do not cascade (ADR 0002): they are deleted first, whole documents at a
 * time, under the retention_purges marker the no-delete trigger lets through.
 */
export function deleteWorkspaceWithDecisions(pool: pg.Pool, workspaceId: string): Promise<{ documents: number }> {
  return transaction(pool, async (client) => {
    const documents = (await rows(client, 'SELECT id FROM documents WHERE workspace_id = $1 ORDER BY id FOR UPDATE', [workspaceId])).map((r) => String(r.id));
    if (documents.length > 0) {
      await client.query('INSERT INTO retention_purges (document_id) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING', [documents]);
      await client.query('DELETE FROM decision_entries WHERE document_id = ANY($1::text[])', [documents]);
    }
    await client.query('DELETE FROM workspaces WHERE id = $1', [workspaceId]);
    if (documents.length > 0) await client.query('DELETE FROM retention_purges WHERE document_id = ANY($1::text[])', [documents]);
    return { documents: documents.length };
  });
}
