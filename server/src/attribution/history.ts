/**
 * Earlier versions of a document, built from the update log: the state after any sequence
 * number, a comparison of that version with now (who inserted and deleted what since), and
 * the change that restores it. A restore never rewrites history: it is a new change, made
 * with a fresh client id bound to the person restoring, that undoes what happened since.
 */
import * as Y from 'yjs';
import type { LoggedUpdate } from '../storage/store';
import type { DocumentIndex } from './documentIndex';
import { walkText } from './textWalk';

export interface Segment {
  kind: 'same' | 'inserted' | 'deleted' | 'break';
  text: string;
  userId: string | null;
}

export function stateAt(updates: LoggedUpdate[], seq: number): Uint8Array {
  const doc = new Y.Doc();
  Y.transact(doc, () => {
    for (const entry of updates) if (entry.seq <= seq) Y.applyUpdate(doc, entry.update);
  });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/** The text of the document, marked with what was inserted or deleted after `seq`, and by whom. */
export function compareWithNow(index: DocumentIndex, seq: number): Segment[] {
  const segments: Segment[] = [];
  const push = (kind: Segment['kind'], text: string, userId: string | null): void => {
    const last = segments.at(-1);
    if (last && last.kind === kind && last.userId === userId && kind !== 'break') last.text += text;
    else segments.push({ kind, text, userId });
  };
  walkText(index.doc, (visit) => {
    if (visit.kind === 'break') return push('break', '\n', null);
    const { client, clock } = visit.item.id;
    for (const piece of index.inserted.pieces(client, clock, visit.length)) {
      const text = visit.text === null ? '' : sliceUtf16(visit.text, piece.clock - clock, piece.len);
      const deletion = visit.item.deleted ? index.deleted.pieces(client, piece.clock, piece.len)[0] : undefined;
      const insertedSince = piece.seq > seq;
      const deletedSince = deletion !== undefined && deletion.seq > seq;
      const deletedBefore = deletion !== undefined && deletion.seq <= seq;
      if (deletedBefore || (insertedSince && deletion)) continue;
      if (insertedSince) push('inserted', text, piece.memberId);
      else if (deletedSince) push('deleted', text, deletion.memberId);
      else push('same', text, null);
    }
  });
  return segments;
}

function sliceUtf16(text: string, start: number, length: number): string {
  return text.slice(start, start + length);
}

/**
 * The update that brings the current document back to its state after `seq`: the changes made
 * since are undone as new operations (deleted text re-inserted, inserted text deleted).
 */
export function restoreUpdate(updates: LoggedUpdate[], seq: number, rootNames: Map<string, 'text' | 'xml' | 'map' | 'array'>): Uint8Array | null {
  const doc = new Y.Doc({ gc: false });
  // Yjs types are generic over their event type; any type may hold text here.
  const scope: Array<Y.AbstractType<any>> = [];
  for (const [name, kind] of rootNames) {
    scope.push(kind === 'text' ? doc.getText(name) : kind === 'xml' ? doc.getXmlFragment(name) : kind === 'map' ? doc.getMap(name) : doc.getArray(name));
  }
  const tracked = Symbol('since-version');
  Y.transact(doc, () => {
    for (const entry of updates) if (entry.seq <= seq) Y.applyUpdate(doc, entry.update);
  });
  const undo = new Y.UndoManager(scope, { trackedOrigins: new Set([tracked]), captureTimeout: Number.POSITIVE_INFINITY });
  Y.transact(
    doc,
    () => {
      for (const entry of updates) if (entry.seq > seq) Y.applyUpdate(doc, entry.update);
    },
    tracked,
  );
  if (undo.undoStack.length === 0) return null;
  const before = Y.encodeStateVector(doc);
  undo.undo();
  undo.destroy();
  const change = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return change;
}
