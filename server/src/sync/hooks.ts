/**
 * The typed hooks through which capabilities plug into the sync core. `sync/` knows nothing of
 * people, workspaces or permissions: it only asks these questions.
 */
import type * as Y from 'yjs';
import type { LoggedUpdate } from '../storage/store';

/** What the sync core knows about an authenticated, authorized connection. */
export interface ConnectionAccess {
  /** Stable id of the member; written as the author of every update this connection sends. */
  memberId: string;
  /** Opaque id of the session that opened the connection (to close it when the session ends). */
  sessionId: string;
  /** False for members who may read but not change content (viewers, commenters). */
  canWrite: boolean;
  /**
   * True for read-only members who may still propose changes (commenters in suggestion mode):
   * their updates go to `validateSuggestion` instead of being dropped.
   */
  canSuggest?: boolean;
  /** Identity stamped into this connection's awareness states (overrides what the client says). */
  identity: Record<string, unknown>;
}

export type UpdateVerdict =
  | { kind: 'accept' }
  /** Silently ignored (e.g. a viewer's offline edits); the frame is still acknowledged. */
  | { kind: 'drop' }
  /** The connection is closed with this code and reason; nothing is applied or stored. */
  | { kind: 'reject'; code: number; reason: string };

export interface UpdateContext {
  documentId: string;
  access: ConnectionAccess;
  /** The member a Yjs client id of this document is bound to, if any (who wrote an item). */
  clientOwner?(clientId: number): string | undefined;
  /**
   * Updates of this document already accepted but not yet applied to the room's doc (waiting
   * in the group commit), oldest first: a check against the doc must apply them first.
   */
  unapplied?(): Uint8Array[];
}

export interface SyncHooks {
  /**
   * Called for each well-formed update from a connection that may write, before it is stored.
   * Updates from read-only connections are dropped before any hook runs.
   */
  beforeApplyUpdate?(context: UpdateContext, update: Uint8Array): UpdateVerdict;
  /**
   * Called for each update from a read-only connection that may suggest, with the room's
   * current document (read it, never change it). Accept only what suggestion mode allows;
   * without this hook such updates are dropped like any read-only update.
   */
  validateSuggestion?(context: UpdateContext, update: Uint8Array, doc: Y.Doc): UpdateVerdict;
  /** Called after a batch has been durably appended and applied, before returning to the loop. */
  afterAppend?(entries: LoggedUpdate[]): void;
  /** Called when a connection joins a room and when it leaves (e.g. to record a visit). */
  onConnectionChange?(documentId: string, access: ConnectionAccess, change: 'opened' | 'closed'): void;
  /** Called when a room has been loaded from storage. */
  onRoomLoaded?(documentId: string, seq: number): void;
  /** Called when a room is unloaded after its last connection left. */
  onRoomUnloaded?(documentId: string): void;
}

/** An update as stored in the log, as one server instance tells the others (cluster/). */
export interface RelayedUpdate {
  seq: number;
  memberId: string;
  update: Uint8Array;
  /** Client ids this update bound to `memberId`. */
  bindClients: number[];
}

/** What one server instance tells the others about a document (cluster/). */
export type RelayedMessage =
  | { kind: 'updates'; updates: RelayedUpdate[] }
  | { kind: 'awareness'; update: Uint8Array }
  /** A newly loaded room asks for the presence of the people connected elsewhere. */
  | { kind: 'awareness-query' }
  | { kind: 'notice'; event: Record<string, unknown> };

/**
 * Carries a document's activity to the other server instances serving it (cluster/redisRelay.ts).
 * Without one, the sync core works alone, exactly as a single instance.
 */
export interface RoomRelay {
  /** Resolves once this instance receives the document's messages (before its room reads storage). */
  join(documentId: string): Promise<void>;
  leave(documentId: string): void;
  /** Called only with updates already durably stored. */
  publish(documentId: string, message: RelayedMessage): void;
}
