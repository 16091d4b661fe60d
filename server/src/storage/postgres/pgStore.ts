/**
 * PostgreSQL adapter of the Store, for several server instances sharing one database.
 *
 * Appending updates: the transaction first locks the row of every document of the batch (in id
 * order, so two batches never deadlock), then reads each document's latest sequence number and
 * inserts after it. Appends to one document from any instance are therefore serialised: the
 * numbers are 1..N with no duplicate and no gap. The promise resolves after COMMIT, so an
 * update is durable before the caller relays it. The lock is FOR NO KEY UPDATE, which rows
 * referencing the document (comments, the access log) do not wait for.
 */
import type pg from 'pg';
import type {
  AcceptResult,
  AuditRecord,
  Checkpoint,
  ClientBinding,
  DocumentRecord,
  InvitationRecord,
  LoggedUpdate,
  MemberRecord,
  MembershipChange,
  MembershipChangeResult,
  MembershipRecord,
  NewAuditEvent,
  NewUpdate,
  SessionRecord,
  Store,
  StoredDocumentState,
  UserPatch,
  UserRecord,
  WorkspaceRecord,
} from '../store';
import { workspaceCreatedEvent } from '../rows/auditRows';
import { toDocument, toMembership, toSession, toUpdate, toUser, toWorkspace } from '../sqlite/rows';
import { LOCKS, lock, one, rows, transaction, type Db } from './database';
import { INSERT_USER, PostgresPeople, insertAudit, userParams } from './people';

export class PostgresStore implements Store {
  private readonly people: PostgresPeople;
  private closed: Promise<void> | null = null;

  constructor(private readonly pool: pg.Pool) {
    this.people = new PostgresPeople(pool);
  }

  async countUsers(): Promise<number> {
    return Number((await one(this.pool, 'SELECT COUNT(*) AS n FROM users'))?.n ?? 0);
  }

  async createFirstUser(user: UserRecord): Promise<boolean> {
    return transaction(this.pool, async (client) => {
      await lock(client, LOCKS.firstUser, '');
      if (Number((await one(client, 'SELECT COUNT(*) AS n FROM users'))?.n) > 0) return false;
      await client.query(INSERT_USER, userParams(user));
      return true;
    });
  }

  async createUser(user: UserRecord): Promise<void> {
    await this.pool.query(INSERT_USER, userParams(user));
  }

  async getUser(id: string): Promise<UserRecord | null> {
    const row = await one(this.pool, 'SELECT * FROM users WHERE id = $1', [id]);
    return row ? toUser(row) : null;
  }

  async findUserByEmail(email: string): Promise<UserRecord | null> {
    const row = await one(this.pool, 'SELECT * FROM users WHERE email = $1', [email]);
    return row ? toUser(row) : null;
  }

  async updateUser(id: string, patch: UserPatch): Promise<UserRecord | null> {
    const columns: Record<keyof UserPatch, string> = { displayName: 'display_name', color: 'color', language: 'language' };
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as Array<[keyof UserPatch, string]>;
    if (entries.length > 0) {
      const set = entries.map(([k], i) => `${columns[k]} = $${i + 1}`).join(', ');
      await this.pool.query(`UPDATE users SET ${set} WHERE id = $${entries.length + 1}`, [...entries.map(([, v]) => v), id]);
    }
    return this.getUser(id);
  }

  async createSession(s: SessionRecord): Promise<void> {
    await this.pool.query(
      'INSERT INTO sessions (token_hash, user_id, created_at, expires_at, idle_timeout_ms, last_used_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [s.tokenHash, s.userId, s.createdAt, s.expiresAt, s.idleTimeoutMs ?? null, s.lastUsedAt === undefined ? s.createdAt : s.lastUsedAt],
    );
  }

  async touchSession(tokenHash: string, at: number): Promise<void> {
    await this.pool.query('UPDATE sessions SET last_used_at = $1 WHERE token_hash = $2', [at, tokenHash]);
  }

  async findSession(tokenHash: string): Promise<SessionRecord | null> {
    const row = await one(this.pool, 'SELECT * FROM sessions WHERE token_hash = $1', [tokenHash]);
    return row ? toSession(row) : null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
  }

  deleteSessionsOf(userId: string): Promise<void> {
    return this.people.deleteSessionsOf(userId);
  }

  setCredentials(userId: string, email: string, passwordHash: string): Promise<boolean> {
    return this.people.setCredentials(userId, email, passwordHash);
  }

  listMembers(workspaceId: string): Promise<MemberRecord[]> {
    return this.people.listMembers(workspaceId);
  }

  changeMembership(
    workspaceId: string,
    userId: string,
    change: MembershipChange,
    audit: Omit<NewAuditEvent, 'details'> & { details?: Record<string, unknown> },
  ): Promise<MembershipChangeResult> {
    return this.people.changeMembership(workspaceId, userId, change, audit);
  }

