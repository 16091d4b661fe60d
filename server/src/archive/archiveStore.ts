/**
 * What importing a workspace archive needs from storage: everything written at once, in one
 * transaction, so that a refused or failed import leaves nothing behind (ADR 0007). The
 * records arrive fully formed (new ids, re-linked chains); the adapter only inserts them.
 * Exporting needs no method of its own: it reads through the existing store interfaces.
 * The SQLite adapter is storage/sqlite/archiveStore.ts; a PostgreSQL adapter implements the same.
 */
import type { CommentEventRecord, CommentRecord } from '../comments/commentStore';
import type { DecisionEntryRecord } from '../decisions/decisionStore';
import type { AccessEntry, NamedVersionRecord, SignoffEntryRecord } from '../documents/lifecycleStore';
import type { StoredRound } from '../reviews/reviewStore';
import type { ClientBinding, DocumentRecord, LoggedUpdate, MembershipRecord, NewAuditEvent, UserRecord, WorkspaceRecord } from '../storage/store';
import type { WorkshopSnapshot } from '../workshops/workshopStore';

export interface ImportPlan {
  workspace: WorkspaceRecord;
  /** Placeholder people: no email, no password, so nobody can sign in as them until re-attached. */
  users: UserRecord[];
  /** The importer's ownership and the placeholders' memberships. */
  memberships: MembershipRecord[];
  documents: Array<DocumentRecord & { accessList: AccessEntry[] }>;
  /** The update log, sequence numbers as in the archive (1, 2, 3... per document). */
  updates: LoggedUpdate[];
  bindings: Array<ClientBinding & { documentId: string; seq: number }>;
  decisionEntries: DecisionEntryRecord[];
  comments: Array<{ comment: CommentRecord; events: Array<Omit<CommentEventRecord, 'id' | 'commentId'>> }>;
  reviewRounds: StoredRound[];
  namedVersions: NamedVersionRecord[];
  signoffEntries: SignoffEntryRecord[];
  workshops: WorkshopSnapshot[];
  audit: NewAuditEvent[];
}

export interface ArchiveStore {
  /** Writes the whole plan in one transaction: all of it, or (on any error) none of it. */
  importWorkspace(plan: ImportPlan): Promise<void>;
}
