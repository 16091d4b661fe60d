/**
 * One loaded document: its Y.Doc (always equal to the merge of every logged update up to
 * `lastSeq`), the awareness of who is here, and the live connections.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
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
  lastSeq = 0;
  checkpointSeq = 0;
  /** Upper bound of the encoded document size: checkpoint size plus the log since. */
  sizeEstimate = 0;
  unloadTimer: NodeJS.Timeout | null = null;
  private fullStateCache: { seq: number; state: Uint8Array } | null = null;
  checkpointScheduled = false;

  constructor(readonly documentId: string) {
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.relayAwareness);
  }

  /**
   * Applies updates that are already durably stored, and relays what they changed, as the one
   * update Yjs emits for the batch, to every connection but a lone sender. Returns the updates
   * that Yjs refused to apply (they stay in the log; loading skips them the same way).
   */
  applyStored<T extends { update: Uint8Array; sender: RoomConnection | null }>(updates: T[], lastSeq: number): T[] {
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
    this.lastSeq = lastSeq;
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

  /** The whole document as one update, encoded once per sequence number for joining clients. */
  fullState(): Uint8Array {
    if (this.fullStateCache?.seq !== this.lastSeq) this.fullStateCache = { seq: this.lastSeq, state: Y.encodeStateAsUpdate(this.doc) };
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
