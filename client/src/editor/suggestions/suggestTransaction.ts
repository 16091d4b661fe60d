/**
 * Suggestion mode as a transaction rewrite (ADR 0005): a local edit is turned into the same
 * edit as a proposal before it reaches the document.
 *   - typed or pasted text is kept and marked as an `insert` suggestion by the current member;
 *   - deleted text is kept and marked as a `delete` suggestion instead (Backspace, Delete,
 *     replacing a selection, cut), except one's own pending insertion, which really goes
 *     (withdrawing it), and text that is already someone's suggestion, which stays as it is;
 *   - paragraph boundaries and other nodes in a deleted range stay (Backspace at the start of
 *     a paragraph moves the caret into the one before);
 *   - anything else (new paragraphs, other nodes, formatting) is blocked, because the server
 *     would refuse it from a commenter and close the connection.
 * A proposal keeps one id while it grows: new text next to one's own suggestion of the same
 * kind joins it. Pure functions of the editor state, so they are tested without a browser.
 */
import { Fragment, type Mark as PMMark, type Node as PMNode, type Slice } from '@tiptap/pm/model';
import { Selection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { ReplaceStep } from '@tiptap/pm/transform';
import { SUGGESTION_MARK, type SuggestionKind, type SuggestionMark } from '../../../../shared/src/index';
import { suggestionOf } from './suggestionMark';

export interface SuggestContext {
  /** The member's user id: the server checks that a suggestion's author is the sender. */
  memberId: string;
  /** Editors and owners may keep the formatting of pasted text; commenters may not. */
  mayFormat: boolean;
  now: () => string;
  newId: () => string;
}

/** Why an edit cannot be made as a suggestion (each has a message in the catalogs). */
export type BlockReason = 'structure' | 'formatting' | 'emptyLine';

export type SuggestOutcome =
  | { kind: 'replace'; tr: Transaction; /** Part of the edit touched someone else's suggestion and was left alone. */ skippedOthers: boolean }
  | { kind: 'block'; reason: BlockReason };

export function suggestTransaction(state: EditorState, original: Transaction, ctx: SuggestContext): SuggestOutcome {
  if (!original.docChanged) return { kind: 'replace', tr: original, skippedOthers: false };
  const step = original.steps[0];
  if (original.steps.length > 1 || !(step instanceof ReplaceStep) || original.docs[0] !== state.doc) {
    return { kind: 'block', reason: original.steps.every(isMarkStep) ? 'formatting' : 'structure' };
  }
  const doc = state.doc;
  const { from, to } = step as unknown as { from: number; to: number };
  const slice = (step as unknown as { slice: Slice }).slice;
  const $to = doc.resolve(to);
  const inserted = inlineText(slice);
  if (inserted === null) return { kind: 'block', reason: 'structure' };
  // New text goes at the end of the replaced range, inside a paragraph. A deletion may span
  // paragraphs: their text is marked, the paragraphs stay as they are.
  if (inserted.length > 0 && !$to.parent.isTextblock) return { kind: 'block', reason: 'structure' };
  // A paragraph with no text yet has nothing in the shared document to hold a proposal.
  if (inserted.length > 0 && $to.parent.content.size === 0 && !ctx.mayFormat) return { kind: 'block', reason: 'emptyLine' };

  const tr = state.tr;
  const deletion = planDeletion(doc, from, to, ctx);
  if (deletion.mark.length > 0) {
    const mark = state.schema.marks[SUGGESTION_MARK]!.create(adjacentOwn(doc, from, to, 'delete', ctx) ?? fresh('delete', ctx));
    for (const [a, b] of deletion.mark) tr.addMark(a, b, mark);
  }
  // The new text goes in before one's own withdrawn text is deleted (see yTextWriter.ts).
  let insertedEnd: number | null = null;
  if (inserted.length > 0) {
    const content = insertedContent(tr.doc, to, inserted, ctx);
    tr.insert(to, content);
    insertedEnd = to + content.size;
  }
  const afterInsert = tr.steps.length;
  for (const [a, b] of [...deletion.withdraw].reverse()) tr.delete(a, b);
  const mapAfterInsert = (pos: number, assoc = 1) => tr.mapping.slice(afterInsert).map(pos, assoc);

  let cursor: number;
  if (insertedEnd !== null) cursor = mapAfterInsert(insertedEnd);
  else if (from === to) cursor = mapAfterInsert(to);
  else {
    // Backspace leaves the caret before what it marked, so the next Backspace goes on leftwards;
    // Delete and a removed selection leave it after.
    const backwards = state.selection.empty && state.selection.head === to;
    cursor = backwards ? mapAfterInsert(from, -1) : mapAfterInsert(to);
  }
  tr.setSelection(Selection.near(tr.doc.resolve(cursor)));
  if (original.scrolledIntoView) tr.scrollIntoView();
  return { kind: 'replace', tr, skippedOthers: deletion.skippedOthers };
}

function isMarkStep(step: unknown): boolean {
  const name = (step as { toJSON(): { stepType?: string } }).toJSON().stepType;
  return name === 'addMark' || name === 'removeMark' || name === 'addNodeMark' || name === 'removeNodeMark';
}

/** The text nodes a slice puts inside one textblock, or null if it brings anything else. */
export function inlineText(slice: Slice): PMNode[] | null {
  if (slice.openStart !== slice.openEnd) return null;
  let content = slice.content;
  for (let depth = 0; depth < slice.openStart; depth += 1) {
    const only = content.childCount === 1 ? content.firstChild : null;
    if (!only || !only.isTextblock) return null;
    content = only.content;
  }
  const nodes: PMNode[] = [];
  let onlyText = true;
  content.forEach((node) => {
    if (node.isText) nodes.push(node);
    else onlyText = false;
  });
  return onlyText ? nodes : null;
}

interface DeletionPlan {
  /** Ranges to mark as a suggested deletion. */
  mark: Array<[number, number]>;
  /** Ranges of one's own pending insertion, removed for real. */
  withdraw: Array<[number, number]>;
  skippedOthers: boolean;
}

/**
 * Sorts the text between from and to by what deleting it means. Paragraph boundaries and
 * other nodes (line breaks, blocks) in the range stay: only text can be proposed for deletion.
 */
function planDeletion(doc: PMNode, from: number, to: number, ctx: SuggestContext): DeletionPlan {
  const plan: DeletionPlan = { mark: [], withdraw: [], skippedOthers: false };
  if (from === to) return plan;
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText) return !node.isLeaf;
    const range: [number, number] = [Math.max(from, pos), Math.min(to, pos + node.nodeSize)];
    const mark = suggestionOf(node);
    if (!mark) plan.mark.push(range);
    else if (mark.kind === 'insert' && mark.author === ctx.memberId) plan.withdraw.push(range);
    else if (mark.kind === 'insert') plan.skippedOthers = true;
    // A text already proposed for deletion (by anyone) stays as it is.
    return false;
  });
  return plan;
}

