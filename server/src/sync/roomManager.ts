/**
 * The sync core. Loads rooms on first connection and unloads them after the last one leaves;
 * turns each client frame into a sync answer, an awareness change or a logged update.
 * Accepted updates go through the group commit (groupCommit.ts): nothing is applied or relayed
 * that is not durably stored.
 */
import * as Y from 'yjs';
import { CLOSE_CODES } from '../../../shared/src/index';
import type { Store, StoredDocumentState } from '../storage/store';
import type { Logger } from '../log';
import type { CollabSocket, ConnectionOptions } from './connection';
import type { ConnectionAccess, RelayedUpdate, RoomRelay, SyncHooks, UpdateVerdict } from './hooks';
import { MalformedFrameError, decodeFrame, encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate } from './frames';
import { Room } from './room';
import { RoomConnection } from './roomConnection';
import { CheckpointQueue } from './checkpointQueue';
import { buildRoom, saveCheckpoint } from './loadRoom';
import { GroupCommit } from './groupCommit';
import { PeerSync } from './peerSync';
import { matchingConnections, sendRecordNotice, type ConnectionMatch } from './liveConnections';

export interface SyncLimits {
  maxMessageBytes: number;
  messagesPerSecond: number;
  messageBurst: number;
  maxDocumentBytes: number;
  checkpointEvery: number;
  roomUnloadDelayMs: number;
}

export type { ConnectionMatch } from './liveConnections';

export class RoomManager {
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly loaded = new Map<string, Room>();
  /** Stored states being read for rooms still loading. */
  private readonly loadingStates = new Map<string, Promise<StoredDocumentState>>();
  private readonly commits: GroupCommit;
  private readonly checkpoints: CheckpointQueue;
  /** The other server instances serving the same documents, when there are (cluster/). */
  private readonly peers: PeerSync | null;

  constructor(
    private readonly store: Store,
    private readonly hooks: SyncHooks,
    private readonly limits: SyncLimits,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
    relay: RoomRelay | null = null,
  ) {
    this.peers = relay
      ? new PeerSync(relay, store, log, {
          loaded: (documentId) => this.loaded.get(documentId),
          loading: (documentId) => this.rooms.get(documentId),
          all: () => this.loaded.values(),
          changed: (room) => this.maybeCheckpoint(room),
          notifyHere: (documentId, event) => this.notifyHere(documentId, event),
        })
      : null;
    const stored = (room: Room, updates: RelayedUpdate[]): void => {
      this.peers?.stored(room, updates);
      this.maybeCheckpoint(room);
    };
    // After a failed append, what other instances stored (and bound) is read again.
    const failed = (rooms: Room[]): void => rooms.forEach((room) => void this.peers?.repair(room, 'all'));
    this.commits = new GroupCommit(store, hooks, log, now, stored, (documentId) => this.loaded.get(documentId), failed);
    this.checkpoints = new CheckpointQueue(
      (room) => this.loaded.get(room.documentId) === room,
      (room, seq, state) => void saveCheckpoint(store, log, room.documentId, seq, state),
      () => this.commits.busy,
    );
  }

  /** Where the relay delivers what other instances publish (cluster/), when there is one. */
  get peerSync(): PeerSync | null {
    return this.peers;
  }

  /** Attaches an authorized socket to a document's room; returns the frame and close handlers. */
  connect(documentId: string, socket: CollabSocket, access: ConnectionAccess, options: ConnectionOptions) {
    const connection = new RoomConnection(documentId, socket, access, options, {
      perSecond: this.limits.messagesPerSecond,
      burst: this.limits.messageBurst,
      now: this.now,
    });
    const room = this.roomFor(documentId);
    // While the room is being built, a new client gets the stored document at once (cold load).
    this.loadingStates.get(documentId)?.then(
      (state) => this.answerFromStorage(connection, state),
      () => undefined,
    );
    room.then(
      (loadedRoom) => this.attach(loadedRoom, connection),
      (error: unknown) => {
        this.log.error('room_load_failed', { documentId, error: String(error) });
        connection.close(1011, 'The document could not be opened. Try again later.');
      },
    );
    return {
      receive: (data: Uint8Array) => this.receive(connection, data),
      closed: () => this.detach(connection),
    };
  }

