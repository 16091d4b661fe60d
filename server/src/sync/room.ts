/**
 * One loaded document: its Y.Doc (the merge of every logged update up to `lastSeq`, plus any
 * later ones already applied), the awareness of who is here, and the live connections.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { decodeAwarenessUpdate, encodeAwarenessUpdate, stampIdentity } from './awarenessGuard';
import type { RoomConnection } from './roomConnection';
import { encodeAwareness, encodeSyncUpdate } from './frames';

export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<RoomConnection>();
  /** The member each Yjs client id of this document is bound to (attribution). */
  readonly clientOwners = new Map<number, string>();
  /** Which connection owns each awareness client id. */
  readonly awarenessOwners = new Map<number, RoomConnection>();
  /**
   * Every logged update up to this sequence number is applied (a contiguous prefix). With
   * several server instances writing the same log, a later update can arrive before an earlier
   * one: it is applied at once and waits in `ahead` until the gap is filled.
   */
  lastSeq = 0;
  /** Sequence numbers above `lastSeq` already applied. */
  private readonly ahead = new Set<number>();
  /** Counts changes applied, so the cached full state follows every one of them. */
  private version = 0;
  checkpointSeq = 0;
  /** Upper bound of the encoded document size: checkpoint size plus the log since. */
  sizeEstimate = 0;
  /** Bytes of the latest checkpoint's state: a new one is worth writing once the log after it is a good part of that. */
  checkpointBytes = 0;
  /**
   * State vector of the stored checkpoint the room was built from: what a client sent that
   * checkpoint before the room was ready already has (loadRoom.ts, RoomManager).
   */
  loadedCheckpointVector: Uint8Array | null = null;
  unloadTimer: NodeJS.Timeout | null = null;
  private fullStateCache: { version: number; state: Uint8Array } | null = null;
  checkpointScheduled = false;

  /**
   * Whether a new checkpoint is worth writing: `every` updates since the last one, and a log
   * since it at least as large as it. Each checkpoint writes (and first encodes, holding the
   * event loop) the whole state, so this keeps checkpoints at ~2× the log's own bytes however
   * large the document grows, and loading replays at most about one document's worth of log.
   */
  wantsCheckpoint(every: number): boolean {
    if (this.checkpointScheduled || this.lastSeq - this.checkpointSeq < every) return false;
    return this.sizeEstimate - this.checkpointBytes >= this.checkpointBytes;
  }

  /**
   * Applies a client's awareness update: a connection may only change the client ids it owns
   * (the first to announce one owns it), and its server-checked identity is stamped in.
   */
  applyAwarenessFrom(connection: RoomConnection, update: Uint8Array): void {
    const entries = decodeAwarenessUpdate(update).filter((entry) => {
      const owner = this.awarenessOwners.get(entry.clientId);
      if (owner && owner !== connection) return false;
      if (!owner && entry.state !== null) this.awarenessOwners.set(entry.clientId, connection);
      return true;
    });
    if (entries.length === 0) return;
    const stamped = stampIdentity(entries, connection.access.identity);
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate(stamped), connection);
  }

  /** Records a checkpoint of the whole state, `bytes` long, taken at `seq`. */
  checkpointed(seq: number, bytes: number): void {
    this.checkpointSeq = seq;
    this.sizeEstimate = bytes;
    this.checkpointBytes = bytes;
  }

  constructor(readonly documentId: string) {
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.relayAwareness);
  }

  /**
   * Applies updates that are already durably stored, and relays what they changed, as the one
   * update Yjs emits for the batch, to every connection but a lone sender. Returns the updates
   * that Yjs refused to apply (they stay in the log; loading skips them the same way).
   */
  applyStored<T extends { update: Uint8Array; sender: RoomConnection | null; seq: number }>(entries: T[]): T[] {
    // An update already applied (relayed, then read again while repairing a gap) is skipped.
    const seen = new Set<number>();
    const updates = entries.filter((e) => {
      if (e.seq <= this.lastSeq || this.ahead.has(e.seq) || seen.has(e.seq)) return false;
      seen.add(e.seq);
      return true;
    });
    if (updates.length === 0) return [];
    let changes: Uint8Array | null = null;
    const capture = (update: Uint8Array): void => {
      changes = update;
    };
    const refused: T[] = [];
    this.doc.on('update', capture);
    try {
      Y.transact(this.doc, () => {
        for (const entry of updates) {
          if (!applySafely(this.doc, entry.update)) refused.push(entry);
        }
      });
    } finally {
      this.doc.off('update', capture);
    }
    for (const { seq } of updates) this.ahead.add(seq);
    while (this.ahead.delete(this.lastSeq + 1)) this.lastSeq++;
    this.version++;
    for (const { update } of updates) this.sizeEstimate += update.length;
    if (changes === null) return refused;
    const senders = new Set(updates.map((u) => u.sender));
    const message = encodeSyncUpdate(changes);
    for (const connection of this.connections) {
      // A lone sender already has all of it; with several senders each gets the whole batch
      // (their own part is a no-op for them), which is cheaper than one merge per sender.
      if (senders.size === 1 && senders.has(connection)) continue;
      connection.send(message);
    }
    return refused;
  }

  /** True when an update above `lastSeq` is applied but an earlier one has not arrived. */
  get hasGap(): boolean {
    return this.ahead.size > 0;
  }

  /** The lowest sequence number applied above the gap (the gap ends just before it), or null. */
  get gapEnd(): number | null {
    return this.ahead.size > 0 ? Math.min(...this.ahead) : null;
  }

  /**
   * Takes `state` as the whole document as it is now (a stored checkpoint with no log after
   * it), so the first client to join a freshly loaded room does not wait for an encoding.
   */
  knownFullState(state: Uint8Array): void {
    this.fullStateCache = { version: this.version, state };
  }

  /** The whole document as one update, encoded once per change for joining clients. */
  fullState(): Uint8Array {
    if (this.fullStateCache?.version !== this.version) this.fullStateCache = { version: this.version, state: Y.encodeStateAsUpdate(this.doc) };
    return this.fullStateCache.state;
  }

  allAwarenessMessage(): Uint8Array | null {
    const clients = Array.from(this.awareness.getStates().keys());
    if (clients.length === 0) return null;
    return encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
  }

  removeConnection(connection: RoomConnection): void {
    this.connections.delete(connection);
    const owned: number[] = [];
    for (const [clientId, owner] of this.awarenessOwners) {
      if (owner === connection) owned.push(clientId);
    }
    for (const clientId of owned) this.awarenessOwners.delete(clientId);
    if (owned.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, owned, connection);
  }

  destroy(): void {
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    this.awareness.off('update', this.relayAwareness);
    this.awareness.destroy();
    this.doc.destroy();
  }

  private readonly relayAwareness = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...change.added, ...change.updated, ...change.removed];
    if (changed.length === 0) return;
    const message = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    for (const connection of this.connections) {
      if (connection !== origin) connection.sendAwareness(message);
    }
  };
}

/**
 * Applies an update, or leaves the document as it was when Yjs throws: an update can decode
 * completely and still fail to integrate, and one such update must never stop a room.
 */
export function applySafely(doc: Y.Doc, update: Uint8Array): boolean {
  try {
    Y.applyUpdate(doc, update, 'log');
    return true;
  } catch {
    return false;
  }
}
