/**
 * Server time to a first sync, without the client library: a raw socket sends sync step 1
 * with an empty state vector and records when each sync message arrives; afterwards, offline,
 * the messages are applied in order to find the one that completed the document. The figure
 * is from the request to that message's arrival, so a client's own decoding is not counted.
 */
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { TEXT_NAME, type RoomTarget } from './clients';
import { nowMs } from './markers';
import { authFrame, socketUrl, syncStep1Frame } from './wire';

interface Arrival {
  at: number;
  payload: Uint8Array;
}

function readSyncPayload(target: RoomTarget, data: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(data);
  if (target.kind === 'hocuspocus') decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  if (type !== 0 && type !== 4) return null;
  const step = decoding.readVarUint(decoder);
  return step === 1 || step === 2 ? decoding.readVarUint8Array(decoder) : null;
}

/** Milliseconds from sending sync step 1 to the arrival of the message that completed `expected`. */
export async function probeFirstSync(target: RoomTarget, expected: string, timeoutMs = 30_000): Promise<number | null> {
  const ws = new WebSocket(socketUrl(target));
  ws.binaryType = 'nodebuffer';
  const arrivals: Arrival[] = [];
  let sentAt = 0;
  let done: () => void = () => {};
  const finished = new Promise<void>((resolve) => (done = resolve));
  let received = 0;
  ws.on('message', (data: Buffer) => {
    const at = nowMs();
    const payload = readSyncPayload(target, new Uint8Array(data));
    if (!payload) return;
    arrivals.push({ at, payload });
    received += payload.length;
    // Cheap completion guess while receiving: stop listening once enough bytes have come.
    if (received >= expected.length) setTimeout(done, 500);
  });
  ws.on('error', () => done());
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const auth = authFrame(target);
  if (auth) ws.send(auth);
  sentAt = nowMs();
  ws.send(syncStep1Frame(target, Y.encodeStateVector(new Y.Doc())));
  const timer = setTimeout(done, timeoutMs);
  await finished;
  clearTimeout(timer);
  ws.terminate();
  const doc = new Y.Doc();
  const text = doc.getText(TEXT_NAME);
  for (const arrival of arrivals) {
    Y.applyUpdate(doc, arrival.payload);
    if (text.length === expected.length && text.toString() === expected) return Math.round((arrival.at - sentAt) * 100) / 100;
  }
  return null;
}
