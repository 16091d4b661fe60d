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
  checkpointScheduled = false;

  constructor(readonly documentId: string) {
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.relayAwareness);
  }

  /** Applies updates that are already durably stored, and relays them to everyone but their senders. */
  applyStored(updates: Array<{ update: Uint8Array; sender: RoomConnection | null }>, lastSeq: number): void {
    Y.transact(this.doc, () => {
      for (const { update } of updates) Y.applyUpdate(this.doc, update, 'log');
    });
    this.lastSeq = lastSeq;
    for (const { update } of updates) this.sizeEstimate += update.length;

    const senders = new Set(updates.map((u) => u.sender));
    const everything = mergeAll(updates.map((u) => u.update));
    const everythingMessage = encodeSyncUpdate(everything);
    for (const connection of this.connections) {
      if (!senders.has(connection)) {
        connection.send(everythingMessage);
        continue;
      }
      const others = updates.filter((u) => u.sender !== connection).map((u) => u.update);
      if (others.length > 0) connection.send(encodeSyncUpdate(mergeAll(others)));
    }
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

function mergeAll(updates: Uint8Array[]): Uint8Array {
  return updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates);
}
