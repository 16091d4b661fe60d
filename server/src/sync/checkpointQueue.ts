/**
 * Checkpoints of loaded rooms, one at a time. Encoding a large document holds the event loop
 * for tens of milliseconds; rooms that grow together (a busy workshop, the bench's ramp) reach
 * their thresholds together, and encoding them back to back held it for 150-200 ms. After each
 * encoding the queue waits `spacing` times as long as it took before the next, so checkpoints
 * take at most 1 / (1 + spacing) of the server's time and relays run in between. While the
 * server is busy relaying, a checkpoint waits for a quieter moment, `maxDelayMs` at most (a
 * checkpoint only bounds how much log a reload replays; nothing is lost by writing it later).
 */
import * as Y from 'yjs';
import type { Room } from './room';

/** How often a waiting checkpoint looks for a quiet moment (ms). */
const QUIET_CHECK_MS = 100;

export class CheckpointQueue {
  private readonly queue: Array<{ room: Room; since: number }> = [];
  private timer: NodeJS.Timeout | null = null;
  private draining = false;

  constructor(
    /** Whether a queued room is still the loaded one (an unloaded room checkpoints itself). */
    private readonly isLoaded: (room: Room) => boolean,
    private readonly save: (room: Room, seq: number, state: Uint8Array) => void,
    /** Whether the server is busy relaying now (GroupCommit#busy). */
    private readonly busyNow: () => boolean = () => false,
    private readonly spacing = 3,
    private readonly maxDelayMs = 10_000,
  ) {}

  add(room: Room): void {
    room.checkpointScheduled = true;
    this.queue.push({ room, since: performance.now() });
    if (!this.draining) {
      this.draining = true;
      // After this turn's relays.
      this.timer = setTimeout(() => this.next(), 0);
      this.timer.unref();
    }
  }

  /** Forgets what is queued (shutdown: every loaded room is checkpointed on unload). */
  clear(): void {
    for (const { room } of this.queue) room.checkpointScheduled = false;
    this.queue.length = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.draining = false;
  }

  private next(): void {
    this.timer = null;
    const first = this.queue[0];
    if (!first) {
      this.draining = false;
      return;
    }
    if (this.busyNow() && performance.now() - first.since < this.maxDelayMs) {
      this.later(QUIET_CHECK_MS);
      return;
    }
    this.queue.shift();
    const { room } = first;
    room.checkpointScheduled = false;
    if (!this.isLoaded(room)) return this.next();
    const started = performance.now();
    // The room's doc holds every update up to lastSeq (and maybe later ones, which loading applies again harmlessly).
    const state = Y.encodeStateAsUpdate(room.doc);
    const seq = room.lastSeq;
    room.checkpointed(seq, state.length);
    this.save(room, seq, state);
    this.later((performance.now() - started) * this.spacing);
  }

  private later(ms: number): void {
    this.timer = setTimeout(() => this.next(), ms);
    this.timer.unref();
  }
}