  /** Closes every live connection that matches (access revoked, session ended). */
  disconnect(match: ConnectionMatch, code: number, reason: string): number {
    const connections = this.matching(match);
    for (const connection of connections) connection.close(code, reason);
    return connections.length;
  }

  /** Changes the access of live connections at once (e.g. an editor downgraded to viewer). */
  updateAccess(match: ConnectionMatch, patch: Partial<Omit<ConnectionAccess, 'memberId' | 'sessionId'>>): number {
    const connections = this.matching(match);
    for (const connection of connections) {
      const gainsWrite = patch.canWrite === true && !connection.access.canWrite;
      connection.access = { ...connection.access, ...patch };
      const room = this.loaded.get(connection.documentId);
      // Updates dropped while read-only left a gap in this client's history: ask it to resync,
      // so what it writes from now on can be integrated.
      if (gainsWrite && room) connection.send(encodeSyncStep1(Y.encodeStateVector(room.doc)));
    }
    return connections.length;
  }

  /**
   * Sends a record notice (message type 101) to the Ensemble clients connected to a document;
   * stock y-websocket clients never receive it. Returns how many connections were told.
   */
  notify(documentId: string, event: Record<string, unknown>, match?: ConnectionMatch): number {
    // A notice for everyone goes to the other instances too; a targeted one (access changes) is
    // decided by each instance for its own connections.
    if (!match) this.peers?.publishNotice(documentId, event);
    return this.notifyHere(documentId, event, match);
  }

  private notifyHere(documentId: string, event: Record<string, unknown>, match?: ConnectionMatch): number {
    const room = this.loaded.get(documentId);
    return room ? sendRecordNotice(room, event, match) : 0;
  }

  /** The distinct members connected to a document now. */
  membersOn(documentId: string): string[] {
    const room = this.loaded.get(documentId);
    return room ? [...new Set([...room.connections].filter((c) => !c.closed).map((c) => c.access.memberId))] : [];
  }

  /** Changes fields of the identity stamped into matching connections' awareness from now on. */
  updateIdentity(match: ConnectionMatch, fields: Record<string, unknown>): number {
    const connections = this.matching(match);
    for (const connection of connections) connection.access = { ...connection.access, identity: { ...connection.access.identity, ...fields } };
    return connections.length;
  }

  private matching(match: ConnectionMatch): RoomConnection[] {
    return matchingConnections(this.loaded.values(), match);
  }

  isLoaded(documentId: string): boolean {
    return this.loaded.has(documentId);
  }

  get loadedRoomCount(): number {
    return this.loaded.size;
  }

  /** Stops everything: closes connections, flushes what is pending, checkpoints loaded rooms. */
  async shutdown(code: number, reason: string): Promise<void> {
    for (const room of this.loaded.values()) {
      for (const connection of room.connections) connection.close(code, reason);
    }
    await this.commits.flush();
    this.checkpoints.clear();
    for (const room of [...this.loaded.values()]) await this.unload(room, true);
  }

  private roomFor(documentId: string): Promise<Room> {
    let room = this.rooms.get(documentId);
    if (!room) {
      // With other instances, subscribe first: nothing stored after the read can be missed.
      const state = this.peers ? this.peers.join(documentId).then(() => this.store.loadDocumentState(documentId)) : this.store.loadDocumentState(documentId);
      this.loadingStates.set(documentId, state);
      room = state
        // Built on a later turn, so that clients waiting for this document are answered first.
        .then((stored) => new Promise<StoredDocumentState>((resolve) => setImmediate(() => resolve(stored))))
        .then((stored) => {
          const loadedRoom = buildRoom(documentId, stored, (seq) => this.log.error('log_entry_skipped', { documentId, seq }));
          this.loaded.set(documentId, loadedRoom);
          this.peers?.roomLoaded(loadedRoom);
          this.hooks.onRoomLoaded?.(documentId, loadedRoom.lastSeq);
          return loadedRoom;
        })
        .finally(() => this.loadingStates.delete(documentId));
      room.catch(() => {
        this.rooms.delete(documentId);
        this.peers?.leave(documentId);
      });
      this.rooms.set(documentId, room);
    }
    return room;
  }

