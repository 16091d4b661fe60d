/**
 * Where the suggestions are in the editor's document, grouped by proposal (as the server's
 * `suggestionRuns` groups them), and accepting or rejecting them as ordinary edits:
 * accept insert = drop the mark, accept delete = delete the text, reject insert = delete the
 * text, reject delete = drop the mark. Those edits carry `DIRECT_EDIT` so suggestion mode lets
 * them through as they are.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { SUGGESTION_MARK, type SuggestionAction, type SuggestionMark } from '../../../../shared/src/index';
import { suggestionOf } from './suggestionMark';

/** Transaction meta: an edit that suggestion mode must not rewrite. */
export const DIRECT_EDIT = 'ensembleDirectEdit';

export interface SuggestionRange {
  from: number;
  to: number;
}

export interface OpenSuggestion {
  mark: SuggestionMark;
  ranges: SuggestionRange[];
  /** The proposed or struck text; pieces in different paragraphs on separate lines. */
  text: string;
}

/** Open suggestions in document order, each with its ranges (adjacent runs merged). */
export function openSuggestions(doc: PMNode): OpenSuggestion[] {
  const byId = new Map<string, OpenSuggestion & { lastParent: PMNode | null }>();
  doc.descendants((node, pos, parent) => {
    if (!node.isText) return true;
    const mark = suggestionOf(node);
    if (!mark) return false;
    let entry = byId.get(mark.id);
    if (!entry) byId.set(mark.id, (entry = { mark, ranges: [], text: '', lastParent: null }));
    // Runs of one id by someone else or of another kind are not part of it (as on the server).
    else if (entry.mark.kind !== mark.kind || entry.mark.author !== mark.author) return false;
    const last = entry.ranges.at(-1);
    if (last && last.to === pos) last.to = pos + node.nodeSize;
    else {
      if (last) entry.text += entry.lastParent === parent ? ' … ' : '\n';
      entry.ranges.push({ from: pos, to: pos + node.nodeSize });
    }
    entry.text += node.text ?? '';
    entry.lastParent = parent;
    return false;
  });
  return [...byId.values()].map(({ mark, ranges, text }) => ({ mark, ranges, text }));
}

/** The suggestion the selection is in (or right after the caret's character), if any. */
export function suggestionAtSelection(state: EditorState): OpenSuggestion | null {
  const { $from, empty } = state.selection;
  const node = empty ? ($from.nodeAfter && suggestionOf($from.nodeAfter) ? $from.nodeAfter : $from.nodeBefore) : state.doc.nodeAt($from.pos);
  const mark = suggestionOf(node);
  if (!mark) return null;
  return openSuggestions(state.doc).find((s) => s.mark.id === mark.id) ?? null;
}

/** The edit that accepts or rejects these suggestions (all of them at once if several). */
export function decideSuggestions(state: EditorState, suggestions: OpenSuggestion[], action: SuggestionAction): Transaction {
  const tr = state.tr;
  const type = state.schema.marks[SUGGESTION_MARK]!;
  const ranges: Array<SuggestionRange & { keepText: boolean }> = [];
  for (const suggestion of suggestions) {
    const keepText = (suggestion.mark.kind === 'insert') === (action === 'accept');
    for (const range of suggestion.ranges) ranges.push({ ...range, keepText });
  }
  // Last range first, so earlier positions stay valid.
  ranges.sort((a, b) => b.from - a.from);
  for (const range of ranges) {
    if (range.keepText) tr.removeMark(range.from, range.to, type);
    else tr.delete(range.from, range.to);
  }
  return tr.setMeta(DIRECT_EDIT, true);
}
