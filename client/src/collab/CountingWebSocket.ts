/**
 * The browser WebSocket, counting what "Saved" depends on. The server's `saved` message (type
 * 100) reports how many sync step-2 / update frames of THIS socket it has durably stored, so
 * the socket counts the same frames as it sends them; both counts start at 0 on each new socket.
 * Listeners hear `COUNTS_CHANGED` whenever either count moves.
 */
import * as decoding from 'lib0/decoding';
import { MESSAGE_TYPES, SYNC_STEPS } from '../../../shared/src/index';

export const COUNTS_CHANGED = 'ensemble:counts';

type SendData = Parameters<WebSocket['send']>[0];

function frameBytes(data: SendData): Uint8Array | null {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return null;
}

/** True for a y-protocols sync frame that carries document content (step 2 or update). */
export function isContentFrame(data: SendData): boolean {
  const bytes = frameBytes(data);
  if (!bytes || bytes.length < 2) return false;
  try {
    const decoder = decoding.createDecoder(bytes);
    if (decoding.readVarUint(decoder) !== MESSAGE_TYPES.sync) return false;
    const step = decoding.readVarUint(decoder);
    return step === SYNC_STEPS.step2 || step === SYNC_STEPS.update;
  } catch {
    return false;
  }
}

export class CountingWebSocket extends WebSocket {
  /** Content frames sent on this socket. */
  sentContentFrames = 0;
  /** Content frames the server confirmed as durably stored. */
  acknowledgedFrames = 0;
  /** The document's last stored sequence number, as last reported. */
  lastSeq = 0;

  override send(data: SendData): void {
    if (isContentFrame(data)) {
      this.sentContentFrames += 1;
      this.dispatchEvent(new Event(COUNTS_CHANGED));
    }
    super.send(data);
  }

  acknowledge(acknowledgedFrames: number, lastSeq: number): void {
    this.acknowledgedFrames = acknowledgedFrames;
    this.lastSeq = lastSeq;
    this.dispatchEvent(new Event(COUNTS_CHANGED));
  }

  /** Everything sent on this socket is stored. */
  get allAcknowledged(): boolean {
    return this.acknowledgedFrames >= this.sentContentFrames;
  }
}
