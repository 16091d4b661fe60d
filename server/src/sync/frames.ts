/**
 * Decoding and validation of incoming y-websocket frames (format in
 * shared/src/protocol/messages.ts). Anything that does not decode completely is malformed:
 * the caller closes the connection with 4400 and nothing reaches the log.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MESSAGE_TYPES, SYNC_STEPS } from '../../../shared/src/index';

export type IncomingFrame =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'update'; update: Uint8Array; empty: boolean; clients: number[] }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' }
  | { kind: 'ignored' };

export class MalformedFrameError extends Error {}

export function decodeFrame(data: Uint8Array): IncomingFrame {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    let frame: IncomingFrame;
    switch (type) {
      case MESSAGE_TYPES.sync: {
        const step = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (step === SYNC_STEPS.step1) {
          Y.decodeStateVector(payload);
          frame = { kind: 'sync-step1', stateVector: payload };
        } else if (step === SYNC_STEPS.step2 || step === SYNC_STEPS.update) {
          frame = { kind: 'update', update: payload, ...validateUpdate(payload) };
        } else {
          throw new MalformedFrameError(`unknown sync step ${step}`);
        }
        break;
      }
      case MESSAGE_TYPES.awareness:
        frame = { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
        break;
      case MESSAGE_TYPES.queryAwareness:
        frame = { kind: 'query-awareness' };
        break;
      case MESSAGE_TYPES.auth:
        // Permission messages are server -> client only; a client sending one is ignored.
        frame = { kind: 'ignored' };
        break;
      default:
        throw new MalformedFrameError(`unknown message type ${type}`);
    }
    if (decoding.hasContent(decoder) && frame.kind !== 'ignored') {
      throw new MalformedFrameError('trailing bytes after the message');
    }
    return frame;
  } catch (error) {
    if (error instanceof MalformedFrameError) throw error;
    throw new MalformedFrameError(error instanceof Error ? error.message : 'undecodable message');
  }
}

/**
 * Throws unless the bytes decode completely as a Yjs v1 update (every struct, its content and
 * the delete set: Yjs' decoder throws on truncated or unknown content) that an honest client
 * could have sent (`impossibleUpdate`). Returns whether the update changes nothing (a peer with
 * nothing to send answers sync step 1 that way) and the client ids under which it carries
 * content (for attribution).
 */
function validateUpdate(update: Uint8Array): { empty: boolean; clients: number[] } {
  if (update.length === 0) throw new MalformedFrameError('empty update');
  const decoded = Y.decodeUpdate(update);
  const problem = impossibleUpdate(decoded);
  if (problem) throw new MalformedFrameError(problem);
  const clients = new Set(decoded.structs.map((struct) => struct.id.client));
  return { empty: decoded.structs.length === 0 && decoded.ds.clients.size === 0, clients: [...clients] };
}

/**
 * Why no honest Yjs client could have sent this decoded update, or null. A client can only
 * build on what it wrote before: an item whose origin, right origin or parent is its own
 * client's item at the same or a later clock decodes, yet Yjs cannot integrate it (found by the
 * fuzz soak). And Yjs keeps a deletion of what it has not seen yet, but cannot re-encode an
 * empty one. Checking this costs nothing next to integrating the update into a scratch
 * document, which is how it was first caught. The fuzz soak judges its frames by it too.
 */
export function impossibleUpdate(decoded: ReturnType<typeof Y.decodeUpdate>): string | null {
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const { client, clock } = struct.id;
    const parent = struct.parent instanceof Y.ID ? struct.parent : null;
    for (const reference of [struct.origin, struct.rightOrigin, parent]) {
      if (reference && reference.client === client && reference.clock >= clock) return 'an item refers to its own or a later change';
    }
  }
  for (const ranges of decoded.ds.clients.values()) {
    if (ranges.some((range) => range.len < 1)) return 'an empty deletion';
  }
  return null;
}

function encodeSync(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_TYPES.sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export const encodeSyncStep1 = (stateVector: Uint8Array): Uint8Array => encodeSync(SYNC_STEPS.step1, stateVector);
export const encodeSyncStep2 = (update: Uint8Array): Uint8Array => encodeSync(SYNC_STEPS.step2, update);
export const encodeSyncUpdate = (update: Uint8Array): Uint8Array => encodeSync(SYNC_STEPS.update, update);

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_TYPES.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeSaved(acknowledgedFrames: number, lastSeq: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_TYPES.saved);
  encoding.writeVarUint(encoder, acknowledgedFrames);
  encoding.writeVarUint(encoder, lastSeq);
  return encoding.toUint8Array(encoder);
}

export function encodeRecordEvent(json: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_TYPES.record);
  encoding.writeVarString(encoder, json);
  return encoding.toUint8Array(encoder);
}