  touchMember(workspaceId: string, userId: string, at: number): Promise<void> {
    return this.people.touchMember(workspaceId, userId, at);
  }

  createInvitation(invitation: InvitationRecord, audit: NewAuditEvent): Promise<void> {
    return this.people.createInvitation(invitation, audit);
  }

  findInvitation(hash: string): Promise<InvitationRecord | null> {
    return this.people.findInvitation(hash);
  }

  listInvitations(workspaceId: string): Promise<InvitationRecord[]> {
    return this.people.listInvitations(workspaceId);
  }

  revokeInvitation(workspaceId: string, invitationId: string, at: number, audit: NewAuditEvent): Promise<boolean> {
    return this.people.revokeInvitation(workspaceId, invitationId, at, audit);
  }

  acceptInvitation(invitationId: string, userId: string, newUser: UserRecord | null, now: number): Promise<AcceptResult> {
    return this.people.acceptInvitation(invitationId, userId, newUser, now);
  }

  appendAudit(event: NewAuditEvent): Promise<void> {
    return this.people.appendAudit(event);
  }

  listAudit(workspaceId: string, limit: number): Promise<AuditRecord[]> {
    return this.people.listAudit(workspaceId, limit);
  }

  async createWorkspace(workspace: WorkspaceRecord, owner: MembershipRecord): Promise<void> {
    await transaction(this.pool, async (client) => {
      await client.query('INSERT INTO workspaces (id, name, purpose, created_at, created_by) VALUES ($1, $2, $3, $4, $5)', [
        workspace.id,
        workspace.name,
        workspace.purpose,
        workspace.createdAt,
        workspace.createdBy,
      ]);
      await client.query('INSERT INTO memberships (workspace_id, user_id, role, permission, created_at) VALUES ($1, $2, $3, $4, $5)', [
        owner.workspaceId,
        owner.userId,
        owner.role,
        owner.permission,
        owner.createdAt,
      ]);
      await insertAudit(client, workspaceCreatedEvent(workspace, owner));
    });
  }

  async getWorkspace(id: string): Promise<WorkspaceRecord | null> {
    const row = await one(this.pool, 'SELECT * FROM workspaces WHERE id = $1', [id]);
    return row ? toWorkspace(row) : null;
  }

  async listWorkspacesOf(userId: string): Promise<Array<WorkspaceRecord & { membership: MembershipRecord }>> {
    const found = await rows(
      this.pool,
      `SELECT w.*, m.workspace_id, m.user_id, m.role, m.permission, m.created_at AS member_since
       FROM workspaces w JOIN memberships m ON m.workspace_id = w.id
       WHERE m.user_id = $1 ORDER BY w.created_at, w.id`,
      [userId],
    );
    return found.map((row) => ({ ...toWorkspace(row), membership: toMembership({ ...row, created_at: row.member_since }) }));
  }

  async getMembership(workspaceId: string, userId: string): Promise<MembershipRecord | null> {
    const row = await one(this.pool, 'SELECT * FROM memberships WHERE workspace_id = $1 AND user_id = $2', [workspaceId, userId]);
    return row ? toMembership(row) : null;
  }

  async listMembershipsOf(userId: string): Promise<MembershipRecord[]> {
    return (await rows(this.pool, 'SELECT * FROM memberships WHERE user_id = $1 ORDER BY created_at', [userId])).map(toMembership);
  }

  async createDocument(d: DocumentRecord): Promise<void> {
    await this.pool.query('INSERT INTO documents (id, workspace_id, title, template, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6)', [
      d.id,
      d.workspaceId,
      d.title,
      d.template,
      d.createdAt,
      d.updatedAt,
    ]);
  }

  async getDocument(id: string): Promise<DocumentRecord | null> {
    const row = await one(this.pool, 'SELECT * FROM documents WHERE id = $1', [id]);
    return row ? toDocument(row) : null;
  }

  async listDocuments(workspaceId: string): Promise<DocumentRecord[]> {
    return (await rows(this.pool, 'SELECT * FROM documents WHERE workspace_id = $1 ORDER BY updated_at DESC, id', [workspaceId])).map(toDocument);
  }