function fresh(kind: SuggestionKind, ctx: SuggestContext): SuggestionMark {
  return { id: ctx.newId(), kind, author: ctx.memberId, at: ctx.now() };
}

/** One's own suggestion of this kind right before `from` or right after `to`, to join it. */
function adjacentOwn(doc: PMNode, from: number, to: number, kind: SuggestionKind, ctx: SuggestContext): SuggestionMark | null {
  const own = (node: PMNode | null | undefined) => {
    const mark = suggestionOf(node);
    return mark && mark.kind === kind && mark.author === ctx.memberId ? mark : null;
  };
  return own(doc.resolve(from).nodeBefore) ?? own(doc.resolve(to).nodeAfter);
}

/** The inserted text, marked as one's own proposed insertion. */
function insertedContent(doc: PMNode, at: number, nodes: PMNode[], ctx: SuggestContext): Fragment {
  const schema = doc.type.schema;
  const suggestion = schema.marks[SUGGESTION_MARK]!.create(adjacentOwn(doc, at, at, 'insert', ctx) ?? fresh('insert', ctx));
  // A commenter's text takes the formatting around it: the server refuses new formatting from them.
  const around = doc.resolve(at).marks();
  const withoutSuggestion = (marks: readonly PMMark[]) => marks.filter((m) => m.type.name !== SUGGESTION_MARK);
  return Fragment.fromArray(
    nodes.map((node) => {
      const marks = suggestion.addToSet(withoutSuggestion(ctx.mayFormat ? node.marks : around));
      return schema.text(node.text ?? '', marks);
    }),
  );
}
