/** The toolbar's "Suggest changes" toggle (editors and owners; commenters are always suggesting). */
import type { Editor } from '@tiptap/core';
import { isSuggesting } from './suggestionMode';

export const SUGGEST_TOOL_ID = 'suggest';

export function isSuggestingIn(editor: Editor): boolean {
  return isSuggesting(editor.state, editor.storage.suggestionMode.settings);
}

export function toggleSuggesting(editor: Editor): void {
  editor.chain().focus().setSuggesting(!isSuggestingIn(editor)).run();
}
