/**
 * Whether the editor is editable now. Node views are not re-rendered when only the editor's
 * `editable` option changes, but `setEditable` emits `update`, so the view listens for it.
 */
import { useSyncExternalStore } from 'react';
import type { Editor } from '@tiptap/core';

export function useEditorEditable(editor: Editor): boolean {
  return useSyncExternalStore(
    (onChange) => {
      editor.on('update', onChange);
      editor.on('transaction', onChange);
      return () => {
        editor.off('update', onChange);
        editor.off('transaction', onChange);
      };
    },
    // A commenter's editor is editable for suggestions only: a goal's controls stay read-only.
    () => !editor.isDestroyed && editor.isEditable && !editor.storage.suggestionMode?.settings?.onlySuggest,
  );
}
