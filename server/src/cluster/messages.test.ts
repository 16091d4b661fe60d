import { describe, expect, it } from 'vitest';
import { encodeAwarenessUpdate } from '../sync/awarenessGuard';
import { RelayDecodeError, decodeBusMessage, decodeDocumentMessage, encodeBusMessage, encodeDocumentMessage } from './messages';

describe('relay messages', () => {
  it('round-trips every document message kind, binary-safe', () => {
    const update = new Uint8Array([0, 255, 1, 128, 0, 10, 13]);
    const updates = { kind: 'updates' as const, updates: [{ seq: 7, memberId: 'm-1', update, bindClients: [4_294_967_295, 1] }, { seq: 8, memberId: 'm-2', update: new Uint8Array([1]), bindClients: [] }] };
    expect(decodeDocumentMessage(encodeDocumentMessage('a', updates), 'd')).toEqual({ from: 'a', message: updates });
    const awareness = { kind: 'awareness' as const, update: encodeAwarenessUpdate([{ clientId: 5, clock: 2, state: { user: { name: 'Zoé' } } }, { clientId: 6, clock: 3, state: null }]) };
    expect(decodeDocumentMessage(encodeDocumentMessage('a', awareness), 'd')).toEqual({ from: 'a', message: awareness });
    expect(decodeDocumentMessage(encodeDocumentMessage('a', { kind: 'awareness-query' }), 'd').message).toEqual({ kind: 'awareness-query' });
    const notice = { kind: 'notice' as const, event: { kind: 'decisions', documentId: 'd', id: 'x' } };
    expect(decodeDocumentMessage(encodeDocumentMessage('a', notice), 'd').message).toEqual(notice);
  });

  it('refuses truncated, trailing, unknown and misaddressed document messages with a clear error', () => {
    const good = encodeDocumentMessage('a', { kind: 'updates', updates: [{ seq: 1, memberId: 'm', update: new Uint8Array([1, 2]), bindClients: [] }] });
    expect(() => decodeDocumentMessage(good.subarray(0, good.length - 1), 'd')).toThrow(RelayDecodeError);
    expect(() => decodeDocumentMessage(Buffer.concat([good, Buffer.from([0])]), 'd')).toThrow(/trailing bytes/);
    expect(() => decodeDocumentMessage(new Uint8Array([9, 1, 97]), 'd')).toThrow(/unknown kind 9/);
    expect(() => decodeDocumentMessage(new Uint8Array([]), 'd')).toThrow(RelayDecodeError);
    const zeroSeq = encodeDocumentMessage('a', { kind: 'updates', updates: [{ seq: 0, memberId: 'm', update: new Uint8Array([1]), bindClients: [] }] });
    expect(() => decodeDocumentMessage(zeroSeq, 'd')).toThrow(/bad update entry/);
    const elsewhere = encodeDocumentMessage('a', { kind: 'notice', event: { kind: 'comments', documentId: 'other' } });
    expect(() => decodeDocumentMessage(elsewhere, 'd')).toThrow(/another document/);
    // An awareness update whose state is not JSON.
    expect(() => decodeDocumentMessage(new Uint8Array([2, 1, 97, 5, 1, 7, 1, 1, 0x7b]), 'd')).toThrow(RelayDecodeError);
  });

  it('validates bus messages with their schema', () => {
    const message = { kind: 'end-connections' as const, filter: { sessionId: 's' }, code: 4401, reason: 'You have signed out.' };
    expect(decodeBusMessage(encodeBusMessage('b', message))).toEqual({ from: 'b', message });
    expect(() => decodeBusMessage('not json')).toThrow(RelayDecodeError);
    expect(() => decodeBusMessage(JSON.stringify({ from: 'b', message: { kind: 'end-connections', filter: {}, code: 4401, reason: '' } }))).toThrow(RelayDecodeError);
    expect(() => decodeBusMessage(JSON.stringify({ from: 'b', message: { kind: 'end-connections', filter: { memberId: 'u' }, code: 99, reason: '' } }))).toThrow(RelayDecodeError);
    expect(() => decodeBusMessage(JSON.stringify({ from: 'b', message: { kind: 'workshop', workshopId: 'w', revision: -1 } }))).toThrow(RelayDecodeError);
    expect(() => decodeBusMessage(JSON.stringify({ from: 'b', message: { kind: 'shutdown-everything' } }))).toThrow(RelayDecodeError);
  });
});
