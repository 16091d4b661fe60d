import * as Y from 'yjs';
import type { Store } from '../storage/store';
import { readNodes } from './yxml';
import type { DocNode } from './tree';

/** The editor's root: Ensemble's Tiptap binding keeps the document in this XmlFragment. */
export const CONTENT_FIELD = 'default';

/**
 * Rebuilds a document's durable state (latest checkpoint, then the log after it) in a fresh
 * Y.Doc, without touching a live room: what is stored is exactly what was acknowledged.
 * The caller destroys the returned doc.
 */
export async function loadStoredDoc(store: Store, documentId: string): Promise<Y.Doc> {
  const { checkpoint, tail } = await store.loadDocumentState(documentId);
  const doc = new Y.Doc();
  Y.transact(doc, () => {
    if (checkpoint) Y.applyUpdate(doc, checkpoint.state);
    for (const entry of tail) Y.applyUpdate(doc, entry.update);
  });
  return doc;
}

export function readContent(doc: Y.Doc): DocNode[] {
  return readNodes(doc.getXmlFragment(CONTENT_FIELD));
}
