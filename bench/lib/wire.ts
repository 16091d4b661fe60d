/**
 * Each server's wire framing for raw-socket clients (syncProbe.ts, lightClient.ts): the socket
 * URL, and y-protocol messages with Hocuspocus' document-name prefix and authentication message.
 */
import * as encoding from 'lib0/encoding';
import type { RoomTarget } from './clients';

const MESSAGE_SYNC = 0;
const MESSAGE_AUTH = 2;
const SYNC_STEP1 = 0;
const SYNC_UPDATE = 2;

export function frame(target: RoomTarget, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  // Hocuspocus multiplexes documents on one socket: each message starts with the document name.
  if (target.kind === 'hocuspocus') encoding.writeVarString(encoder, target.room);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export function socketUrl(target: RoomTarget): string {
  if (target.kind === 'ensemble') return `${target.wsBase}/collab/${target.room}?token=${encodeURIComponent(target.token ?? '')}`;
  return target.kind === 'ystock' ? `${target.wsBase}/${target.room}` : target.wsBase;
}

/** Hocuspocus wants its token before anything else; the other servers take it in the URL. */
export function authFrame(target: RoomTarget): Uint8Array | null {
  if (target.kind !== 'hocuspocus') return null;
  return frame(target, (e) => {
    encoding.writeVarUint(e, MESSAGE_AUTH);
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, target.token ?? '');
  });
}

export function syncStep1Frame(target: RoomTarget, stateVector: Uint8Array): Uint8Array {
  return frame(target, (e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, SYNC_STEP1);
    encoding.writeVarUint8Array(e, stateVector);
  });
}

export function updateFrame(target: RoomTarget, update: Uint8Array): Uint8Array {
  return frame(target, (e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, SYNC_UPDATE);
    encoding.writeVarUint8Array(e, update);
  });
}
