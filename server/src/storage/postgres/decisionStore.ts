/**
 * PostgreSQL adapter of the DecisionStore. An append takes the document's chain lock (an
 * advisory lock held until COMMIT) before it reads the decision's history and the chain's last
 * hash, so two appends, from this instance or another, never link to the same predecessor:
 * the chain cannot fork.
 */
import type pg from 'pg';
import type { DecisionEntryDraft, DecisionEntryRecord, DecisionStore } from '../../decisions/decisionStore';
import { LOCKS, lock, one, rows, transaction } from './database';
import { sealDecisionEntry, toDecisionEntry } from '../rows/decisionRows';

export class PostgresDecisionStore implements DecisionStore {
  constructor(private readonly pool: pg.Pool) {}

  async append(documentId: string, decisionId: string, prepare: (history: DecisionEntryRecord[]) => DecisionEntryDraft): Promise<DecisionEntryRecord> {
    return transaction(this.pool, async (client) => {
      await lock(client, LOCKS.decisionChain, documentId);
      const history = (
        await rows(client, 'SELECT * FROM decision_entries WHERE decision_id = $1 AND document_id = $2 ORDER BY seq', [decisionId, documentId])
      ).map(toDecisionEntry);
      const draft = prepare(history);
      const last = await one(client, 'SELECT seq, hash FROM decision_entries WHERE document_id = $1 ORDER BY seq DESC LIMIT 1', [documentId]);
      const record = sealDecisionEntry(draft, documentId, decisionId, last);
      await client.query(
        `INSERT INTO decision_entries (id, document_id, decision_id, seq, kind, author_id, author_role, payload, prev_hash, hash, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [record.id, record.documentId, record.decisionId, record.seq, record.kind, record.authorId, record.authorRole, record.payload, record.prevHash, record.hash, record.createdAt],
      );
      return record;
    });
  }

  async listDocumentEntries(documentId: string): Promise<DecisionEntryRecord[]> {
    return (await rows(this.pool, 'SELECT * FROM decision_entries WHERE document_id = $1 ORDER BY seq', [documentId])).map(toDecisionEntry);
  }

  async listDecisionEntries(decisionId: string): Promise<DecisionEntryRecord[]> {
    return (await rows(this.pool, 'SELECT * FROM decision_entries WHERE decision_id = $1 ORDER BY seq, document_id', [decisionId])).map(toDecisionEntry);
  }

  async documentOfDecision(decisionId: string): Promise<string | null> {
    const row = await one(this.pool, 'SELECT document_id FROM decision_entries WHERE decision_id = $1 ORDER BY seq LIMIT 1', [decisionId]);
    return row ? String(row.document_id) : null;
  }
}
