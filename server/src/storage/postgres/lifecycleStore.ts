/**
 * PostgreSQL adapter of the LifecycleStore (documents/lifecycleStore.ts). Purging content holds
 * the document's row lock, the one appends take, so no append can slip in between the deletes;
 * the sign-off chain and the access list are changed under per-document advisory locks.
 */
import type pg from 'pg';
import type { Permission } from '../../../../shared/src/index';
import {
  SIGNOFF_GENESIS,
  type AccessEntry,
  type DocumentPatch,
  type LifecycleStore,
  type NamedVersionRecord,
  type RecoveryLinkRecord,
  type SignoffEntryRecord,
} from '../../documents/lifecycleStore';
import type { NewAuditEvent } from '../store';
import { LOCKS, lock, one, rows, transaction } from './database';
import { insertAudit } from './people';
import { toRecoveryLink, toSignoff, toVersion } from '../rows/lifecycleRows';

export class PostgresLifecycleStore implements LifecycleStore {
  constructor(private readonly pool: pg.Pool) {}

  async updateDocument(documentId: string, patch: DocumentPatch, audit: NewAuditEvent): Promise<void> {
    const columns: Record<keyof DocumentPatch, string> = { title: 'title', archivedAt: 'archived_at', trashedAt: 'trashed_at', workspaceId: 'workspace_id' };
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as Array<[keyof DocumentPatch, unknown]>;
    await transaction(this.pool, async (client) => {
      if (entries.length > 0) {
        const set = entries.map(([k], i) => `${columns[k]} = $${i + 1}`).join(', ');
        await client.query(`UPDATE documents SET ${set} WHERE id = $${entries.length + 1}`, [...entries.map(([, v]) => v), documentId]);
      }
      await insertAudit(client, audit);
    });
  }

  async purgeContent(documentId: string, at: number, audit: NewAuditEvent): Promise<void> {
    await transaction(this.pool, async (client) => {
      await client.query('SELECT id FROM documents WHERE id = $1 FOR NO KEY UPDATE', [documentId]);
      for (const table of ['updates', 'checkpoints', 'client_bindings', 'named_versions', 'document_access']) {
        await client.query(`DELETE FROM ${table} WHERE document_id = $1`, [documentId]);
      }
      await client.query('UPDATE documents SET purged_at = $1 WHERE id = $2', [at, documentId]);
      await insertAudit(client, audit);
    });
  }

  async listTrash(workspaceId: string): Promise<Array<{ id: string; title: string; trashedAt: number }>> {
    const found = await rows(
      this.pool,
      'SELECT id, title, trashed_at FROM documents WHERE workspace_id = $1 AND trashed_at IS NOT NULL AND purged_at IS NULL ORDER BY trashed_at DESC',
      [workspaceId],
    );
    return found.map((r) => ({ id: String(r.id), title: String(r.title), trashedAt: Number(r.trashed_at) }));
  }

  async trashedBefore(cutoff: number): Promise<Array<{ id: string; workspaceId: string; title: string }>> {
    const found = await rows(this.pool, 'SELECT id, workspace_id, title FROM documents WHERE trashed_at IS NOT NULL AND trashed_at < $1 AND purged_at IS NULL', [cutoff]);
    return found.map((r) => ({ id: String(r.id), workspaceId: String(r.workspace_id), title: String(r.title) }));
  }

  async setAccessList(documentId: string, restricted: boolean, entries: AccessEntry[], audit: NewAuditEvent): Promise<void> {
    await transaction(this.pool, async (client) => {
      await lock(client, LOCKS.accessList, documentId);
      await client.query('DELETE FROM document_access WHERE document_id = $1', [documentId]);
      for (const entry of entries) {
        await client.query('INSERT INTO document_access (document_id, user_id, permission) VALUES ($1, $2, $3)', [documentId, entry.userId, entry.permission]);
      }
      await client.query('UPDATE documents SET restricted = $1 WHERE id = $2', [restricted, documentId]);
      await insertAudit(client, audit);
    });
  }

