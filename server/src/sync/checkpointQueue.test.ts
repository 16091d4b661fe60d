import * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CheckpointQueue } from './checkpointQueue';
import { Room } from './room';

function roomWith(documentId: string, text: string, lastSeq: number): Room {
  const room = new Room(documentId);
  room.doc.getText('t').insert(0, text);
  room.lastSeq = lastSeq;
  return room;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('CheckpointQueue', () => {
  it('encodes one room per turn, each after the previous one has had its pause, and skips unloaded rooms', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setImmediate'] });
    const loaded = new Set<Room>();
    const saved: Array<{ id: string; seq: number; text: string }> = [];
    const queue = new CheckpointQueue(
      (room) => loaded.has(room),
      (room, seq, state) => {
        const doc = new Y.Doc();
        Y.applyUpdate(doc, state);
        saved.push({ id: room.documentId, seq, text: doc.getText('t').toString() });
      },
    );
    const [a, b, c] = [roomWith('a', 'first', 3), roomWith('b', 'second', 5), roomWith('c', 'third', 7)];
    loaded.add(a).add(c);
    for (const room of [a, b, c]) queue.add(room);
    expect([a, b, c].every((room) => room.checkpointScheduled)).toBe(true);
    expect(saved).toEqual([]);
    await vi.advanceTimersToNextTimerAsync();
    expect(saved).toEqual([{ id: 'a', seq: 3, text: 'first' }]);
    expect(a.checkpointSeq).toBe(3);
    await vi.runAllTimersAsync();
    // b was unloaded meanwhile (unloading writes its own checkpoint): skipped.
    expect(saved.map((s) => s.id)).toEqual(['a', 'c']);
    expect(b.checkpointScheduled).toBe(false);
    expect(c.checkpointSeq).toBe(7);
  });

  it('forgets what is queued when cleared, and drains later rooms one at a time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setImmediate'] });
    const saved: string[] = [];
    const queue = new CheckpointQueue(() => true, (room) => saved.push(room.documentId));
    const room = roomWith('a', 'x', 1);
    queue.add(room);
    queue.clear();
    await vi.runAllTimersAsync();
    expect(saved).toEqual([]);
    expect(room.checkpointScheduled).toBe(false);
    // Rooms queued after a clear are drained by one chain: one encoding, then a pause.
    queue.add(roomWith('x', 'x', 1));
    queue.add(roomWith('y', 'y', 1));
    await vi.advanceTimersToNextTimerAsync();
    expect(saved).toEqual(['x']);
    await vi.runAllTimersAsync();
    expect(saved).toEqual(['x', 'y']);
  });
});

describe('CheckpointQueue while the server is busy', () => {
  it('waits for a quiet moment, and writes anyway once the checkpoint has waited too long', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setImmediate', 'performance'] });
    const saved: string[] = [];
    let busy = true;
    const queue = new CheckpointQueue(() => true, (room) => saved.push(room.documentId), () => busy, 3, 1_000);
    queue.add(roomWith('a', 'x', 1));
    await vi.advanceTimersByTimeAsync(500);
    expect(saved).toEqual([]);
    busy = false;
    await vi.advanceTimersByTimeAsync(150);
    expect(saved).toEqual(['a']);

    busy = true;
    queue.add(roomWith('b', 'y', 2));
    await vi.advanceTimersByTimeAsync(900);
    expect(saved).toEqual(['a']);
    await vi.advanceTimersByTimeAsync(300);
    expect(saved).toEqual(['a', 'b']);
  });
});
