/** Reading the sign-off chain: who was asked, who answered what, and whether it verifies. */
import crypto from 'node:crypto';
import { canonicalJson } from '../decisions/canonicalJson';
import { SIGNOFF_GENESIS, type SignoffEntryRecord } from './lifecycleStore';

/** The hash of an entry: SHA-256 of the canonical JSON of every stored field but the hash. */
export function sealSignoff(entry: Omit<SignoffEntryRecord, 'hash'>): string {
  return crypto.createHash('sha256').update(canonicalJson({ v: 1, ...entry }), 'utf8').digest('hex');
}

export interface SignerState {
  userId: string;
  status: 'asked' | 'approved' | 'declined';
  comment: string | null;
  at: number | null;
}

export function payloadOf(entry: SignoffEntryRecord): Record<string, unknown> {
  return JSON.parse(entry.payload) as Record<string, unknown>;
}

/** The latest answer of everyone asked, in the order they were asked. */
export function signerStatuses(entries: SignoffEntryRecord[]): SignerState[] {
  const states = new Map<string, SignerState>();
  for (const entry of entries) {
    const payload = payloadOf(entry);
    if (entry.kind === 'requested') {
      for (const id of (payload.signers as string[]) ?? []) if (!states.has(id)) states.set(id, { userId: id, status: 'asked', comment: null, at: null });
    } else if (states.has(entry.actorId)) {
      states.set(entry.actorId, { userId: entry.actorId, status: entry.kind, comment: (payload.comment as string | null) ?? null, at: entry.createdAt });
    }
  }
  return [...states.values()];
}

export function verifySignoffChain(entries: SignoffEntryRecord[]): { ok: boolean; entries: number; brokenAt?: number } {
  let previous = SIGNOFF_GENESIS;
  for (const [index, entry] of entries.entries()) {
    const { hash, ...unsealed } = entry;
    if (entry.seq !== index + 1 || entry.prevHash !== previous || sealSignoff(unsealed) !== hash) return { ok: false, entries: entries.length, brokenAt: index + 1 };
    previous = hash;
  }
  return { ok: true, entries: entries.length };
}
