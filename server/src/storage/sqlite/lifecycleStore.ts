/** SQLite adapter of the LifecycleStore (documents/lifecycleStore.ts). */
import type Database from 'better-sqlite3';
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
import { toRecoveryLink, toSignoff, toVersion } from '../rows/lifecycleRows';
import { insertAudit } from './erasureStore';

type Row = Record<string, unknown>;

export class SqliteLifecycleStore implements LifecycleStore {
  constructor(private readonly db: Database.Database) {}

  async updateDocument(documentId: string, patch: DocumentPatch, audit: NewAuditEvent): Promise<void> {
    const columns: Record<keyof DocumentPatch, string> = { title: 'title', archivedAt: 'archived_at', trashedAt: 'trashed_at', workspaceId: 'workspace_id' };
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as Array<[keyof DocumentPatch, unknown]>;
    this.db.transaction(() => {
      if (entries.length > 0) {
        this.db.prepare(`UPDATE documents SET ${entries.map(([k]) => `${columns[k]} = ?`).join(', ')} WHERE id = ?`).run(...entries.map(([, v]) => v), documentId);
      }
      this.audit(audit);
    }).immediate();
  }

  async purgeContent(documentId: string, at: number, audit: NewAuditEvent): Promise<void> {
    this.db.transaction(() => {
      for (const table of ['updates', 'checkpoints', 'client_bindings', 'named_versions', 'document_access']) {
        this.db.prepare(`DELETE FROM ${table} WHERE document_id = ?`).run(documentId);
      }
      this.db.prepare('UPDATE documents SET purged_at = ? WHERE id = ?').run(at, documentId);
      this.audit(audit);
    }).immediate();
  }

  async listTrash(workspaceId: string): Promise<Array<{ id: string; title: string; trashedAt: number }>> {
    const rows = this.db
      .prepare('SELECT id, title, trashed_at FROM documents WHERE workspace_id = ? AND trashed_at IS NOT NULL AND purged_at IS NULL ORDER BY trashed_at DESC')
      .all(workspaceId) as Row[];
    return rows.map((r) => ({ id: String(r.id), title: String(r.title), trashedAt: Number(r.trashed_at) }));
  }

  async trashedBefore(cutoff: number): Promise<Array<{ id: string; workspaceId: string; title: string }>> {
    const rows = this.db.prepare('SELECT id, workspace_id, title FROM documents WHERE trashed_at IS NOT NULL AND trashed_at < ? AND purged_at IS NULL').all(cutoff) as Row[];
    return rows.map((r) => ({ id: String(r.id), workspaceId: String(r.workspace_id), title: String(r.title) }));
  }

  async setAccessList(documentId: string, restricted: boolean, entries: AccessEntry[], audit: NewAuditEvent): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM document_access WHERE document_id = ?').run(documentId);
      const insert = this.db.prepare('INSERT INTO document_access (document_id, user_id, permission) VALUES (?, ?, ?)');
      for (const entry of entries) insert.run(documentId, entry.userId, entry.permission);
      this.db.prepare('UPDATE documents SET restricted = ? WHERE id = ?').run(restricted ? 1 : 0, documentId);
      this.audit(audit);
    }).immediate();
  }

  async accessList(documentId: string): Promise<AccessEntry[]> {
    return (this.db.prepare('SELECT user_id, permission FROM document_access WHERE document_id = ? ORDER BY user_id').all(documentId) as Row[]).map((r) => ({
      userId: String(r.user_id),
      permission: String(r.permission) as Permission,
    }));
  }

  async createNamedVersion(v: NamedVersionRecord): Promise<void> {
    this.db
      .prepare('INSERT INTO named_versions (id, document_id, seq, name, content_hash, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(v.id, v.documentId, v.seq, v.name, v.contentHash, v.createdBy, v.createdAt);
  }

  async listNamedVersions(documentId: string): Promise<NamedVersionRecord[]> {
    return (this.db.prepare('SELECT * FROM named_versions WHERE document_id = ? ORDER BY created_at DESC, id').all(documentId) as Row[]).map(toVersion);
  }

  async getNamedVersion(id: string): Promise<NamedVersionRecord | null> {
    const row = this.db.prepare('SELECT * FROM named_versions WHERE id = ?').get(id) as Row | undefined;
    return row ? toVersion(row) : null;
  }

  async appendSignoff(
    entry: Omit<SignoffEntryRecord, 'seq' | 'prevHash' | 'hash'>,
    seal: (unsealed: Omit<SignoffEntryRecord, 'hash'>) => string,
  ): Promise<SignoffEntryRecord> {
    return this.db.transaction(() => {
      const last = this.db.prepare('SELECT seq, hash FROM signoff_entries WHERE document_id = ? ORDER BY seq DESC LIMIT 1').get(entry.documentId) as Row | undefined;
      const unsealed = { ...entry, seq: last ? Number(last.seq) + 1 : 1, prevHash: last ? String(last.hash) : SIGNOFF_GENESIS };
      const sealed: SignoffEntryRecord = { ...unsealed, hash: seal(unsealed) };
      this.db
        .prepare('INSERT INTO signoff_entries (id, document_id, seq, version_id, kind, actor_id, payload, prev_hash, hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(sealed.id, sealed.documentId, sealed.seq, sealed.versionId, sealed.kind, sealed.actorId, sealed.payload, sealed.prevHash, sealed.hash, sealed.createdAt);
      return sealed;
    }).immediate();
  }

  async listSignoffs(documentId: string): Promise<SignoffEntryRecord[]> {
    return (this.db.prepare('SELECT * FROM signoff_entries WHERE document_id = ? ORDER BY seq').all(documentId) as Row[]).map(toSignoff);
  }

  async createRecoveryLink(link: RecoveryLinkRecord, audit: NewAuditEvent | null): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO recovery_links (token_hash, workspace_id, purpose, user_id, created_by, expires_at, used_at, created_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)')
        .run(link.tokenHash, link.workspaceId, link.purpose, link.userId, link.createdBy, link.expiresAt, link.createdAt);
      if (audit) this.audit(audit);
    })();
  }

  async findRecoveryLink(tokenHash: string, now: number): Promise<RecoveryLinkRecord | null> {
    const row = this.db.prepare('SELECT * FROM recovery_links WHERE token_hash = ?').get(tokenHash) as Row | undefined;
    if (!row || row.used_at !== null || Number(row.expires_at) <= now) return null;
    return toRecoveryLink(row);
  }

  async useRecoveryLink(tokenHash: string, now: number): Promise<RecoveryLinkRecord | null> {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT * FROM recovery_links WHERE token_hash = ?').get(tokenHash) as Row | undefined;
      if (!row || row.used_at !== null || Number(row.expires_at) <= now) return null;
      this.db.prepare('UPDATE recovery_links SET used_at = ? WHERE token_hash = ?').run(now, tokenHash);
      return { ...toRecoveryLink(row), usedAt: now };
    }).immediate();
  }

  async deleteSpentRecoveryLinks(before: number): Promise<number> {
    return this.db.prepare('DELETE FROM recovery_links WHERE expires_at < ? OR used_at < ?').run(before, before).changes;
  }

  private audit(event: NewAuditEvent): void {
    insertAudit(this.db, event);
  }
}
