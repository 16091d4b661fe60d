/** Decision entries for both adapters: a stored row as a record, and the next entry of a chain sealed with its hash. */
import type { DecisionEntryKind, Role } from '../../../../shared/src/index';
import { canonicalJson } from '../../decisions/canonicalJson';
import type { DecisionEntryDraft, DecisionEntryRecord } from '../../decisions/decisionStore';
import { GENESIS_HASH, entryHash } from '../../decisions/hashChain';
import type { Row } from '../sqlite/rows';

/** Maps a row as stored, repairing nothing: verification must see exactly what is stored. */
export function toDecisionEntry(row: Row): DecisionEntryRecord {
  return {
    id: String(row.id),
    documentId: String(row.document_id),
    decisionId: String(row.decision_id),
    seq: Number(row.seq),
    kind: String(row.kind) as DecisionEntryKind,
    authorId: String(row.author_id),
    authorRole: String(row.author_role) as Role,
    payload: String(row.payload),
    prevHash: String(row.prev_hash),
    hash: String(row.hash),
    createdAt: Number(row.created_at),
  };
}

/** The next entry of a document's chain, sealed: after `last` (its seq and hash), or the first one after the genesis hash. */
export function sealDecisionEntry(
  draft: DecisionEntryDraft,
  documentId: string,
  decisionId: string,
  last: Row | null | undefined,
): DecisionEntryRecord {
  const unhashed = {
    id: draft.id,
    documentId,
    decisionId,
    seq: (last ? Number(last.seq) : 0) + 1,
    kind: draft.kind,
    authorId: draft.authorId,
    authorRole: draft.authorRole,
    payload: canonicalJson(draft.payload),
    prevHash: last ? String(last.hash) : GENESIS_HASH,
    createdAt: draft.createdAt,
  };
  return { ...unhashed, hash: entryHash(unhashed) };
}
