/**
 * One client's connection to one room: rate limiting, acknowledgement bookkeeping and the
 * queue of frames that arrive while the room is still loading.
 */
import type { CollabSocket, ConnectionOptions } from './connection';
import type { ConnectionAccess } from './hooks';
import { encodeSaved } from './frames';

/** Awareness is skipped for a peer whose socket has this much unsent data (it will catch up). */
const AWARENESS_BACKPRESSURE_BYTES = 4 * 1024 * 1024;

export class RoomConnection {
  /** Sync step-2 / update frames received from this client. */
  framesReceived = 0;
  /** Update frames of this connection appended or being appended, not yet acknowledged. */
  inFlight = 0;
  private acknowledged = 0;
  private tokens: number;
  private lastRefill: number;
  /** Frames received before the room finished loading, processed in order afterwards. */
  pending: Uint8Array[] | null = [];
  closed = false;
  /**
   * The stored checkpoint was sent before the room was built: an empty sync step 1 is then
   * answered with only what came after it (Room#loadedCheckpointVector).
   */
  answeredFromStorage = false;

  constructor(
    readonly documentId: string,
    readonly socket: CollabSocket,
    public access: ConnectionAccess,
    readonly options: ConnectionOptions,
    private readonly rate: { perSecond: number; burst: number; now: () => number },
  ) {
    this.tokens = rate.burst;
    this.lastRefill = rate.now();
  }

  /** Token bucket: false when the client sends faster than its allowance. */
  takeToken(): boolean {
    const now = this.rate.now();
    this.tokens = Math.min(this.rate.burst, this.tokens + ((now - this.lastRefill) / 1000) * this.rate.perSecond);
    this.lastRefill = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  send(message: Uint8Array): void {
    if (!this.closed) this.socket.send(message);
  }

  sendAwareness(message: Uint8Array): void {
    if (this.socket.bufferedAmount < AWARENESS_BACKPRESSURE_BYTES) this.send(message);
  }

  /** Tells an Ensemble client that its frames up to `upTo` are safely stored. */
  acknowledge(upTo: number, lastSeq: number): void {
    if (upTo <= this.acknowledged) return;
    this.acknowledged = upTo;
    if (this.options.ensembleClient) this.send(encodeSaved(upTo, lastSeq));
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.close(code, reason);
  }
}
