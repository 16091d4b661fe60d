/**
 * SQLite adapter of the Store (better-sqlite3, WAL). better-sqlite3 is synchronous: when a
 * method's promise resolves, its transaction has committed. `synchronous=NORMAL` survives a
 * process crash; `durability: 'full'` adds power-loss safety (cheap thanks to group commit:
 * the sync layer appends one batch per event-loop turn).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type {
  AcceptResult,
  AuditRecord,
  InvitationRecord,
  MemberRecord,
  MembershipChange,
  MembershipChangeResult,
  NewAuditEvent,
  Checkpoint,
  ClientBinding,
  DocumentRecord,
  LoggedUpdate,
  MembershipRecord,
  NewUpdate,
  SessionRecord,
  Store,
  StoredDocumentState,
  UserPatch,
  UserRecord,
  WorkspaceRecord,
} from '../store';
import { SQLITE_MIGRATIONS } from './migrations';
import { workspaceCreatedEvent } from '../rows/auditRows';
import { SqlitePeople } from './people';
import { toDocument, toMembership, toSession, toUpdate, toUser, toWorkspace, type Row } from './rows';
import { checkpointWalInBackground, type WalCheckpoints } from './walCheckpoints';

export interface SqliteStoreOptions {
  /** A file path, or ':memory:' for tests. */
  filename: string;
  durability: 'normal' | 'full';
}

/**
 * Opens (creating if needed) and migrates the database. Capability stores (decisions, comments,
 * ...) each wrap the same handle in their own adapter class beside this one.
 */
export function openSqliteDatabase(options: SqliteStoreOptions): Database.Database {
  if (options.filename !== ':memory:') fs.mkdirSync(path.dirname(options.filename), { recursive: true });
  const db = new Database(options.filename);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.durability === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

export function openSqliteStore(options: SqliteStoreOptions): Store {
  const db = openSqliteDatabase(options);
  return new SqliteStore(db, backgroundCheckpoints(db, options));
}

/** WAL checkpoints in a worker thread for a database file (walCheckpoints.ts); none in memory. */
export function backgroundCheckpoints(db: Database.Database, options: SqliteStoreOptions, onError?: (message: string) => void): WalCheckpoints | null {
  return options.filename === ':memory:' ? null : checkpointWalInBackground(db, { ...options, onError });
}

function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => r.version),
  );
  for (const migration of [...SQLITE_MIGRATIONS].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(migration.version, Date.now());
    })();
  }
}

export class SqliteStore implements Store {
  private readonly statements;
  private readonly appendBatch;
  private readonly people: SqlitePeople;

