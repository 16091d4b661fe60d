/**
 * A light load client for the ramp: it speaks each server's wire protocol on a raw socket
 * (the same framing as syncProbe.ts), types into a Y.Doc of its own and sends each local
 * update as a y-protocol update message, but never applies what others send: it only reads
 * the latency markers from the bytes it receives. A full client applies every remote update,
 * so on a 2-core machine the generators, not the server, saturate first (at the same rate for
 * every server); with light clients the server's own work dominates. Its updates are valid
 * Yjs updates (insertions and deletions in its own text), integrated by the server like any
 * other client's concurrent edits.
 */
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { TEXT_NAME, type BenchClient, type RoomTarget } from './clients';

const MESSAGE_SYNC = 0;
const MESSAGE_AUTH = 2;
const SYNC_STEP1 = 0;
const SYNC_UPDATE = 2;

function frame(target: RoomTarget, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  if (target.kind === 'hocuspocus') encoding.writeVarString(encoder, target.room);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function socketUrl(target: RoomTarget): string {
  if (target.kind === 'ensemble') return `${target.wsBase}/collab/${target.room}?token=${encodeURIComponent(target.token ?? '')}`;
  return target.kind === 'ystock' ? `${target.wsBase}/${target.room}` : target.wsBase;
}

/**
 * `onMessage` receives every binary message as raw bytes (markers are ASCII inside the UTF-8
 * text of an update, so a latin1 view of the frame finds them).
 */
export function connectLightClient(target: RoomTarget, onMessage: (bytes: Buffer) => void): BenchClient {
  const doc = new Y.Doc();
  const text = doc.getText(TEXT_NAME);
  const ws = new WebSocket(socketUrl(target));
  ws.binaryType = 'nodebuffer';
  let resolveSynced: () => void = () => {};
  const synced = new Promise<void>((resolve) => (resolveSynced = resolve));
  ws.on('message', (data: Buffer) => {
    // The server's first sync message means the connection is admitted to the room.
    resolveSynced();
    onMessage(data);
  });
  ws.on('open', () => {
    if (target.kind === 'hocuspocus') {
      ws.send(frame(target, (e) => {
        encoding.writeVarUint(e, MESSAGE_AUTH);
        encoding.writeVarUint(e, 0);
        encoding.writeVarString(e, target.token ?? '');
      }));
    }
    ws.send(frame(target, (e) => {
      encoding.writeVarUint(e, MESSAGE_SYNC);
      encoding.writeVarUint(e, SYNC_STEP1);
      encoding.writeVarUint8Array(e, Y.encodeStateVector(doc));
    }));
  });
  doc.on('update', (update: Uint8Array) => {
    if (ws.readyState !== WebSocket.OPEN) return;
    ws.send(frame(target, (e) => {
      encoding.writeVarUint(e, MESSAGE_SYNC);
      encoding.writeVarUint(e, SYNC_UPDATE);
      encoding.writeVarUint8Array(e, update);
    }));
  });
  return {
    doc,
    text,
    synced,
    hidePresence: () => {},
    bufferedAmount: () => ws.bufferedAmount,
    destroy: () => {
      ws.terminate();
      doc.destroy();
    },
  };
}
