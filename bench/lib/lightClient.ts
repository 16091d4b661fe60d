/**
 * A light load client for the ramp: it speaks each server's wire protocol on a raw socket
 * (wire.ts, as syncProbe.ts), types into a Y.Doc of its own and sends each local
 * update as a y-protocol update message, but never applies what others send: it only reads
 * the latency markers from the bytes it receives. A full client applies every remote update,
 * so on a 2-core machine the generators, not the server, saturate first (at the same rate for
 * every server); with light clients the server's own work dominates. Its updates are valid
 * Yjs updates (insertions and deletions in its own text), integrated by the server like any
 * other client's concurrent edits.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { TEXT_NAME, type BenchClient, type RoomTarget } from './clients';
import { authFrame, socketUrl, syncStep1Frame, updateFrame } from './wire';

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
    const auth = authFrame(target);
    if (auth) ws.send(auth);
    ws.send(syncStep1Frame(target, Y.encodeStateVector(doc)));
  });
  doc.on('update', (update: Uint8Array) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(updateFrame(target, update));
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
