/**
 * For the suggestion-mode tests only: what a person sees (runs with their suggestion marks),
 * where a text is, and the editing commands a keyboard would send.
 */
import { TextSelection, type EditorState } from '@tiptap/pm/state';
import { SUGGESTION_MARK } from '../../../../shared/src/index';
import type { TestPerson } from './testRoom';

/** The text of the first paragraph as runs: plain text, [+inserted by author] and [-deleted by author]. */
export function shown(person: TestPerson, paragraph = 0): string {
  let out = '';
  person.state.doc.child(paragraph).forEach((node) => {
    const mark = node.marks.find((m) => m.type.name === SUGGESTION_MARK);
    const text = node.text ?? '';
    out += mark ? `[${mark.attrs.kind === 'insert' ? '+' : '-'}${text}|${mark.attrs.author}]` : text;
  });
  return out;
}

/** Where `text` starts in the first paragraph (a document position). */
export function at(person: TestPerson, text: string, paragraph = 0): number {
  let start = 1;
  for (let i = 0; i < paragraph; i += 1) start += person.state.doc.child(i).nodeSize;
  const offset = person.state.doc.child(paragraph).textContent.indexOf(text);
  if (offset < 0) throw new Error(`“${text}” is not in the paragraph`);
  return start + offset;
}

export const caret = (pos: number) => (state: EditorState) => state.tr.setSelection(TextSelection.create(state.doc, pos));
export const typeText = (text: string) => (state: EditorState) => state.tr.insertText(text, state.selection.from, state.selection.to);
/** What the browser's Backspace does in the middle of a line (one character before the caret). */
export const backspace = (state: EditorState) => state.tr.delete(state.selection.empty ? state.selection.from - 1 : state.selection.from, state.selection.to);
export const forwardDelete = (state: EditorState) => state.tr.delete(state.selection.from, state.selection.empty ? state.selection.from + 1 : state.selection.to);
export const select = (from: number, to: number) => (state: EditorState) => state.tr.setSelection(TextSelection.create(state.doc, from, to));

export function ids(person: TestPerson): Set<string> {
  const found = new Set<string>();
  person.state.doc.descendants((node) => {
    const mark = node.marks.find((m) => m.type.name === SUGGESTION_MARK);
    if (mark) found.add(mark.attrs.id as string);
  });
  return found;
}

/** The id of the first suggestion of that kind in the person's document. */
export function openIdOf(person: TestPerson, kind: 'insert' | 'delete'): string {
  let found: string | null = null;
  person.state.doc.descendants((node) => {
    const mark = node.marks.find((m) => m.type.name === SUGGESTION_MARK && m.attrs.kind === kind);
    if (mark && !found) found = mark.attrs.id as string;
  });
  if (!found) throw new Error(`no ${kind} suggestion`);
  return found;
}