  async accessList(documentId: string): Promise<AccessEntry[]> {
    return (await rows(this.pool, 'SELECT user_id, permission FROM document_access WHERE document_id = $1 ORDER BY user_id', [documentId])).map((r) => ({
      userId: String(r.user_id),
      permission: String(r.permission) as Permission,
    }));
  }

  async createNamedVersion(v: NamedVersionRecord): Promise<void> {
    await this.pool.query('INSERT INTO named_versions (id, document_id, seq, name, content_hash, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      v.id,
      v.documentId,
      v.seq,
      v.name,
      v.contentHash,
      v.createdBy,
      v.createdAt,
    ]);
  }

  async listNamedVersions(documentId: string): Promise<NamedVersionRecord[]> {
    return (await rows(this.pool, 'SELECT * FROM named_versions WHERE document_id = $1 ORDER BY created_at DESC, id', [documentId])).map(toVersion);
  }

  async getNamedVersion(id: string): Promise<NamedVersionRecord | null> {
    const row = await one(this.pool, 'SELECT * FROM named_versions WHERE id = $1', [id]);
    return row ? toVersion(row) : null;
  }

  async appendSignoff(
    entry: Omit<SignoffEntryRecord, 'seq' | 'prevHash' | 'hash'>,
    seal: (unsealed: Omit<SignoffEntryRecord, 'hash'>) => string,
  ): Promise<SignoffEntryRecord> {
    return transaction(this.pool, async (client) => {
      await lock(client, LOCKS.signoffChain, entry.documentId);
      const last = await one(client, 'SELECT seq, hash FROM signoff_entries WHERE document_id = $1 ORDER BY seq DESC LIMIT 1', [entry.documentId]);
      const unsealed = { ...entry, seq: last ? Number(last.seq) + 1 : 1, prevHash: last ? String(last.hash) : SIGNOFF_GENESIS };
      const sealed: SignoffEntryRecord = { ...unsealed, hash: seal(unsealed) };
      await client.query(
        'INSERT INTO signoff_entries (id, document_id, seq, version_id, kind, actor_id, payload, prev_hash, hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
        [sealed.id, sealed.documentId, sealed.seq, sealed.versionId, sealed.kind, sealed.actorId, sealed.payload, sealed.prevHash, sealed.hash, sealed.createdAt],
      );
      return sealed;
    });
  }

  async listSignoffs(documentId: string): Promise<SignoffEntryRecord[]> {
    return (await rows(this.pool, 'SELECT * FROM signoff_entries WHERE document_id = $1 ORDER BY seq', [documentId])).map(toSignoff);
  }

  async createRecoveryLink(link: RecoveryLinkRecord, audit: NewAuditEvent | null): Promise<void> {
    await transaction(this.pool, async (client) => {
      await client.query(
        'INSERT INTO recovery_links (token_hash, workspace_id, purpose, user_id, created_by, expires_at, used_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, NULL, $7)',
        [link.tokenHash, link.workspaceId, link.purpose, link.userId, link.createdBy, link.expiresAt, link.createdAt],
      );
      if (audit) await insertAudit(client, audit);
    });
  }

  async findRecoveryLink(tokenHash: string, now: number): Promise<RecoveryLinkRecord | null> {
    const row = await one(this.pool, 'SELECT * FROM recovery_links WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2', [tokenHash, now]);
    return row ? toRecoveryLink(row) : null;
  }

  async useRecoveryLink(tokenHash: string, now: number): Promise<RecoveryLinkRecord | null> {
    // One conditional UPDATE: of two instances using the same link at once, only one gets it.
    const row = await one(
      this.pool,
      'UPDATE recovery_links SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING *',
      [tokenHash, now],
    );
    return row ? toRecoveryLink(row) : null;
  }

  async deleteSpentRecoveryLinks(before: number): Promise<number> {
    const result = await this.pool.query('DELETE FROM recovery_links WHERE expires_at < $1 OR used_at < $1', [before]);
    return result.rowCount ?? 0;
  }
}
