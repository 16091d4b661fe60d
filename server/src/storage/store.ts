/**
 * The storage contract. Every adapter (sqlite/, memory/, later postgres/) implements it and
 * passes the shared contract suite in contract.ts. Methods are async so that networked
 * databases fit; `appendUpdates` must have committed durably when its promise resolves,
 * because the caller relays the updates right after.
 */
import type { Language, Permission, Role, WorkspacePurpose } from '../../../shared/src/index';

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

export interface DocumentRecord {
  id: string;
  workspaceId: string;
  title: string;
  template: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface NewUpdate {
  documentId: string;
  /** The member (user id) whose authenticated connection sent the update. */
  memberId: string;
  update: Uint8Array;
  time: number;
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

  createWorkspace(workspace: WorkspaceRecord, owner: MembershipRecord): Promise<void>;
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
   * Resolves with the assigned sequence numbers, in the same order as `updates`.
   */
  appendUpdates(updates: NewUpdate[]): Promise<number[]>;
  /** The latest checkpoint and every update after it. */
  loadDocumentState(documentId: string): Promise<StoredDocumentState>;
  /** Updates with fromSeq <= seq <= toSeq (toSeq defaults to the latest), in order. */
  readUpdates(documentId: string, fromSeq: number, toSeq?: number): Promise<LoggedUpdate[]>;
  latestSeq(documentId: string): Promise<number>;
  saveCheckpoint(checkpoint: Checkpoint): Promise<void>;

  close(): Promise<void>;
}
