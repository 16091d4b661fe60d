/**
 * Negotiated goal blocks keep, inside the document, the name of who expressed the goal
 * (`expressedByName`, shown once that person is no longer a member; ADR 0003). On erasure the
 * current content is changed to carry the pseudonym instead, as a server-made update through
 * the room (so live editors see it at once). Earlier versions keep the old attribute: the
 * update log is append-only (ADR 0004 says why that is accepted).
 */
import * as Y from 'yjs';
import { NEGOTIATED_GOAL_NODE } from '../../../shared/src/index';
import { CONTENT_FIELD, loadStoredDoc } from '../content/documentState';
import type { Store } from '../storage/store';

export type SubmitUpdate = (documentId: string, memberId: string, update: Uint8Array) => Promise<number>;

/** Returns whether the document had goal blocks naming the person. */
export async function renameInGoalBlocks(store: Store, submit: SubmitUpdate, documentId: string, userId: string, name: string): Promise<boolean> {
  const doc = await loadStoredDoc(store, documentId);
  try {
    const goals = [
      ...doc
        .getXmlFragment(CONTENT_FIELD)
        .createTreeWalker((node) => node instanceof Y.XmlElement && node.nodeName === NEGOTIATED_GOAL_NODE && node.getAttribute('expressedBy') === userId),
    ] as Y.XmlElement[];
    const stale = goals.filter((goal) => goal.getAttribute('expressedByName') !== name);
    if (stale.length === 0) return false;
    const before = Y.encodeStateVector(doc);
    doc.transact(() => {
      for (const goal of stale) goal.setAttribute('expressedByName', name);
    });
    // A fresh doc's client id is bound to no one yet: the change is credited to the erased id,
    // since it was made at that person's request.
    await submit(documentId, userId, Y.encodeStateAsUpdate(doc, before));
    return true;
  } finally {
    doc.destroy();
  }
}
