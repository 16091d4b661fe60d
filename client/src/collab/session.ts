/**
 * One open document: its Y.Doc, the offline copy in IndexedDB, the WebSocket provider and the
 * save-status tracker. `destroy()` releases all of them; `discard()` also deletes the offline
 * copy (after the server refused a change from it).
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { CLOSE_CODES, ENSEMBLE_CLIENT_PARAM, MESSAGE_TYPES, RecordEventSchema, type AwarenessUser, type RecordEvent } from '../../../shared/src/index';
import { CountingWebSocket } from './CountingWebSocket';
import { SaveStatusTracker } from './saveStatus';
import { localCopyName } from './localCopies';

export interface CollabSession {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  status: SaveStatusTracker;
  /** The identity written to awareness; the server replaces it with the authenticated one. */
  localUser: AwarenessUser;
  /** Live notices that a record of this document changed (message type 101); returns an unsubscribe. */
  onRecord: (listener: (event: RecordEvent) => void) => () => void;
  /** Called once if the server refuses a change from this copy (close code 4422, ADR 0005). */
  onRefused: (listener: () => void) => () => void;
  /** Set on a session opened again after such a refusal, so the screen can say what happened. */
  reopenedAfterRefusal: boolean;
  destroy: () => void;
  /** Like destroy, and also deletes the offline copy, so the next session starts from the server's. */
  discard: () => Promise<void>;
}

/** How long to wait for the offline copy before connecting anyway. */
const LOCAL_COPY_WAIT_MS = 1500;

export function collabUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}

export function openCollabSession(documentId: string, localUser: AwarenessUser, reopenedAfterRefusal = false): CollabSession {
  const ydoc = new Y.Doc();
  const persistence = new IndexeddbPersistence(localCopyName(documentId), ydoc);
  const provider = new WebsocketProvider(collabUrl(), documentId, ydoc, {
    connect: false,
    params: { [ENSEMBLE_CLIENT_PARAM.name]: ENSEMBLE_CLIENT_PARAM.value },
    WebSocketPolyfill: CountingWebSocket,
  });
  provider.messageHandlers[MESSAGE_TYPES.saved] = (_encoder, decoder, current) => {
    const acknowledgedFrames = decoding.readVarUint(decoder);
    const lastSeq = decoding.readVarUint(decoder);
    if (current.ws instanceof CountingWebSocket) current.ws.acknowledge(acknowledgedFrames, lastSeq);
  };
  const status = new SaveStatusTracker(provider);
  const recordListeners = new Set<(event: RecordEvent) => void>();
  provider.messageHandlers[MESSAGE_TYPES.record] = (_encoder, decoder) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(decoding.readVarString(decoder));
    } catch {
      return;
    }
    const event = RecordEventSchema.safeParse(parsed);
    if (event.success) for (const listener of recordListeners) listener(event.data);
  };

  // A refused change stays in this copy and would be sent again: the copy must go (ADR 0005).
  const refusedListeners = new Set<() => void>();
  provider.on('closed', (event: { code: number }) => {
    if (event.code === CLOSE_CODES.suggestionRefused) for (const listener of refusedListeners) listener();
  });

  // Load the offline copy first, so unsent changes go out in the first sync with the server.
  let destroyed = false;
  let started = false;
  const timer = setTimeout(connect, LOCAL_COPY_WAIT_MS);
  persistence.whenSynced.then(connect, connect);
  function connect(): void {
    clearTimeout(timer);
    if (destroyed || started) return;
    started = true;
    provider.connect();
  }

  return {
    ydoc,
    provider,
    status,
    localUser,
    onRecord: (listener) => {
      recordListeners.add(listener);
      return () => recordListeners.delete(listener);
    },
    onRefused: (listener) => {
      refusedListeners.add(listener);
      return () => refusedListeners.delete(listener);
    },
    reopenedAfterRefusal,
    destroy: () => {
      release();
      void persistence.destroy();
      ydoc.destroy();
    },
    discard: async () => {
      release();
      try {
        await persistence.clearData();
      } finally {
        ydoc.destroy();
      }
    },
  };

  function release(): void {
    recordListeners.clear();
    refusedListeners.clear();
    destroyed = true;
    clearTimeout(timer);
    status.destroy();
    provider.destroy();
  }
}
