import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MalformedFrameError, decodeFrame, encodeSaved, encodeSyncStep1, encodeSyncUpdate } from './frames';
import { decodeAwarenessUpdate, encodeAwarenessUpdate, stampIdentity } from './awarenessGuard';

function update(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

describe('decodeFrame', () => {
  it('decodes sync step 1, updates and awareness queries', () => {
    expect(decodeFrame(encodeSyncStep1(Y.encodeStateVector(new Y.Doc()))).kind).toBe('sync-step1');
    const frame = decodeFrame(encodeSyncUpdate(update('hi')));
    expect(frame).toMatchObject({ kind: 'update', empty: false });
    expect(decodeFrame(encodeSyncUpdate(Y.encodeStateAsUpdate(new Y.Doc())))).toMatchObject({ kind: 'update', empty: true });
    expect(decodeFrame(new Uint8Array([3])).kind).toBe('query-awareness');
  });

  it('rejects truncated updates, unknown types and trailing bytes', () => {
    const full = encodeSyncUpdate(update('hello world'));
    expect(() => decodeFrame(full.slice(0, full.length - 3))).toThrow(MalformedFrameError);
    expect(() => decodeFrame(new Uint8Array([77]))).toThrow(/unknown message type/);
    expect(() => decodeFrame(new Uint8Array([...full, 1]))).toThrow(/trailing bytes/);
    expect(() => decodeFrame(new Uint8Array([0, 9, 0]))).toThrow(/unknown sync step/);
    expect(() => decodeFrame(new Uint8Array([]))).toThrow(MalformedFrameError);
  });

  it('rejects an update whose content does not decode', () => {
    const bad = update('abc');
    // Corrupt the bytes after the header: decoding must fail, never half-succeed.
    const corrupted = bad.map((b, i) => (i > 3 ? 0xff : b));
    expect(() => decodeFrame(encodeSyncUpdate(corrupted))).toThrow(MalformedFrameError);
  });

  it('encodes the saved acknowledgement as type 100', () => {
    expect(Array.from(encodeSaved(3, 42))).toEqual([100, 3, 42]);
  });
});

describe('awareness guard', () => {
  it('round-trips entries and stamps the authenticated identity over whatever the client said', () => {
    const entries = [
      { clientId: 7, clock: 2, state: { user: { name: 'Fake Doctor' }, cursor: 1 } },
      { clientId: 8, clock: 1, state: null },
    ];
    const decoded = decodeAwarenessUpdate(encodeAwarenessUpdate(entries));
    expect(decoded).toEqual(entries);
    const stamped = stampIdentity(decoded, { id: 'u1', name: 'Marie' });
    expect(stamped[0]!.state).toEqual({ user: { id: 'u1', name: 'Marie' }, cursor: 1 });
    expect(stamped[1]!.state).toBeNull();
  });

  it('rejects states that are not objects', () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarString(encoder, '[1,2]');
    expect(() => decodeAwarenessUpdate(encoding.toUint8Array(encoder))).toThrow(MalformedFrameError);
    expect(() => decodeAwarenessUpdate(new Uint8Array([1, 1, 1, 3, 0x7b]))).toThrow(MalformedFrameError);
  });
});