  /**
   * Sends the stored checkpoint as it is, without decoding it (decoding a large one is most of
   * a cold load): the server wrote it from a document it had applied, and the room is built
   * from the same bytes next. The log tail follows from the built room.
   */
  private answerFromStorage(connection: RoomConnection, state: StoredDocumentState): void {
    if (connection.closed || !connection.pending || !state.checkpoint) return;
    // An update message, not sync step 2: a provider marks itself synced on step 2, and the
    // checkpoint is not the whole document yet (the tail follows as step 2 once built).
    connection.send(encodeSyncUpdate(state.checkpoint.state));
    connection.answeredFromStorage = true;
  }

  private attach(room: Room, connection: RoomConnection): void {
    if (connection.closed) {
      this.scheduleUnload(room);
      return;
    }
    if (room.unloadTimer) {
      clearTimeout(room.unloadTimer);
      room.unloadTimer = null;
    }
    room.connections.add(connection);
    this.hooks.onConnectionChange?.(room.documentId, connection.access, 'opened');
    connection.send(encodeSyncStep1(Y.encodeStateVector(room.doc)));
    const awareness = room.allAwarenessMessage();
    if (awareness) connection.send(awareness);
    const queued = connection.pending ?? [];
    connection.pending = null;
    for (const data of queued) this.process(room, connection, data);
  }

  private receive(connection: RoomConnection, data: Uint8Array): void {
    if (connection.closed) return;
    if (data.byteLength > this.limits.maxMessageBytes) {
      connection.close(CLOSE_CODES.tooLarge, `Message too large (limit ${this.limits.maxMessageBytes} bytes).`);
      return;
    }
    if (!connection.takeToken()) {
      connection.close(CLOSE_CODES.tooManyMessages, 'Too many messages: slow down and try again later.');
      return;
    }
    if (connection.pending) {
      connection.pending.push(data);
      return;
    }
    const room = this.loaded.get(connection.documentId);
    if (room) this.process(room, connection, data);
  }

  private process(room: Room, connection: RoomConnection, data: Uint8Array): void {
    if (connection.closed) return;
    try {
      const frame = decodeFrame(data);
      switch (frame.kind) {
        case 'sync-step1': {
          const fromScratch = Y.decodeStateVector(frame.stateVector).size === 0;
          // A client already sent the checkpoint from storage only needs what came after it.
          const known = fromScratch && connection.answeredFromStorage ? room.loadedCheckpointVector : null;
          connection.answeredFromStorage = false;
          const answer = known ? Y.encodeStateAsUpdate(room.doc, known) : fromScratch ? room.fullState() : Y.encodeStateAsUpdate(room.doc, frame.stateVector);
          connection.send(encodeSyncStep2(answer));
          return;
        }
        case 'update':
          connection.framesReceived++;
          if (frame.empty) return this.acknowledgeDropped(room, connection);
          return this.acceptUpdate(room, connection, frame.update, frame.clients);
        case 'awareness':
          return room.applyAwarenessFrom(connection, frame.update);
        case 'query-awareness': {
          const message = room.allAwarenessMessage();
          if (message) connection.send(message);
          return;
        }
        case 'ignored':
          return;
      }
    } catch (error) {
      if (!(error instanceof MalformedFrameError)) throw error;
      this.log.warn('malformed_frame', { documentId: room.documentId, memberId: connection.access.memberId, detail: error.message });
      connection.close(CLOSE_CODES.malformed, `Malformed message: ${error.message}.`);
    }
  }

