/**
 * SQLite adapter of the DecisionStore, on the handle opened by openSqliteDatabase. Appends run
 * in one IMMEDIATE transaction: the write lock is taken before the previous hash is read, so
 * two appends (from this process or another one on the same file) can never both link to the
 * same predecessor and fork the chain.
 */
import type Database from 'better-sqlite3';
import type { DecisionEntryDraft, DecisionEntryRecord, DecisionStore } from '../../decisions/decisionStore';
import type { Row } from './rows';
import { sealDecisionEntry, toDecisionEntry } from '../rows/decisionRows';

export class SqliteDecisionStore implements DecisionStore {
  private readonly s;
  private readonly appendTransaction;

  constructor(db: Database.Database) {
    this.s = {
      insert: db.prepare(
        `INSERT INTO decision_entries (id, document_id, decision_id, seq, kind, author_id, author_role, payload, prev_hash, hash, created_at)
         VALUES (@id, @documentId, @decisionId, @seq, @kind, @authorId, @authorRole, @payload, @prevHash, @hash, @createdAt)`,
      ),
      last: db.prepare('SELECT seq, hash FROM decision_entries WHERE document_id = ? ORDER BY seq DESC LIMIT 1'),
      byDocument: db.prepare('SELECT * FROM decision_entries WHERE document_id = ? ORDER BY seq, rowid'),
      byDecision: db.prepare('SELECT * FROM decision_entries WHERE decision_id = ? ORDER BY seq, rowid'),
      byDecisionInDocument: db.prepare('SELECT * FROM decision_entries WHERE decision_id = ? AND document_id = ? ORDER BY seq, rowid'),
      documentOf: db.prepare('SELECT document_id FROM decision_entries WHERE decision_id = ? ORDER BY seq LIMIT 1'),
    };
    this.appendTransaction = db.transaction(
      (documentId: string, decisionId: string, prepare: (history: DecisionEntryRecord[]) => DecisionEntryDraft): DecisionEntryRecord => {
        const history = (this.s.byDecisionInDocument.all(decisionId, documentId) as Row[]).map(toDecisionEntry);
        const draft = prepare(history);
        const last = this.s.last.get(documentId) as { seq: number; hash: string } | undefined;
        const record = sealDecisionEntry(draft, documentId, decisionId, last);
        this.s.insert.run(record);
        return record;
      },
    );
  }

  async append(documentId: string, decisionId: string, prepare: (history: DecisionEntryRecord[]) => DecisionEntryDraft): Promise<DecisionEntryRecord> {
    return this.appendTransaction.immediate(documentId, decisionId, prepare);
  }

  async listDocumentEntries(documentId: string): Promise<DecisionEntryRecord[]> {
    return (this.s.byDocument.all(documentId) as Row[]).map(toDecisionEntry);
  }

  async listDecisionEntries(decisionId: string): Promise<DecisionEntryRecord[]> {
    return (this.s.byDecision.all(decisionId) as Row[]).map(toDecisionEntry);
  }

  async documentOfDecision(decisionId: string): Promise<string | null> {
    const row = this.s.documentOf.get(decisionId) as { document_id: string } | undefined;
    return row ? String(row.document_id) : null;
  }
}
