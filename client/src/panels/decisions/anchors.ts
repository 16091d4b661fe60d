/**
 * A decision's passage, anchored with Yjs relative positions so it follows later edits:
 * ProseMirror positions are turned into positions inside the Yjs types (y-tiptap's mapping,
 * `Y.createRelativePositionFromTypeIndex` underneath), encoded and sent as base64.
 */
import * as Y from 'yjs';
import type { Editor } from '@tiptap/react';
import { TextSelection } from '@tiptap/pm/state';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import { DECISION_LIMITS, type DecisionAnchor } from '../../../../shared/src/index';

interface SyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: Parameters<typeof absolutePositionToRelativePosition>[2] };
}

function syncState(editor: Editor): SyncState | null {
  if (editor.isDestroyed) return null;
  const state = ySyncPluginKey.getState(editor.state) as Partial<SyncState> | undefined;
  return state?.binding && state.type && state.doc ? (state as SyncState) : null;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** The selected passage as an anchor, or null when nothing is selected. */
export function anchorFromSelection(editor: Editor): DecisionAnchor | null {
  const { from, to, empty } = editor.state.selection;
  const sync = syncState(editor);
  if (empty || !sync) return null;
  const start = absolutePositionToRelativePosition(from, sync.type, sync.binding.mapping) as Y.RelativePosition;
  const end = absolutePositionToRelativePosition(to, sync.type, sync.binding.mapping) as Y.RelativePosition;
  const quote = editor.state.doc.textBetween(from, to, ' ').replace(/\s+/g, ' ').trim().slice(0, DECISION_LIMITS.quote).trim();
  return {
    start: toBase64(Y.encodeRelativePosition(start)),
    end: toBase64(Y.encodeRelativePosition(end)),
    quote: quote || undefined,
  };
}

/** Where the passage is now, or null when it no longer exists in the text. */
export function resolveAnchor(editor: Editor, anchor: DecisionAnchor): { from: number; to: number } | null {
  const sync = syncState(editor);
  if (!sync) return null;
  try {
    const position = (encoded: string) =>
      relativePositionToAbsolutePosition(sync.doc, sync.type, Y.decodeRelativePosition(fromBase64(encoded)), sync.binding.mapping);
    const from = position(anchor.start);
    const to = position(anchor.end);
    if (from === null || to === null || to <= from || to > editor.state.doc.content.size) return null;
    return { from, to };
  } catch {
    return null;
  }
}

/** Selects the passage and scrolls it into view; false when the passage is gone. */
export function showPassage(editor: Editor, anchor: DecisionAnchor): boolean {
  const range = resolveAnchor(editor, anchor);
  if (!range) return false;
  const { view } = editor;
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, range.from, range.to)).scrollIntoView());
  view.focus();
  view.dom.ownerDocument.defaultView?.requestAnimationFrame(() => {
    view.domAtPos(range.from).node.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  });
  return true;
}