  constructor(
    private readonly db: Database.Database,
    /** Stopped before the database closes. */
    private readonly walCheckpoints: WalCheckpoints | null = null,
  ) {
    this.people = new SqlitePeople(db);
    this.statements = {
      countUsers: db.prepare('SELECT COUNT(*) AS n FROM users'),
      insertUser: db.prepare(
        'INSERT INTO users (id, email, display_name, password_hash, color, language, created_at) VALUES (@id, @email, @displayName, @passwordHash, @color, @language, @createdAt)',
      ),
      getUser: db.prepare('SELECT * FROM users WHERE id = ?'),
      userByEmail: db.prepare('SELECT * FROM users WHERE email = ?'),
      insertSession: db.prepare(
        'INSERT INTO sessions (token_hash, user_id, created_at, expires_at, idle_timeout_ms, last_used_at) VALUES (@tokenHash, @userId, @createdAt, @expiresAt, @idleTimeoutMs, @lastUsedAt)',
      ),
      getSession: db.prepare('SELECT * FROM sessions WHERE token_hash = ?'),
      deleteSession: db.prepare('DELETE FROM sessions WHERE token_hash = ?'),
      insertWorkspace: db.prepare(
        'INSERT INTO workspaces (id, name, purpose, created_at, created_by) VALUES (@id, @name, @purpose, @createdAt, @createdBy)',
      ),
      insertMembership: db.prepare(
        'INSERT INTO memberships (workspace_id, user_id, role, permission, created_at) VALUES (@workspaceId, @userId, @role, @permission, @createdAt)',
      ),
      getWorkspace: db.prepare('SELECT * FROM workspaces WHERE id = ?'),
      workspacesOf: db.prepare(
        `SELECT w.*, m.workspace_id, m.user_id, m.role, m.permission, m.created_at AS member_since
         FROM workspaces w JOIN memberships m ON m.workspace_id = w.id
         WHERE m.user_id = ? ORDER BY w.created_at, w.id`,
      ),
      getMembership: db.prepare('SELECT * FROM memberships WHERE workspace_id = ? AND user_id = ?'),
      membershipsOf: db.prepare('SELECT * FROM memberships WHERE user_id = ? ORDER BY created_at'),
      insertDocument: db.prepare(
        'INSERT INTO documents (id, workspace_id, title, template, created_at, updated_at) VALUES (@id, @workspaceId, @title, @template, @createdAt, @updatedAt)',
      ),
      getDocument: db.prepare('SELECT * FROM documents WHERE id = ?'),
      listDocuments: db.prepare('SELECT * FROM documents WHERE workspace_id = ? ORDER BY updated_at DESC, id'),
      latestSeq: db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM updates WHERE document_id = ?'),
      insertUpdate: db.prepare(
        'INSERT INTO updates (document_id, seq, member_id, data, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      touchDocument: db.prepare('UPDATE documents SET updated_at = ? WHERE id = ?'),
      latestCheckpoint: db.prepare(
        'SELECT document_id, seq, state FROM checkpoints WHERE document_id = ? ORDER BY seq DESC LIMIT 1',
      ),
      updatesBetween: db.prepare(
        'SELECT * FROM updates WHERE document_id = ? AND seq >= ? AND seq <= ? ORDER BY seq',
      ),
      insertBinding: db.prepare('INSERT INTO client_bindings (document_id, client_id, member_id, seq) VALUES (?, ?, ?, ?)'),
      bindings: db.prepare('SELECT client_id, member_id FROM client_bindings WHERE document_id = ?'),
      insertCheckpoint: db.prepare(
        'INSERT OR REPLACE INTO checkpoints (document_id, seq, state, created_at) VALUES (?, ?, ?, ?)',
      ),
    };
    this.appendBatch = db.transaction((updates: NewUpdate[]): number[] => {
      const next = new Map<string, number>();
      const seqs: number[] = [];
      for (const u of updates) {
        let seq = next.get(u.documentId);
        if (seq === undefined) seq = (this.statements.latestSeq.get(u.documentId) as { seq: number }).seq;
        seq += 1;
        next.set(u.documentId, seq);
        this.statements.insertUpdate.run(u.documentId, seq, u.memberId, Buffer.from(u.update), u.time);
        for (const clientId of u.bindClients ?? []) this.statements.insertBinding.run(u.documentId, clientId, u.memberId, seq);
        seqs.push(seq);
      }
      const last = updates.at(-1)?.time ?? Date.now();
      for (const documentId of next.keys()) this.statements.touchDocument.run(last, documentId);
      return seqs;
    });
  }

  async countUsers(): Promise<number> {
    return (this.statements.countUsers.get() as { n: number }).n;
  }

  async createFirstUser(user: UserRecord): Promise<boolean> {
    return this.db.transaction(() => {
      if ((this.statements.countUsers.get() as { n: number }).n > 0) return false;
      this.statements.insertUser.run(user);
      return true;
    }).immediate();
  }

  async createUser(user: UserRecord): Promise<void> {
    this.statements.insertUser.run(user);
  }

  async getUser(id: string): Promise<UserRecord | null> {
    const row = this.statements.getUser.get(id) as Row | undefined;
    return row ? toUser(row) : null;
  }

  async findUserByEmail(email: string): Promise<UserRecord | null> {
    const row = this.statements.userByEmail.get(email) as Row | undefined;
    return row ? toUser(row) : null;
  }

  async updateUser(id: string, patch: UserPatch): Promise<UserRecord | null> {
    const columns: Record<keyof UserPatch, string> = { displayName: 'display_name', color: 'color', language: 'language' };
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as Array<[keyof UserPatch, string]>;
    if (entries.length > 0) {
      const set = entries.map(([k]) => `${columns[k]} = ?`).join(', ');
      this.db.prepare(`UPDATE users SET ${set} WHERE id = ?`).run(...entries.map(([, v]) => v), id);
    }
    return this.getUser(id);
  }

  async createSession(session: SessionRecord): Promise<void> {
    this.statements.insertSession.run({ idleTimeoutMs: null, lastUsedAt: session.createdAt, ...session });
  }

  async touchSession(tokenHash: string, at: number): Promise<void> {
    this.db.prepare('UPDATE sessions SET last_used_at = ? WHERE token_hash = ?').run(at, tokenHash);
  }

  async findSession(tokenHash: string): Promise<SessionRecord | null> {
    const row = this.statements.getSession.get(tokenHash) as Row | undefined;
    return row ? toSession(row) : null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.statements.deleteSession.run(tokenHash);
  }

  async deleteSessionsOf(userId: string): Promise<void> {
    this.people.deleteSessionsOf(userId);
  }

  async setCredentials(userId: string, email: string, passwordHash: string): Promise<boolean> {
    return this.people.setCredentials(userId, email, passwordHash);
  }

  async listMembers(workspaceId: string): Promise<MemberRecord[]> {
    return this.people.listMembers(workspaceId);
  }

  async changeMembership(
    workspaceId: string,
    userId: string,
    change: MembershipChange,
    audit: Omit<NewAuditEvent, 'details'> & { details?: Record<string, unknown> },
  ): Promise<MembershipChangeResult> {
    return this.people.changeMembership(workspaceId, userId, change, audit);
  }

  async touchMember(workspaceId: string, userId: string, at: number): Promise<void> {
    this.people.touchMember(workspaceId, userId, at);
  }

  async createInvitation(invitation: InvitationRecord, audit: NewAuditEvent): Promise<void> {
    this.people.createInvitation(invitation, audit);
  }

  async findInvitation(hash: string): Promise<InvitationRecord | null> {
    return this.people.findInvitation(hash);
  }

  async listInvitations(workspaceId: string): Promise<InvitationRecord[]> {
    return this.people.listInvitations(workspaceId);
  }

  async revokeInvitation(workspaceId: string, invitationId: string, at: number, audit: NewAuditEvent): Promise<boolean> {
    return this.people.revokeInvitation(workspaceId, invitationId, at, audit);
  }

  async acceptInvitation(invitationId: string, userId: string, newUser: UserRecord | null, now: number): Promise<AcceptResult> {
    return this.people.acceptInvitation(invitationId, userId, newUser, now);
  }

  async appendAudit(event: NewAuditEvent): Promise<void> {
    this.people.appendAudit(event);
  }

  async listAudit(workspaceId: string, limit: number): Promise<AuditRecord[]> {
    return this.people.listAudit(workspaceId, limit);
  }

  async createWorkspace(workspace: WorkspaceRecord, owner: MembershipRecord): Promise<void> {
    this.db.transaction(() => {
      this.statements.insertWorkspace.run(workspace);
      this.statements.insertMembership.run(owner);
      this.people.appendAudit(workspaceCreatedEvent(workspace, owner));
    })();
  }

  async getWorkspace(id: string): Promise<WorkspaceRecord | null> {
    const row = this.statements.getWorkspace.get(id) as Row | undefined;
    return row ? toWorkspace(row) : null;
  }

  async listWorkspacesOf(userId: string): Promise<Array<WorkspaceRecord & { membership: MembershipRecord }>> {
    return (this.statements.workspacesOf.all(userId) as Row[]).map((row) => ({
      ...toWorkspace(row),
      membership: toMembership({ ...row, created_at: row.member_since }),
    }));
  }

  async getMembership(workspaceId: string, userId: string): Promise<MembershipRecord | null> {
    const row = this.statements.getMembership.get(workspaceId, userId) as Row | undefined;
    return row ? toMembership(row) : null;
  }

  async listMembershipsOf(userId: string): Promise<MembershipRecord[]> {
    return (this.statements.membershipsOf.all(userId) as Row[]).map(toMembership);
  }

  async createDocument(document: DocumentRecord): Promise<void> {
    this.statements.insertDocument.run(document);
  }

  async getDocument(id: string): Promise<DocumentRecord | null> {
    const row = this.statements.getDocument.get(id) as Row | undefined;
    return row ? toDocument(row) : null;
  }

  async listDocuments(workspaceId: string): Promise<DocumentRecord[]> {
    return (this.statements.listDocuments.all(workspaceId) as Row[]).map(toDocument);
  }

  async appendUpdates(updates: NewUpdate[]): Promise<number[]> {
    if (updates.length === 0) return [];
    return this.appendBatch.immediate(updates);
  }

  async loadDocumentState(documentId: string): Promise<StoredDocumentState> {
    return this.db.transaction((): StoredDocumentState => {
      const row = this.statements.latestCheckpoint.get(documentId) as Row | undefined;
      const checkpoint: Checkpoint | null = row
        ? { documentId, seq: Number(row.seq), state: new Uint8Array(row.state as Buffer) }
        : null;
      const tail = (this.statements.updatesBetween.all(documentId, (checkpoint?.seq ?? 0) + 1, Number.MAX_SAFE_INTEGER) as Row[]).map(toUpdate);
      return { checkpoint, tail, bindings: this.bindingsOf(documentId) };
    })();
  }

  async listClientBindings(documentId: string): Promise<ClientBinding[]> {
    return this.bindingsOf(documentId);
  }

  private bindingsOf(documentId: string): ClientBinding[] {
    return (this.statements.bindings.all(documentId) as Array<{ client_id: number; member_id: string }>).map((r) => ({
      clientId: Number(r.client_id),
      memberId: r.member_id,
    }));
  }

  async readUpdates(documentId: string, fromSeq: number, toSeq = Number.MAX_SAFE_INTEGER): Promise<LoggedUpdate[]> {
    return (this.statements.updatesBetween.all(documentId, fromSeq, toSeq) as Row[]).map(toUpdate);
  }

  async latestSeq(documentId: string): Promise<number> {
    return (this.statements.latestSeq.get(documentId) as { seq: number }).seq;
  }

  async saveCheckpoint(checkpoint: Checkpoint): Promise<void> {
    // Only the latest checkpoint is used (history comes from the log): older ones are dropped.
    this.db.transaction(() => {
      this.statements.insertCheckpoint.run(checkpoint.documentId, checkpoint.seq, Buffer.from(checkpoint.state), Date.now());
      this.db.prepare('DELETE FROM checkpoints WHERE document_id = ? AND seq < ?').run(checkpoint.documentId, checkpoint.seq);
    })();
  }

  async close(): Promise<void> {
    await this.walCheckpoints?.stop();
    if (this.db.open) this.db.close();
  }
}
