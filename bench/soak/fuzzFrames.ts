/**
 * Hostile frames for the fuzz soak, each with the close code the server must answer with
 * (shared/src/protocol/closeCodes.ts), or `null` when the frame is well-formed and the
 * connection must stay open. Mutated frames are judged by an independent decode and
 * integration, plus the server's rule for what no honest client can send (`impossibleUpdate`).
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { CLOSE_CODES, MESSAGE_TYPES, SYNC_STEPS } from '../../shared/src/index';
import { impossibleUpdate } from '../../server/src/sync/frames';

export type FrameKind =
  | 'garbage'
  | 'unknown-sync-step'
  | 'truncated-frame'
  | 'truncated-update'
  | 'trailing-bytes'
  | 'mutated-update'
  | 'oversized'
  | 'text-frame'
  | 'bad-awareness'
  | 'valid-update'
  | 'valid-step1'
  | 'valid-awareness'
  | 'query-awareness';

export interface HostileFrame {
  kind: FrameKind;
  data: Uint8Array | string;
  expected: number | null;
}

function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_TYPES.sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

function awarenessFrame(clientId: number, clock: number, json: string): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, json);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_TYPES.awareness);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
  return encoding.toUint8Array(encoder);
}

function randomBytes(random: () => number, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
}

/** A real Yjs update of a few random edits by a fresh client. */
function realUpdate(random: () => number): Uint8Array {
  const doc = new Y.Doc();
  const text = doc.getText(random() < 0.5 ? 'bench' : 'default');
  const n = 1 + Math.floor(random() * 4);
  for (let i = 0; i < n; i++) text.insert(Math.floor(random() * (text.length + 1)), `fuzz${Math.floor(random() * 1e6)} `);
  if (text.length > 4 && random() < 0.5) text.delete(1, 2);
  if (random() < 0.3) doc.getMap('m').set('k', { n: random() });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/**
 * Would a careful decoder accept this sync payload as a complete Yjs update? (on a private
 * copy) It must decode, integrate into an empty document, and be something an honest Yjs
 * client can send.
 */
function decodesCompletely(payload: Uint8Array): boolean {
  try {
    const copy = new Uint8Array(payload);
    if (copy.length === 0) return false;
    const decoded = Y.decodeUpdate(copy);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, copy);
    doc.destroy();
    return impossibleUpdate(decoded) === null;
  } catch {
    return false;
  }
}

export function hostileFrame(random: () => number, maxMessageBytes: number): HostileFrame {
  const pick = random();
  const update = realUpdate(random);
  const frame = syncFrame(SYNC_STEPS.update, update);
  if (pick < 0.1) {
    // A message type the protocol does not have (single-byte varuint, not 0-3 or 100-101).
    const type = 4 + Math.floor(random() * 96);
    return { kind: 'garbage', data: Uint8Array.from([type, ...randomBytes(random, Math.floor(random() * 40))]), expected: CLOSE_CODES.malformed };
  }
  if (pick < 0.18) return { kind: 'unknown-sync-step', data: Uint8Array.from([0, 3 + Math.floor(random() * 120), ...randomBytes(random, 8)]), expected: CLOSE_CODES.malformed };
  if (pick < 0.3) return { kind: 'truncated-frame', data: frame.slice(0, 2 + Math.floor(random() * (frame.length - 3))), expected: CLOSE_CODES.malformed };
  if (pick < 0.42) {
    const cut = update.slice(0, Math.max(1, Math.floor(random() * (update.length - 1))));
    return { kind: 'truncated-update', data: syncFrame(SYNC_STEPS.update, cut), expected: decodesCompletely(cut) ? null : CLOSE_CODES.malformed };
  }
  if (pick < 0.48) return { kind: 'trailing-bytes', data: Uint8Array.from([...frame, ...randomBytes(random, 1 + Math.floor(random() * 8))]), expected: CLOSE_CODES.malformed };
  if (pick < 0.6) {
    const mutated = new Uint8Array(update);
    const flips = 1 + Math.floor(random() * 3);
    for (let i = 0; i < flips; i++) mutated[Math.floor(random() * mutated.length)] = Math.floor(random() * 256);
    return { kind: 'mutated-update', data: syncFrame(SYNC_STEPS.update, mutated), expected: decodesCompletely(mutated) ? null : CLOSE_CODES.malformed };
  }
  if (pick < 0.66) return { kind: 'oversized', data: syncFrame(SYNC_STEPS.update, randomBytes(random, maxMessageBytes + 1 + Math.floor(random() * 1000))), expected: CLOSE_CODES.tooLarge };
  if (pick < 0.7) return { kind: 'text-frame', data: 'hello ' + Math.floor(random() * 1e6), expected: CLOSE_CODES.malformed };
  if (pick < 0.76) {
    const json = random() < 0.5 ? '{"user": ' : '[1,2,3]';
    return { kind: 'bad-awareness', data: awarenessFrame(Math.floor(random() * 2 ** 30), 1, json), expected: CLOSE_CODES.malformed };
  }
  if (pick < 0.86) return { kind: 'valid-update', data: frame, expected: null };
  if (pick < 0.92) {
    const sv = encoding.createEncoder();
    encoding.writeVarUint(sv, 1);
    encoding.writeVarUint(sv, Math.floor(random() * 2 ** 30));
    encoding.writeVarUint(sv, Math.floor(random() * 1000));
    return { kind: 'valid-step1', data: syncFrame(SYNC_STEPS.step1, encoding.toUint8Array(sv)), expected: null };
  }
  if (pick < 0.97) return { kind: 'valid-awareness', data: awarenessFrame(Math.floor(random() * 2 ** 30), 1, JSON.stringify({ cursor: random() })), expected: null };
  return { kind: 'query-awareness', data: Uint8Array.from([MESSAGE_TYPES.queryAwareness]), expected: null };
}
