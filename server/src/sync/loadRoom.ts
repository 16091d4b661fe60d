import * as Y from 'yjs';
import type { Logger } from '../log';
import type { Store, StoredDocumentState } from '../storage/store';
import { Room, applySafely } from './room';

/**
 * Builds a room from the latest checkpoint plus the log after it. A log entry that Yjs cannot
 * apply is skipped and reported, so that no single entry can make a document unloadable.
 */
export function buildRoom(documentId: string, state: StoredDocumentState, onSkipped: (seq: number) => void = () => {}): Room {
  const { checkpoint, tail, bindings } = state;
  const room = new Room(documentId);
  for (const binding of bindings) room.clientOwners.set(binding.clientId, binding.memberId);
  Y.transact(room.doc, () => {
    if (checkpoint) {
      Y.applyUpdate(room.doc, checkpoint.state, 'log');
      room.loadedCheckpointVector = Y.encodeStateVector(room.doc);
    }
    for (const entry of tail) if (!applySafely(room.doc, entry.update)) onSkipped(entry.seq);
  });
  if (checkpoint && tail.length === 0) room.knownFullState(checkpoint.state);
  room.checkpointSeq = checkpoint?.seq ?? 0;
  room.lastSeq = tail.at(-1)?.seq ?? room.checkpointSeq;
  room.checkpointBytes = checkpoint?.state.length ?? 0;
  room.sizeEstimate = room.checkpointBytes + tail.reduce((sum, entry) => sum + entry.update.length, 0);
  return room;
}

/** Writes a checkpoint (the document holding every logged update up to `seq`); failures are logged. */
export async function saveCheckpoint(store: Store, log: Logger, documentId: string, seq: number, state: Uint8Array): Promise<void> {
  try {
    await store.saveCheckpoint({ documentId, seq, state });
    log.debug('checkpoint_saved', { documentId, seq, bytes: state.length });
  } catch (error) {
    log.error('checkpoint_failed', { documentId, seq, error: String(error) });
  }
}
