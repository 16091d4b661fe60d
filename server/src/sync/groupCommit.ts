/**
 * Group commit: the updates accepted during one event-loop turn, across all rooms, are appended
 * in one transaction; only once that has committed are they applied to their rooms and
 * relayed, one merged message per recipient, and acknowledged to their senders.
 *
 * Under load (the previous batch held several updates), a batch is also held until
 * `COMMIT_WINDOW_MS` after the previous one started: a quiet room commits at once, a busy
 * server commits a few times per window instead of once per turn, which costs each update at
 * most that much latency and saves a commit, a Yjs transaction and one message per recipient
 * for every turn folded into the batch.
 */
import { CLOSE_CODES } from '../../../shared/src/index';
import type { Logger } from '../log';
import type { Store } from '../storage/store';
import type { RelayedUpdate, SyncHooks } from './hooks';
import type { Room } from './room';
import type { RoomConnection } from './roomConnection';

export interface PendingUpdate {
  room: Room;
  memberId: string;
  /** The sending connection, or null for a change made by the server on a member's behalf. */
  connection: RoomConnection | null;
  update: Uint8Array;
  frame: number;
  bindClients: number[];
  stored?: (seq: number) => void;
  failed?: (error: unknown) => void;
}

/** Shortest time between the starts of two batches (ms). */
export const COMMIT_WINDOW_MS = 4;
/** A batch of several updates this recently means the server is busy (ms). */
const BUSY_WITHIN_MS = 50;

export class GroupCommit {
  private pending: PendingUpdate[] = [];
  /** The batch being appended now: stored soon, not applied to its rooms yet. */
  private appending: PendingUpdate[] = [];
  private scheduled = false;
  private flushing: Promise<void> = Promise.resolve();
  private lastFlushStart = -Infinity;
  private lastBatchSize = 0;

  constructor(
    private readonly store: Store,
    private readonly hooks: SyncHooks,
    private readonly log: Logger,
    private readonly now: () => number,
    /** Called once per room after its part of a batch is stored and applied (checkpoints, relay). */
    private readonly afterApply: (room: Room, stored: RelayedUpdate[]) => void,
    private readonly roomOf: (documentId: string) => Room | undefined,
    /** Called when an append failed, with the rooms of the batch. */
    private readonly afterFailure: (rooms: Room[]) => void = () => {},
  ) {}

  enqueue(entry: PendingUpdate): void {
    this.pending.push(entry);
    if (this.scheduled) return;
    this.scheduled = true;
    const wait = this.lastFlushStart + COMMIT_WINDOW_MS - performance.now();
    if (wait > 0 && this.lastBatchSize > 1) setTimeout(() => void this.flush(), wait);
    else setImmediate(() => void this.flush());
  }

  /** Whether updates are arriving faster than one batch per turn (the last batch, recently, held several). */
  get busy(): boolean {
    return this.lastBatchSize > 1 && performance.now() - this.lastFlushStart < BUSY_WITHIN_MS;
  }

  hasPendingFor(room: Room): boolean {
    return this.pending.some((p) => p.room === room);
  }

  /** Updates accepted for a room but not yet applied to its doc, oldest first. */
  unappliedFor(room: Room): Uint8Array[] {
    return [...this.appending, ...this.pending].filter((p) => p.room === room).map((p) => p.update);
  }

  /** Appends every pending update in one transaction, then applies and relays them. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.flushPending());
    return this.flushing;
  }

  private async flushPending(): Promise<void> {
    this.scheduled = false;
    this.lastFlushStart = performance.now();
    const batch = this.pending;
    this.pending = [];
    this.lastBatchSize = batch.length;
    if (batch.length === 0) return;
    this.appending = batch;
    try {
      await this.appendAndApply(batch);
    } finally {
      this.appending = [];
    }
  }

  private async appendAndApply(batch: PendingUpdate[]): Promise<void> {
    const time = this.now();
    let seqs: number[];
    try {
      seqs = await this.store.appendUpdates(
        batch.map((p) => ({ documentId: p.room.documentId, memberId: p.memberId, update: p.update, time, bindClients: p.bindClients })),
      );
    } catch (error) {
      this.log.error('append_failed', { error: String(error), updates: batch.length });
      for (const p of batch) {
        for (const clientId of p.bindClients) p.room.clientOwners.delete(clientId);
        // Nothing was stored, applied or acknowledged: the clients keep their changes and resend on reconnect.
        p.connection?.close(1011, 'Your latest changes could not be saved. Reconnecting…');
        p.failed?.(error);
      }
      this.afterFailure([...new Set(batch.map((p) => p.room))]);
      return;
    }
    const byRoom = new Map<Room, Array<PendingUpdate & { seq: number }>>();
    batch.forEach((p, i) => {
      const list = byRoom.get(p.room) ?? [];
      list.push({ ...p, seq: seqs[i] as number });
      byRoom.set(p.room, list);
    });
    for (const [room, entries] of byRoom) {
      const refused = room.applyStored(entries.map((e) => ({ update: e.update, sender: e.connection, seq: e.seq })));
      for (const entry of refused) {
        this.log.warn('update_not_applicable', { documentId: room.documentId, seq: entry.seq });
        entry.sender?.close(CLOSE_CODES.malformed, 'Malformed message: the change cannot be applied to this document.');
      }
      this.afterApply(room, entries.map((e) => ({ seq: e.seq, memberId: e.memberId, update: e.update, bindClients: e.bindClients })));
    }
    const acknowledged = new Map<RoomConnection, number>();
    batch.forEach((p, i) => {
      p.stored?.(seqs[i] as number);
      if (!p.connection) return;
      p.connection.inFlight--;
      acknowledged.set(p.connection, Math.max(acknowledged.get(p.connection) ?? 0, p.frame));
    });
    for (const [connection, frame] of acknowledged) {
      const room = this.roomOf(connection.documentId);
      const upTo = connection.inFlight === 0 ? connection.framesReceived : frame;
      connection.acknowledge(upTo, room?.lastSeq ?? 0);
    }
    this.hooks.afterAppend?.(
      batch.map((p, i) => ({ documentId: p.room.documentId, seq: seqs[i] as number, memberId: p.memberId, update: p.update, time })),
    );
  }

}
