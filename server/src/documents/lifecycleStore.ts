/**
 * Storage of a document's life beyond its content: lifecycle flags, the per-document access
 * list, named versions, the sign-off chain and recovery links. Implemented for SQLite in
 * storage/sqlite/lifecycleStore.ts.
 */
import type { Permission } from '../../../shared/src/index';
import type { NewAuditEvent } from '../storage/store';

export interface DocumentPatch {
  title?: string;
  archivedAt?: number | null;
  trashedAt?: number | null;
  workspaceId?: string;
}

export interface AccessEntry {
  userId: string;
  permission: Permission;
}

export interface NamedVersionRecord {
  id: string;
  documentId: string;
  seq: number;
  name: string;
  contentHash: string;
  createdBy: string;
  createdAt: number;
}

/** The `prevHash` of the first sign-off entry of every document. */
export const SIGNOFF_GENESIS = 'ensemble:signoff:v1:genesis';

export type SignoffKind = 'requested' | 'approved' | 'declined';

export interface SignoffEntryRecord {
  id: string;
  documentId: string;
  seq: number;
  versionId: string;
  kind: SignoffKind;
  actorId: string;
  /** Canonical JSON: the version's content hash, signers asked, comment. */
  payload: string;
  prevHash: string;
  hash: string;
  createdAt: number;
}

/** 'recovery': issued by an owner of a workspace; 'password_reset': asked for by email (no workspace). */
export type RecoveryLinkPurpose = 'recovery' | 'password_reset';

export interface RecoveryLinkRecord {
  tokenHash: string;
  /** The workspace whose owner issued the link; null for a password reset asked for by email. */
  workspaceId: string | null;
  purpose: RecoveryLinkPurpose;
  userId: string;
  createdBy: string;
  expiresAt: number;
  usedAt: number | null;
  createdAt: number;
}

export interface LifecycleStore {
  updateDocument(documentId: string, patch: DocumentPatch, audit: NewAuditEvent): Promise<void>;
  /** Deletes the content (log, checkpoints, bindings) for good; decision records stay. */
  purgeContent(documentId: string, at: number, audit: NewAuditEvent): Promise<void>;
  listTrash(workspaceId: string): Promise<Array<{ id: string; title: string; trashedAt: number }>>;
  /** Documents (of any workspace) put in the trash before `cutoff` and not purged yet. */
  trashedBefore(cutoff: number): Promise<Array<{ id: string; workspaceId: string; title: string }>>;

  setAccessList(documentId: string, restricted: boolean, entries: AccessEntry[], audit: NewAuditEvent): Promise<void>;
  accessList(documentId: string): Promise<AccessEntry[]>;

  createNamedVersion(version: NamedVersionRecord): Promise<void>;
  listNamedVersions(documentId: string): Promise<NamedVersionRecord[]>;
  getNamedVersion(id: string): Promise<NamedVersionRecord | null>;

  /** Appends to the document's sign-off chain in one transaction; `seal` computes the hash. */
  appendSignoff(entry: Omit<SignoffEntryRecord, 'seq' | 'prevHash' | 'hash'>, seal: (unsealed: Omit<SignoffEntryRecord, 'hash'>) => string): Promise<SignoffEntryRecord>;
  listSignoffs(documentId: string): Promise<SignoffEntryRecord[]>;

  /** Stores a link (only its token's hash) with its audit event, if any, in one transaction. */
  createRecoveryLink(link: RecoveryLinkRecord, audit: NewAuditEvent | null): Promise<void>;
  /** A usable link without using it; null when unknown, used or expired. */
  findRecoveryLink(tokenHash: string, now: number): Promise<RecoveryLinkRecord | null>;
  /** Marks a usable link used and returns it; null when unknown, used or expired. */
  useRecoveryLink(tokenHash: string, now: number): Promise<RecoveryLinkRecord | null>;
  /** Deletes the links used or expired before `before` (their issue stays in the audit log); returns how many. */
  deleteSpentRecoveryLinks(before: number): Promise<number>;
}
