/**
 * "Comment" from the editor's toolbar: the toolbar lives inside the editor, the comment form in
 * the side panel. The panel listens for requests from its own editor; a request carries the
 * selected passage as an anchor (none when nothing is selected: a comment on the whole text).
 */
import type { Editor } from '@tiptap/react';
import type { DecisionAnchor } from '../../../shared/src/index';
import { anchorFromSelection } from '../panels/decisions/anchors';

type CommentRequestListener = (anchor: DecisionAnchor | null) => void;

const listeners = new Map<Editor, CommentRequestListener>();

export function requestComment(editor: Editor): void {
  listeners.get(editor)?.(anchorFromSelection(editor));
}

/** Listens for comment requests from this editor; returns the unsubscribe. */
export function listenForCommentRequests(editor: Editor, listener: CommentRequestListener): () => void {
  listeners.set(editor, listener);
  return () => {
    if (listeners.get(editor) === listener) listeners.delete(editor);
  };
}
