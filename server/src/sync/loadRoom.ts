import * as Y from 'yjs';
import type { Store } from '../storage/store';
import { Room, applySafely } from './room';

/**
 * Builds a room from the latest checkpoint plus the log after it. A log entry that Yjs cannot
 * apply is skipped and reported, so that no single entry can make a document unloadable.
 */
export async function loadRoom(store: Store, documentId: string, onSkipped: (seq: number) => void = () => {}): Promise<Room> {
  const { checkpoint, tail, bindings } = await store.loadDocumentState(documentId);
  const room = new Room(documentId);
  for (const binding of bindings) room.clientOwners.set(binding.clientId, binding.memberId);
  Y.transact(room.doc, () => {
    if (checkpoint) Y.applyUpdate(room.doc, checkpoint.state, 'log');
    for (const entry of tail) if (!applySafely(room.doc, entry.update)) onSkipped(entry.seq);
  });
  room.checkpointSeq = checkpoint?.seq ?? 0;
  room.lastSeq = tail.at(-1)?.seq ?? room.checkpointSeq;
  room.sizeEstimate = (checkpoint?.state.length ?? 0) + tail.reduce((sum, entry) => sum + entry.update.length, 0);
  return room;
}
