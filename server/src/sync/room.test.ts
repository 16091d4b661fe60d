import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { buildRoom } from './loadRoom';
import { Room } from './room';

/** Three successive updates of one text, as three instances' clients might have written them. */
function threeUpdates(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  doc.getText('t').insert(0, 'one;');
  doc.getText('t').insert(4, 'two;');
  doc.getText('t').insert(8, 'three;');
  return updates;
}

const entry = (seq: number, update: Uint8Array) => ({ seq, update, sender: null });

describe('Room sequence tracking', () => {
  it('counts only a contiguous prefix as applied when updates arrive out of order', () => {
    const [u1, u2, u3] = threeUpdates() as [Uint8Array, Uint8Array, Uint8Array];
    const room = new Room('d');
    room.applyStored([entry(3, u3)]);
    expect(room.lastSeq).toBe(0);
    expect(room.hasGap).toBe(true);
    expect(room.gapEnd).toBe(3);
    room.applyStored([entry(1, u1)]);
    expect(room.lastSeq).toBe(1);
    expect(room.gapEnd).toBe(3);
    room.applyStored([entry(2, u2)]);
    expect(room.lastSeq).toBe(3);
    expect(room.hasGap).toBe(false);
    expect(room.doc.getText('t').toString()).toBe('one;two;three;');
    room.destroy();
  });

  it('skips an update it already applied, and keeps the full state current with every change', () => {
    const [u1, u2, u3] = threeUpdates() as [Uint8Array, Uint8Array, Uint8Array];
    const room = new Room('d');
    room.applyStored([entry(1, u1), entry(1, u1)]);
    const first = room.fullState();
    expect(room.fullState()).toBe(first);
    // A later update applied ahead of a gap changes the document but not lastSeq: the cached
    // state for joining clients must still follow.
    room.applyStored([entry(3, u3)]);
    expect(room.lastSeq).toBe(1);
    expect(room.fullState()).not.toBe(first);
    const size = room.sizeEstimate;
    expect(room.applyStored([entry(3, u3), entry(1, u1)])).toEqual([]);
    expect(room.sizeEstimate).toBe(size);
    room.applyStored([entry(2, u2)]);
    const joined = new Y.Doc();
    Y.applyUpdate(joined, room.fullState());
    expect(joined.getText('t').toString()).toBe('one;two;three;');
    room.destroy();
  });
});

describe('Room full state after loading', () => {
  const stored = (checkpoint: Uint8Array, tail: Uint8Array[]) => ({
    checkpoint: { documentId: 'd', seq: 1, state: checkpoint },
    tail: tail.map((update, i) => ({ documentId: 'd', seq: 2 + i, memberId: 'm', update, time: 0 })),
    bindings: [],
  });
  const textOf = (state: Uint8Array): string => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    return doc.getText('t').toString();
  };

  it('serves the stored checkpoint as it is when no log follows it, and encodes again after a change', () => {
    const [u1, u2] = threeUpdates() as [Uint8Array, Uint8Array];
    const room = buildRoom('d', stored(u1, []));
    expect(room.fullState()).toBe(u1);
    room.applyStored([entry(2, u2)]);
    expect(textOf(room.fullState())).toBe('one;two;');
  });

  it('encodes the whole document when a log tail follows the checkpoint', () => {
    const [u1, u2, u3] = threeUpdates() as [Uint8Array, Uint8Array, Uint8Array];
    const room = buildRoom('d', stored(u1, [u2, u3]));
    expect(room.fullState()).not.toBe(u1);
    expect(textOf(room.fullState())).toBe('one;two;three;');
    expect(room.lastSeq).toBe(3);
  });
});