  async appendUpdates(updates: NewUpdate[]): Promise<number[]> {
    if (updates.length === 0) return [];
    const documentIds = [...new Set(updates.map((u) => u.documentId))].sort();
    return transaction(this.pool, async (client) => {
      const locked = await rows(client, 'SELECT id FROM documents WHERE id = ANY($1::text[]) ORDER BY id FOR NO KEY UPDATE', [documentIds]);
      if (locked.length !== documentIds.length) {
        const missing = documentIds.filter((id) => !locked.some((r) => r.id === id));
        throw new Error(`Cannot append updates: no document ${missing.join(', ')}.`);
      }
      // Read after the locks are held: READ COMMITTED gives each statement a fresh snapshot,
      // which includes everything the previous holder of a lock committed.
      const latest = await rows(
        client,
        'SELECT d.id, COALESCE((SELECT MAX(u.seq) FROM updates u WHERE u.document_id = d.id), 0) AS seq FROM unnest($1::text[]) AS d(id)',
        [documentIds],
      );
      const next = new Map(latest.map((r) => [String(r.id), Number(r.seq)]));
      const seqs: number[] = [];
      const bindings: { documentIds: string[]; clientIds: number[]; memberIds: string[]; seqs: number[] } = { documentIds: [], clientIds: [], memberIds: [], seqs: [] };
      for (const u of updates) {
        const seq = (next.get(u.documentId) ?? 0) + 1;
        next.set(u.documentId, seq);
        seqs.push(seq);
        for (const clientId of u.bindClients ?? []) {
          bindings.documentIds.push(u.documentId);
          bindings.clientIds.push(clientId);
          bindings.memberIds.push(u.memberId);
          bindings.seqs.push(seq);
        }
      }
      // One statement for the log, the bindings and the documents' times: one round trip.
      const last = updates.at(-1)?.time ?? Date.now();
      await client.query(
        `WITH logged AS (
           INSERT INTO updates (document_id, seq, member_id, data, created_at)
           SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::bytea[], $5::bigint[])
         ), bound AS (
           INSERT INTO client_bindings (document_id, client_id, member_id, seq)
           SELECT * FROM unnest($6::text[], $7::bigint[], $8::text[], $9::bigint[])
         )
         UPDATE documents SET updated_at = $10 WHERE id = ANY($11::text[])`,
        [
          updates.map((u) => u.documentId), seqs, updates.map((u) => u.memberId), updates.map((u) => Buffer.from(u.update)), updates.map((u) => u.time),
          bindings.documentIds, bindings.clientIds, bindings.memberIds, bindings.seqs,
          last, documentIds,
        ],
      );
      return seqs;
    });
  }

  async loadDocumentState(documentId: string): Promise<StoredDocumentState> {
    // One snapshot for the checkpoint, the tail and the bindings: they always agree.
    return transaction(
      this.pool,
      async (client) => {
        const row = await one(client, 'SELECT seq, state FROM checkpoints WHERE document_id = $1 ORDER BY seq DESC LIMIT 1', [documentId]);
        const checkpoint: Checkpoint | null = row ? { documentId, seq: Number(row.seq), state: new Uint8Array(row.state as Buffer) } : null;
        const tail = await this.updatesBetween(client, documentId, (checkpoint?.seq ?? 0) + 1, Number.MAX_SAFE_INTEGER);
        return { checkpoint, tail, bindings: await this.bindingsOf(client, documentId) };
      },
      'snapshot',
    );
  }

  listClientBindings(documentId: string): Promise<ClientBinding[]> {
    return this.bindingsOf(this.pool, documentId);
  }

  private async bindingsOf(db: Db, documentId: string): Promise<ClientBinding[]> {
    return (await rows(db, 'SELECT client_id, member_id FROM client_bindings WHERE document_id = $1 ORDER BY client_id', [documentId])).map((r) => ({
      clientId: Number(r.client_id),
      memberId: String(r.member_id),
    }));
  }

  private async updatesBetween(db: Db, documentId: string, fromSeq: number, toSeq: number): Promise<LoggedUpdate[]> {
    return (await rows(db, 'SELECT * FROM updates WHERE document_id = $1 AND seq >= $2 AND seq <= $3 ORDER BY seq', [documentId, fromSeq, toSeq])).map(toUpdate);
  }

  readUpdates(documentId: string, fromSeq: number, toSeq = Number.MAX_SAFE_INTEGER): Promise<LoggedUpdate[]> {
    return this.updatesBetween(this.pool, documentId, fromSeq, toSeq);
  }

  async latestSeq(documentId: string): Promise<number> {
    return Number((await one(this.pool, 'SELECT COALESCE(MAX(seq), 0) AS seq FROM updates WHERE document_id = $1', [documentId]))?.seq ?? 0);
  }

  async saveCheckpoint(checkpoint: Checkpoint): Promise<void> {
    // Only the latest checkpoint is used (history comes from the log): older ones are dropped.
    await transaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO checkpoints (document_id, seq, state, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (document_id, seq) DO UPDATE SET state = excluded.state, created_at = excluded.created_at`,
        [checkpoint.documentId, checkpoint.seq, Buffer.from(checkpoint.state), Date.now()],
      );
      await client.query('DELETE FROM checkpoints WHERE document_id = $1 AND seq < $2', [checkpoint.documentId, checkpoint.seq]);
    });
  }

  /** Ends the connection pool shared by every PostgreSQL store of this instance. */
  async close(): Promise<void> {
    this.closed ??= this.pool.end();
    return this.closed;
  }
}
