/**
 * The storage contract. Every adapter (sqlite/, postgres/) implements it and
 * passes the shared contract suite in contract.ts. Methods are async so that networked
 * databases fit; `appendUpdates` must have committed durably when its promise resolves,
 * because the caller relays the updates right after.
 */
import type { AUDIT_KINDS, Language, Permission, Role, WorkspacePurpose } from '../../../shared/src/index';

export interface UserRecord {
  id: string;
  email: string | null;
  displayName: string;
  passwordHash: string | null;
  color: string;
  language: Language | null;
  createdAt: number;
}

export interface SessionRecord {
  tokenHash: string;
  userId: string;
  createdAt: number;
  expiresAt: number;
  /** On a shared device the session also ends after this long without use. */
  idleTimeoutMs?: number | null;
  lastUsedAt?: number | null;
}

export interface WorkspaceRecord {
  id: string;
  name: string;
  purpose: WorkspacePurpose;
  createdAt: number;
  createdBy: string;
}

export interface MembershipRecord {
  workspaceId: string;
  userId: string;
  role: Role;
  permission: Permission;
  createdAt: number;
}

export interface InvitationRecord {
  id: string;
  workspaceId: string;
  tokenHash: string;
  codeHash: string;
  role: Role;
  permission: Permission;
  maxUses: number | null;
  uses: number;
  expiresAt: number;
  revokedAt: number | null;
  createdBy: string;
  createdAt: number;
}

export type AuditKind = (typeof AUDIT_KINDS)[number];

export interface NewAuditEvent {
  workspaceId: string;
  kind: AuditKind;
  actorId: string | null;
  subjectId: string | null;
  details: Record<string, unknown>;
  at: number;
}

export interface AuditRecord extends NewAuditEvent {
  id: number;
}

export interface MemberRecord extends MembershipRecord {
  displayName: string;
  color: string;
  lastSeenAt: number | null;
}

export type MembershipChange = { kind: 'update'; role?: Role; permission?: Permission } | { kind: 'remove' };

export type MembershipChangeResult =
  | { ok: true; before: MembershipRecord; after: MembershipRecord | null }
  | { ok: false; reason: 'not-member' | 'last-owner' };

export type AcceptResult =
  | { kind: 'joined'; membership: MembershipRecord }
  | { kind: 'already-member'; membership: MembershipRecord }
  | { kind: 'unavailable' };

export interface DocumentRecord {
  id: string;
  workspaceId: string;
  title: string;
  template: string | null;
  createdAt: number;
  updatedAt: number;
  /** Archived documents are read-only and hidden from the default list. */
  archivedAt?: number | null;
  /** Documents in the trash are invisible except from the trash, until restored or purged. */
  trashedAt?: number | null;
  /** Only the members listed in the document's access list may open it. */
  restricted?: boolean;
  /** Content deleted for good; the row stays so that decision records keep their document. */
  purgedAt?: number | null;
}

export interface NewUpdate {
  documentId: string;
  /** The member (user id) whose authenticated connection sent the update. */
  memberId: string;
  update: Uint8Array;
  time: number;
  /** Yjs client ids first used by this update, bound to `memberId` from now on. */
  bindClients?: number[];
}

/** A Yjs client id of a document and the member it belongs to (see attribution). */
export interface ClientBinding {
  clientId: number;
  memberId: string;
}

export interface LoggedUpdate {
  documentId: string;
  seq: number;
  memberId: string;
  update: Uint8Array;
  time: number;
}

export interface Checkpoint {
  documentId: string;
  seq: number;
  state: Uint8Array;
}

export interface StoredDocumentState {
  checkpoint: Checkpoint | null;
  /** Updates after the checkpoint (or all of them), in sequence order. */
  tail: LoggedUpdate[];
  /** Every client id bound to a member in this document. */
  bindings: ClientBinding[];
}

export type UserPatch = Partial<Pick<UserRecord, 'displayName' | 'color' | 'language'>>;