  private acceptUpdate(room: Room, connection: RoomConnection, update: Uint8Array, clients: number[]): void {
    // Read-only connections never write, whatever a hook says (hooks may only refuse more); the
    // one exception is a suggestion the suggestion hook has checked.
    const context = {
      documentId: room.documentId,
      access: connection.access,
      clientOwner: (clientId: number) => room.clientOwners.get(clientId),
      unapplied: () => this.commits.unappliedFor(room),
    };
    const verdict: UpdateVerdict = connection.access.canWrite
      ? (this.hooks.beforeApplyUpdate?.(context, update) ?? { kind: 'accept' })
      : connection.access.canSuggest && this.hooks.validateSuggestion
        ? this.hooks.validateSuggestion(context, update, room.doc)
        : { kind: 'drop' };
    if (verdict.kind === 'reject') {
      connection.close(verdict.code, verdict.reason);
      return;
    }
    if (verdict.kind === 'drop') return this.acknowledgeDropped(room, connection);
    if (room.sizeEstimate + update.length > this.limits.maxDocumentBytes) {
      connection.close(CLOSE_CODES.tooLarge, `The document has reached its size limit (${this.limits.maxDocumentBytes} bytes).`);
      return;
    }
    // Attribution is earned: content under a client id bound to someone else is forged.
    const memberId = connection.access.memberId;
    const bindClients: number[] = [];
    for (const clientId of clients) {
      const owner = room.clientOwners.get(clientId);
      if (owner === undefined) bindClients.push(clientId);
      else if (owner !== memberId) {
        this.log.warn('client_id_taken', { documentId: room.documentId, memberId, clientId });
        connection.close(CLOSE_CODES.clientIdTaken, 'Refused: this change is signed with another person’s editing identity.');
        return;
      }
    }
    // Claimed now so that a concurrent claim in the same batch is refused; released if the append fails.
    for (const clientId of bindClients) room.clientOwners.set(clientId, memberId);
    connection.inFlight++;
    this.commits.enqueue({ room, memberId, connection, update, frame: connection.framesReceived, bindClients });
  }

  /**
   * Appends a change made by the server on a member's behalf (a restore, a template), then
   * applies and relays it like any other. The update must use client ids not yet bound to
   * anyone else. Resolves with its sequence number once durably stored.
   */
  async submit(documentId: string, memberId: string, update: Uint8Array): Promise<number> {
    const frame = decodeFrame(encodeSyncUpdate(update));
    if (frame.kind !== 'update') throw new MalformedFrameError('not an update');
    const room = await this.roomFor(documentId);
    const bindClients = frame.clients.filter((clientId) => !room.clientOwners.has(clientId));
    if (frame.clients.some((clientId) => (room.clientOwners.get(clientId) ?? memberId) !== memberId)) {
      throw new MalformedFrameError('the update uses a client id bound to another member');
    }
    for (const clientId of bindClients) room.clientOwners.set(clientId, memberId);
    const seq = await new Promise<number>((stored, failed) =>
      this.commits.enqueue({ room, memberId, connection: null, update, frame: 0, bindClients, stored, failed }),
    );
    this.scheduleUnload(room);
    return seq;
  }


  private acknowledgeDropped(room: Room, connection: RoomConnection): void {
    if (connection.inFlight === 0) connection.acknowledge(connection.framesReceived, room.lastSeq);
  }

  private detach(connection: RoomConnection): void {
    connection.closed = true;
    const room = this.loaded.get(connection.documentId);
    if (!room) return;
    if (room.connections.has(connection)) this.hooks.onConnectionChange?.(room.documentId, connection.access, 'closed');
    room.removeConnection(connection);
    this.scheduleUnload(room);
  }

  private scheduleUnload(room: Room): void {
    if (room.connections.size > 0 || room.unloadTimer) return;
    room.unloadTimer = setTimeout(() => {
      room.unloadTimer = null;
      if (room.connections.size === 0) void this.unload(room);
    }, this.limits.roomUnloadDelayMs);
    room.unloadTimer.unref();
  }

  private async unload(room: Room, force = false): Promise<void> {
    if (this.commits.hasPendingFor(room)) await this.commits.flush();
    if ((room.connections.size > 0 && !force) || this.loaded.get(room.documentId) !== room) return;
    // Forget the room first: a connection arriving now loads a fresh one from the log.
    this.loaded.delete(room.documentId);
    this.rooms.delete(room.documentId);
    const needsCheckpoint = room.lastSeq > room.checkpointSeq;
    const state = needsCheckpoint ? Y.encodeStateAsUpdate(room.doc) : null;
    const seq = room.lastSeq;
    this.peers?.roomUnloaded(room);
    room.destroy();
    this.hooks.onRoomUnloaded?.(room.documentId);
    if (state) await saveCheckpoint(this.store, this.log, room.documentId, seq, state);
  }

  private maybeCheckpoint(room: Room): void {
    if (room.wantsCheckpoint(this.limits.checkpointEvery)) this.checkpoints.add(room);
  }
}
