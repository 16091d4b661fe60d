/**
 * What the privacy capability needs from storage: the access log, reads "about one person"
 * for the data download, erasure, and retention of closed workspaces. The SQLite adapter is
 * storage/sqlite/privacyStore.ts (+ erasureStore.ts); a PostgreSQL adapter implements the same.
 */
import type { AccessChannel, Permission, Role } from '../../../shared/src/index';
import type { AuditRecord, NewAuditEvent } from '../storage/store';

export interface AccessLogRecord {
  id: number;
  documentId: string;
  userId: string;
  role: Role;
  permission: Permission;
  via: AccessChannel;
  at: number;
}

/** A decision-log entry, read by author (the decision store only reads by document). */
export interface AuthoredDecisionEntry {
  id: string;
  documentId: string;
  decisionId: string;
  kind: string;
  authorRole: Role;
  /** The canonical JSON stored and hashed. */
  payload: string;
  createdAt: number;
}

/** A comment, with the latest text its author gave it (comments module, migration 7). */
export interface AuthoredComment {
  id: string;
  documentId: string;
  threadId: string;
  isReply: boolean;
  authorRole: Role;
  body: string | null;
  createdAt: number;
}

/** What a person did in workshops (migration 8): ideas they posted, their dots, their check-ins. */
export interface WorkshopActivity {
  ideas: Array<{ workshopId: string; workspaceId: string; cardId: string; role: Role; text: string; createdAt: number }>;
  votes: Array<{ workshopId: string; cardId: string; role: Role; dots: number }>;
  checkins: Array<{ workshopId: string; phase: string; mood: string | null; word: string | null; at: number }>;
}

export interface SessionSummary {
  createdAt: number;
  expiresAt: number;
  lastUsedAt: number | null;
  sharedDevice: boolean;
}

export interface RetentionRecord {
  workspaceId: string;
  closedAt: number | null;
  retentionDays: number | null;
}

export type ErasureOutcome =
  | { kind: 'erased'; pseudonym: string; workspaceIds: string[] }
  /** Workspaces where the person is the only owner: they must hand over ownership first. */
  | { kind: 'last-owner'; workspaceIds: string[] }
  | { kind: 'not-found' };

export interface PrivacyStore {
  recordOpening(entry: Omit<AccessLogRecord, 'id'>): Promise<void>;
  /** A document's openings, newest first. */
  listOpenings(documentId: string, limit: number): Promise<AccessLogRecord[]>;
  /** Openings of any document of a workspace, newest first. */
  listWorkspaceOpenings(workspaceId: string, limit: number): Promise<AccessLogRecord[]>;
  /** Openings by one person, newest first. */
  openingsBy(userId: string, limit: number): Promise<AccessLogRecord[]>;

  /** Ids of the documents whose update log has entries written by this person. */
  documentsWrittenBy(userId: string): Promise<string[]>;
  decisionEntriesBy(userId: string): Promise<AuthoredDecisionEntry[]>;
  commentsBy(userId: string): Promise<AuthoredComment[]>;
  /** Audit events whose actor or subject is this person, newest first. */
  auditAbout(userId: string, limit: number): Promise<AuditRecord[]>;
  sessionsOf(userId: string): Promise<SessionSummary[]>;
  workshopActivityOf(userId: string): Promise<WorkshopActivity>;
  /** The last time the person had each document open ("changed since your last visit"). */
  visitsOf(userId: string): Promise<Array<{ documentId: string; seenAt: number }>>;

  /**
   * In one transaction: refuses when the person is the last owner of a workspace; otherwise
   * replaces their name with `pseudonym(n, roles)` (n counts erasures on this installation;
   * roles are those they held), removes credentials, sessions, memberships, per-document
   * access, document visits, raised hands and workshop check-ins, records `member_erased` in
   * each workspace they belonged to.
   */
  erase(userId: string, pseudonym: (n: number, roles: Role[]) => string, at: number): Promise<ErasureOutcome>;

  getRetention(workspaceId: string): Promise<RetentionRecord | null>;
  setRetention(workspaceId: string, patch: { closedAt?: number | null; retentionDays?: number | null }, audit: NewAuditEvent[]): Promise<RetentionRecord | null>;
  /** Closed workspaces whose retention period has ended at `now`. */
  expiredWorkspaces(now: number): Promise<string[]>;
  /** Deletes a workspace and everything in it, decision logs included. */
  deleteWorkspace(workspaceId: string): Promise<{ documents: number }>;

  /** Throws when the database cannot answer (readiness). */
  ping(): Promise<void>;
}