export interface Store {
  countUsers(): Promise<number>;
  /** Creates the user only if no user exists yet; false when one already does (first-run setup). */
  createFirstUser(user: UserRecord): Promise<boolean>;
  createUser(user: UserRecord): Promise<void>;
  getUser(id: string): Promise<UserRecord | null>;
  findUserByEmail(email: string): Promise<UserRecord | null>;
  updateUser(id: string, patch: UserPatch): Promise<UserRecord | null>;

  createSession(session: SessionRecord): Promise<void>;
  findSession(tokenHash: string): Promise<SessionRecord | null>;
  deleteSession(tokenHash: string): Promise<void>;
  touchSession(tokenHash: string, at: number): Promise<void>;

  /** Removes every session of a user (signed out everywhere). */
  deleteSessionsOf(userId: string): Promise<void>;
  /** Sets sign-in credentials; false when the email belongs to someone else. */
  setCredentials(userId: string, email: string, passwordHash: string): Promise<boolean>;

  createWorkspace(workspace: WorkspaceRecord, owner: MembershipRecord): Promise<void>;
  listMembers(workspaceId: string): Promise<MemberRecord[]>;
  /** Changes or removes a membership atomically; never leaves a workspace without an owner. */
  changeMembership(workspaceId: string, userId: string, change: MembershipChange, audit: Omit<NewAuditEvent, 'details'> & { details?: Record<string, unknown> }): Promise<MembershipChangeResult>;
  touchMember(workspaceId: string, userId: string, at: number): Promise<void>;

  createInvitation(invitation: InvitationRecord, audit: NewAuditEvent): Promise<void>;
  /** Finds an invitation by the hash of its link token or of its short code. */
  findInvitation(hash: string): Promise<InvitationRecord | null>;
  listInvitations(workspaceId: string): Promise<InvitationRecord[]>;
  revokeInvitation(workspaceId: string, invitationId: string, at: number, audit: NewAuditEvent): Promise<boolean>;
  /**
   * Atomically checks the invitation is still usable at `now`, creates `newUser` if given,
   * adds the membership and counts the use.
   */
  acceptInvitation(invitationId: string, userId: string, newUser: UserRecord | null, now: number): Promise<AcceptResult>;

  appendAudit(event: NewAuditEvent): Promise<void>;
  listAudit(workspaceId: string, limit: number): Promise<AuditRecord[]>;

  getWorkspace(id: string): Promise<WorkspaceRecord | null>;
  listWorkspacesOf(userId: string): Promise<Array<WorkspaceRecord & { membership: MembershipRecord }>>;
  getMembership(workspaceId: string, userId: string): Promise<MembershipRecord | null>;
  listMembershipsOf(userId: string): Promise<MembershipRecord[]>;

  createDocument(document: DocumentRecord): Promise<void>;
  getDocument(id: string): Promise<DocumentRecord | null>;
  listDocuments(workspaceId: string): Promise<DocumentRecord[]>;

  /**
   * Appends updates atomically (one transaction for the whole batch, which may span several
   * documents), assigning each the next sequence number of its document, in order.
   * Resolves with the assigned sequence numbers, in the same order as `updates`. Client ids in
   * `bindClients` are bound in the same transaction; binding an id that is already bound fails
   * the whole batch.
   */
  appendUpdates(updates: NewUpdate[]): Promise<number[]>;
  /** The latest checkpoint and every update after it. */
  loadDocumentState(documentId: string): Promise<StoredDocumentState>;
  /** Updates with fromSeq <= seq <= toSeq (toSeq defaults to the latest), in order. */
  readUpdates(documentId: string, fromSeq: number, toSeq?: number): Promise<LoggedUpdate[]>;
  latestSeq(documentId: string): Promise<number>;
  listClientBindings(documentId: string): Promise<ClientBinding[]>;
  saveCheckpoint(checkpoint: Checkpoint): Promise<void>;

  close(): Promise<void>;
}
