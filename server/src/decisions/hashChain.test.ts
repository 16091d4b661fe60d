import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson';
import type { DecisionEntryRecord } from './decisionStore';
import { GENESIS_HASH, entryHash, verifyChain } from './hashChain';

function chain(n: number): DecisionEntryRecord[] {
  const entries: DecisionEntryRecord[] = [];
  for (let i = 1; i <= n; i++) {
    const unhashed = {
      id: `e${i}`,
      documentId: 'd',
      decisionId: 'k',
      seq: i,
      kind: 'position' as const,
      authorId: 'u',
      authorRole: 'person' as const,
      payload: canonicalJson({ stance: 'agree', reason: null }),
      prevHash: entries.at(-1)?.hash ?? GENESIS_HASH,
      createdAt: i,
    };
    entries.push({ ...unhashed, hash: entryHash(unhashed) });
  }
  return entries;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: 'é' }, u: undefined })).toBe('{"a":{"c":"é","d":[true,null]},"b":1}');
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and reports its head', () => {
    const entries = chain(4);
    expect(verifyChain(entries)).toEqual({ ok: true, entries: 4, head: entries[3]!.hash });
    expect(verifyChain([])).toEqual({ ok: true, entries: 0, head: null });
  });

  it('reports a changed field, a recomputed hash and a missing entry where they happen', () => {
    const changed = chain(4);
    changed[1] = { ...changed[1]!, payload: '{"reason":null,"stance":"block"}' };
    expect(verifyChain(changed).brokenAt).toEqual({ seq: 2, entryId: 'e2', reason: 'hash-mismatch' });

    const rehashed = chain(4);
    const forged = { ...rehashed[1]!, createdAt: 99 };
    rehashed[1] = { ...forged, hash: entryHash(forged) };
    expect(verifyChain(rehashed).brokenAt).toEqual({ seq: 3, entryId: 'e3', reason: 'chain-link' });

    const missing = chain(4);
    missing.splice(2, 1);
    expect(verifyChain(missing).brokenAt).toEqual({ seq: 3, entryId: 'e4', reason: 'sequence' });
  });
});
