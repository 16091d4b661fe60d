/**
 * Checkpoints of loaded rooms, one at a time. Encoding a large document holds the event loop
 * for tens of milliseconds; rooms that grow together (a busy workshop, the bench's ramp) reach
 * their thresholds together, and encoding them back to back held it for 150-200 ms. After each
 * encoding the queue waits `spacing` times as long as it took before the next, so checkpoints
 * take at most 1 / (1 + spacing) of the server's time and relays run in between.
 */
import * as Y from 'yjs';
import type { Room } from './room';

export class CheckpointQueue {
  private readonly queue: Room[] = [];
  private timer: NodeJS.Timeout | null = null;
  private busy = false;

  constructor(
    /** Whether a queued room is still the loaded one (an unloaded room checkpoints itself). */
    private readonly isLoaded: (room: Room) => boolean,
    private readonly save: (room: Room, seq: number, state: Uint8Array) => void,
    private readonly spacing = 3,
  ) {}

  add(room: Room): void {
    room.checkpointScheduled = true;
    this.queue.push(room);
    if (!this.busy) {
      this.busy = true;
      // After this turn's relays.
      setImmediate(() => this.next());
    }
  }

  /** Forgets what is queued (shutdown: every loaded room is checkpointed on unload). */
  clear(): void {
    for (const room of this.queue) room.checkpointScheduled = false;
    this.queue.length = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.busy = false;
  }

  private next(): void {
    this.timer = null;
    const room = this.queue.shift();
    if (!room) {
      this.busy = false;
      return;
    }
    room.checkpointScheduled = false;
    if (!this.isLoaded(room)) return this.next();
    const started = performance.now();
    // The room's doc holds every update up to lastSeq (and maybe later ones, which loading applies again harmlessly).
    const state = Y.encodeStateAsUpdate(room.doc);
    const seq = room.lastSeq;
    room.checkpointed(seq, state.length);
    this.save(room, seq, state);
    this.timer = setTimeout(() => this.next(), (performance.now() - started) * this.spacing);
    this.timer.unref();
  }
}
