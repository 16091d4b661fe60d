/**
 * The per-document hash chain of decision entries (ADR 0002). Each entry's hash is the SHA-256
 * of the canonical JSON of every stored field but the hash itself, including the previous
 * entry's hash; the first entry of a document links to GENESIS_HASH. Changing any stored field
 * of an entry changes its hash; recomputing that hash breaks the link of the next entry.
 */
import crypto from 'node:crypto';
import type { ChainVerification } from '../../../shared/src/index';
import { canonicalJson } from './canonicalJson';
import type { DecisionEntryRecord } from './decisionStore';

export const GENESIS_HASH = 'ensemble:decision-log:v1:genesis';
/** Bumped if the hashed fields ever change; old entries keep verifying with their version. */
const HASH_VERSION = 1;

export type UnhashedEntry = Omit<DecisionEntryRecord, 'hash'>;

export function entryHash(entry: UnhashedEntry): string {
  const canonical = canonicalJson({
    v: HASH_VERSION,
    id: entry.id,
    documentId: entry.documentId,
    decisionId: entry.decisionId,
    seq: entry.seq,
    kind: entry.kind,
    authorId: entry.authorId,
    authorRole: entry.authorRole,
    // The stored payload text itself, so that even a byte-level change of it is detected.
    payload: entry.payload,
    createdAt: entry.createdAt,
    prevHash: entry.prevHash,
  });
  return crypto.createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/**
 * Recomputes a document's chain from its stored entries (in stored `seq` order) and reports
 * the first position that fails: a missing or displaced entry (`sequence`), an entry whose
 * fields no longer match its hash (`hash-mismatch`), or a hash that does not link to the
 * previous one (`chain-link`).
 */
export function verifyChain(entries: DecisionEntryRecord[]): ChainVerification {
  let previous = GENESIS_HASH;
  for (const [index, entry] of entries.entries()) {
    const seq = index + 1;
    const at = (reason: NonNullable<ChainVerification['brokenAt']>['reason']): ChainVerification => ({
      ok: false,
      entries: entries.length,
      head: entries.at(-1)?.hash ?? null,
      brokenAt: { seq, entryId: entry.id, reason },
    });
    if (entry.seq !== seq) return at('sequence');
    if (entryHash(entry) !== entry.hash) return at('hash-mismatch');
    if (entry.prevHash !== previous) return at('chain-link');
    previous = entry.hash;
  }
  return { ok: true, entries: entries.length, head: entries.at(-1)?.hash ?? null };
}
