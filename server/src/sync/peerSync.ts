/**
 * Several server instances serving the same document (cluster/, docs/deployment.md). Each
 * instance publishes the updates it has durably stored, with their sequence numbers, and the
 * presence of its own clients; it applies what the others publish, without storing or
 * publishing it again. Updates may arrive in any order: a room's `lastSeq` only covers a
 * contiguous prefix, and a gap (a relayed message late, or lost while the connection to the
 * relay was down) is filled from the log after a short grace period.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Logger } from '../log';
import type { Store } from '../storage/store';
import type { RelayedMessage, RelayedUpdate, RoomRelay } from './hooks';
import type { Room } from './room';

/** Origin of awareness changes that came from another instance (never published again). */
export const REMOTE = Symbol('remote-instance');
/**
 * How long a gap may wait for the relayed message that fills it before the log is read. Relayed
 * messages normally arrive within milliseconds; on a loaded machine they can take much longer,
 * and reading the log for every late message would only load the database more.
 */
const GAP_GRACE_MS = 500;

export interface PeerRooms {
  loaded(documentId: string): Room | undefined;
  loading(documentId: string): Promise<Room> | undefined;
  all(): Iterable<Room>;
  /** After relayed updates were applied to a room (checkpoints). */
  changed(room: Room): void;
  /** Delivers a record notice to this instance's clients only. */
  notifyHere(documentId: string, event: Record<string, unknown>): void;
}

export class PeerSync {
  private readonly timers = new Map<Room, NodeJS.Timeout>();
  private readonly running = new Map<Room, Promise<void>>();
  private readonly again = new Set<Room>();

  constructor(
    private readonly relay: RoomRelay,
    private readonly store: Store,
    private readonly log: Logger,
    private readonly rooms: PeerRooms,
  ) {}

  /** Subscribes before the room reads storage, so no update falls between the read and the relay. */
  join(documentId: string): Promise<void> {
    return this.relay.join(documentId);
  }

  /** A room built on this instance: its clients' presence goes to the other instances. */
  roomLoaded(room: Room): void {
    room.awareness.on('update', (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin === REMOTE) return;
      const changed = [...change.added, ...change.updated, ...change.removed];
      if (changed.length === 0) return;
      this.relay.publish(room.documentId, { kind: 'awareness', update: awarenessProtocol.encodeAwarenessUpdate(room.awareness, changed) });
    });
    this.relay.publish(room.documentId, { kind: 'awareness-query' });
  }

  roomUnloaded(room: Room): void {
    const timer = this.timers.get(room);
    if (timer) clearTimeout(timer);
    this.timers.delete(room);
    this.leave(room.documentId);
  }

  /** Stops receiving a document's messages (its room unloaded, or failed to load). */
  leave(documentId: string): void {
    this.relay.leave(documentId);
  }

  /** Updates this instance has durably stored and applied: the other instances get them now. */
  stored(room: Room, updates: RelayedUpdate[]): void {
    this.relay.publish(room.documentId, { kind: 'updates', updates });
    this.scheduleRepair(room);
  }

  publishNotice(documentId: string, event: Record<string, unknown>): void {
    this.relay.publish(documentId, { kind: 'notice', event });
  }

  /** What another instance relayed; for a room still loading, applied once it is built. */
  receive(documentId: string, message: RelayedMessage): void {
    const room = this.rooms.loaded(documentId);
    if (room) return this.apply(room, message);
    this.rooms.loading(documentId)?.then(
      (loaded) => this.apply(loaded, message),
      () => undefined,
    );
  }

  /** Reads from the log whatever loaded rooms lack (after the relay reconnects, and now and then). */
  async catchUp(): Promise<void> {
    await Promise.all([...this.rooms.all()].map((room) => this.repair(room, 'all')));
  }

  private apply(room: Room, message: RelayedMessage): void {
    if (this.rooms.loaded(room.documentId) !== room) return;
    switch (message.kind) {
      case 'updates':
        this.applyUpdates(room, message.updates);
        this.scheduleRepair(room);
        return;
      case 'awareness':
        awarenessProtocol.applyAwarenessUpdate(room.awareness, message.update, REMOTE);
        return;
      case 'awareness-query': {
        const own = [...room.awarenessOwners.keys()].filter((clientId) => room.awareness.getStates().has(clientId));
        if (own.length > 0) this.relay.publish(room.documentId, { kind: 'awareness', update: awarenessProtocol.encodeAwarenessUpdate(room.awareness, own) });
        return;
      }
      case 'notice':
        this.rooms.notifyHere(room.documentId, message.event);
        return;
    }
  }

  private applyUpdates(room: Room, updates: RelayedUpdate[]): void {
    // Bindings are stored with their update: the stored owner wins over any claim not yet stored.
    for (const update of updates) for (const clientId of update.bindClients) room.clientOwners.set(clientId, update.memberId);
    const refused = room.applyStored(updates.map((u) => ({ update: u.update, sender: null, seq: u.seq })));
    for (const entry of refused) this.log.warn('update_not_applicable', { documentId: room.documentId, seq: entry.seq });
    this.rooms.changed(room);
  }

  /**
   * A gap waits a moment for the message that fills it, then is read from the log. With several
   * instances writing, short gaps open and close all the time; only one still open after the
   * grace period is read.
   */
  scheduleRepair(room: Room): void {
    const gapEnd = room.gapEnd;
    if (gapEnd === null || this.timers.has(room)) return;
    const timer = setTimeout(() => {
      this.timers.delete(room);
      if (this.rooms.loaded(room.documentId) !== room) return;
      if (room.lastSeq + 1 < gapEnd) void this.repair(room, 'gap');
      else this.scheduleRepair(room);
    }, GAP_GRACE_MS);
    timer.unref();
    this.timers.set(room, timer);
  }

  /**
   * Reads from the store what the room lacks after its contiguous prefix, and the bindings:
   * only the gap, or (`all`) everything after the prefix, for updates whose message never came.
   */
  repair(room: Room, scope: 'gap' | 'all'): Promise<void> {
    const running = this.running.get(room);
    if (running) {
      if (scope === 'all') this.again.add(room);
      return running;
    }
    const run = (async () => {
      await this.readMissing(room, scope);
      while (this.again.delete(room)) await this.readMissing(room, 'all');
    })()
      .catch((error: unknown) => this.log.error('gap_repair_failed', { documentId: room.documentId, error: String(error) }))
      .finally(() => this.running.delete(room));
    this.running.set(room, run);
    return run;
  }

  private async readMissing(room: Room, scope: 'gap' | 'all'): Promise<void> {
    const { documentId } = room;
    if (this.rooms.loaded(documentId) !== room) return;
    const from = room.lastSeq + 1;
    const gapEnd = room.gapEnd;
    if (scope === 'gap' && gapEnd === null) return;
    const logged = await this.store.readUpdates(documentId, from, scope === 'gap' && gapEnd !== null ? gapEnd - 1 : undefined);
    if (logged.length === 0) return;
    const bindings = await this.store.listClientBindings(documentId);
    if (this.rooms.loaded(documentId) !== room) return;
    for (const binding of bindings) room.clientOwners.set(binding.clientId, binding.memberId);
    const before = room.lastSeq;
    this.applyUpdates(room, logged.map((u) => ({ seq: u.seq, memberId: u.memberId, update: u.update, bindClients: [] })));
    if (room.lastSeq > before) this.log.info('log_caught_up', { documentId, from, to: room.lastSeq });
  }
}
