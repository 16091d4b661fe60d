/**
 * Storage of the decision log: one append-only, hash-chained sequence of entries per document.
 * Adapters (storage/sqlite/decisionStore.ts today) pass the contract suite in
 * decisionStoreContract.ts. Entries are never updated or deleted; the SQLite schema enforces
 * that with triggers, and the hash chain makes any change made behind its back detectable.
 */
import type { DecisionEntryKind, Role } from '../../../shared/src/index';
import type { JsonValue } from './canonicalJson';

/** An entry exactly as stored. `payload` is the canonical JSON text that was hashed. */
export interface DecisionEntryRecord {
  id: string;
  documentId: string;
  decisionId: string;
  /** 1, 2, 3... per document. */
  seq: number;
  kind: DecisionEntryKind;
  /** The member (user id) whose session wrote the entry. */
  authorId: string;
  /** The author's role in the workspace when they wrote it. */
  authorRole: Role;
  payload: string;
  prevHash: string;
  hash: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
}

/** What the service supplies; the store adds seq, prevHash and hash. */
export interface DecisionEntryDraft {
  id: string;
  kind: DecisionEntryKind;
  authorId: string;
  authorRole: Role;
  payload: JsonValue;
  createdAt: number;
}

export interface DecisionStore {
  /**
   * Appends one entry to `documentId`'s chain, atomically with respect to every other append
   * of that document: inside one transaction it reads `decisionId`'s entries so far, calls
   * `prepare` with them (which may throw to refuse, e.g. the decision is no longer open), then
   * links the draft to the document's last hash and stores it. Resolves once committed.
   */
  append(documentId: string, decisionId: string, prepare: (history: DecisionEntryRecord[]) => DecisionEntryDraft): Promise<DecisionEntryRecord>;
  /** Every entry of a document's chain, by seq. */
  listDocumentEntries(documentId: string): Promise<DecisionEntryRecord[]>;
  /** Every entry of one decision, by seq. */
  listDecisionEntries(decisionId: string): Promise<DecisionEntryRecord[]>;
  /** The document a decision belongs to, or null when there is no such decision. */
  documentOfDecision(decisionId: string): Promise<string | null>;
}
