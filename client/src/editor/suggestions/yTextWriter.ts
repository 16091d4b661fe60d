/**
 * Writes the editor's text edits to the shared document exactly as they were made, step by
 * step, just before y-tiptap looks at the change.
 *
 * y-tiptap turns each change into Yjs operations by comparing plain strings (common prefix
 * and suffix). When a letter is typed next to the same letter, or a word starting with a space
 * is typed before a space, that comparison takes the neighbouring character for the new one:
 * the text looks the same, but in Yjs someone else's character now carries the suggestion mark
 * and the new one does not, which the server rightly refuses from a commenter (ADR 0005), and
 * the authorship view credits the wrong person. Writing each step where it happened keeps every
 * character's identity; y-tiptap then finds nothing left to do. Steps this does not cover
 * (structure, inline nodes) are left to y-tiptap, which stays the safety net either way.
 */
import * as Y from 'yjs';
import type { Mark as PMMark, Node as PMNode } from '@tiptap/pm/model';
import { AddMarkStep, RemoveMarkStep, ReplaceStep, type Step } from '@tiptap/pm/transform';
import { inlineText } from './suggestTransaction';

export interface AppliedStep {
  step: Step;
  /** The document the step applied to. */
  doc: PMNode;
}

/** Whether every step is one this writer can reproduce (text in one textblock, or marks on text). */
export function canWriteSteps(steps: AppliedStep[]): boolean {
  return steps.every(({ step, doc }) => {
    if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) return step.mark.type.excludes(step.mark.type);
    if (!(step instanceof ReplaceStep)) return false;
    const $from = doc.resolve(step.from);
    return $from.parent.isTextblock && $from.sameParent(doc.resolve(step.to)) && inlineText(step.slice) !== null;
  });
}

/**
 * Writes the steps into `fragment` (call inside one Yjs transaction). Stops at the first step
 * whose place cannot be found, leaving the rest to y-tiptap; returns whether all were written.
 */
export function writeSteps(fragment: Y.XmlFragment, steps: AppliedStep[]): boolean {
  const touched = new Set<Y.XmlText>();
  let complete = true;
  for (const { step, doc } of steps) {
    const written =
      step instanceof ReplaceStep ? writeReplace(fragment, doc, step, touched) : step instanceof AddMarkStep || step instanceof RemoveMarkStep ? writeMark(fragment, doc, step, touched) : false;
    if (!written) {
      complete = false;
      break;
    }
  }
  for (const text of touched) dropRedundantFormats(text);
  return complete;
}

/**
 * Deletes formatting items that change nothing: a value already in force, or one replaced by
 * another item for the same key before any text. They split the text's runs, and y-tiptap,
 * seeing more runs than the editor has text nodes, would rewrite the formatting of the whole
 * paragraph, re-creating other people's suggestion boundaries, which the server refuses from a
 * commenter. (Yjs does the same clean-up after remote changes.)
 */
function dropRedundantFormats(text: Y.XmlText): void {
  const inForce = new Map<string, unknown>();
  const pending = new Map<string, Y.Item>();
  const redundant: Y.Item[] = [];
  const settle = () => {
    for (const [key, item] of pending) {
      const value = (item.content as Y.ContentFormat).value ?? null;
      if (sameValue(inForce.get(key) ?? null, value)) redundant.push(item);
      else if (value === null) inForce.delete(key);
      else inForce.set(key, value);
    }
    pending.clear();
  };
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    if (item.content instanceof Y.ContentFormat) {
      const earlier = pending.get(item.content.key);
      if (earlier) redundant.push(earlier);
      pending.set(item.content.key, item);
    } else if (item.countable) settle();
  }
  // Items after the last character: only those setting the value in force are certainly idle.
  for (const [key, item] of pending) if (sameValue(inForce.get(key) ?? null, (item.content as Y.ContentFormat).value ?? null)) redundant.push(item);
  if (redundant.length === 0) return;
  const doc = text.doc;
  if (!doc) return;
  doc.transact((tr) => {
    for (const item of redundant) item.delete(tr);
  });
}

/** Mark attributes are flat objects of primitives. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((key) => (a as Record<string, unknown>)[key] === (b as Record<string, unknown>)[key]);
}

interface Place {
  text: Y.XmlText;
  index: number;
}

/** The Y.XmlText and index of a text position, if the shared document has the same shape there. */
function locate(fragment: Y.XmlFragment, doc: PMNode, pos: number): Place | null {
  const $pos = doc.resolve(pos);
  if (!$pos.parent.isTextblock) return null;
  let parent: Y.XmlFragment | Y.XmlElement = fragment;
  for (let depth = 0; depth < $pos.depth; depth += 1) {
    const child: unknown = parent.get($pos.index(depth));
    if (!(child instanceof Y.XmlElement) || child.nodeName !== $pos.node(depth + 1).type.name) return null;
    parent = child;
  }
  // Inside the textblock, consecutive text nodes are one Y.XmlText; each inline node is one element.
  const offset = $pos.parentOffset;
  let start = 0;
  let yIndex = 0;
  let textLength = -1;
  let found: Place | null = null;
  $pos.parent.forEach((node, nodeOffset) => {
    if (found) return;
    if (node.isText) {
      if (textLength < 0) {
        start = nodeOffset;
        textLength = 0;
      }
      textLength += node.nodeSize;
      return;
    }
    if (textLength >= 0) {
      if (offset <= start + textLength) found = placeIn(parent, yIndex, offset - start, textLength);
      yIndex += 1;
      textLength = -1;
    }
    yIndex += 1;
  });
  if (!found && textLength >= 0 && offset >= start) found = placeIn(parent, yIndex, offset - start, textLength);
  return found;
}

function placeIn(parent: Y.XmlFragment | Y.XmlElement, yIndex: number, index: number, length: number): Place | null {
  const text: unknown = parent.get(yIndex);
  // Same length or not the same text: let y-tiptap reconcile.
  return text instanceof Y.XmlText && text.length === length && index >= 0 ? { text, index } : null;
}

function attributesOf(marks: readonly PMMark[]): Record<string, unknown> {
  const attrs: Record<string, unknown> = {};
  for (const mark of marks) attrs[mark.type.name] = mark.attrs;
  return attrs;
}

function writeReplace(fragment: Y.XmlFragment, doc: PMNode, step: ReplaceStep, touched: Set<Y.XmlText>): boolean {
  const nodes = inlineText(step.slice);
  if (nodes === null) return false;
  const from = locate(fragment, doc, step.from);
  const to = locate(fragment, doc, step.to);
  if (!from || !to || from.text !== to.text) return false;
  touched.add(from.text);
  // New text goes in after the replaced text, then the replaced text goes: Yjs restores after
  // the new text the formatting in force before the change, which is what the server checks.
  let at = to.index;
  for (const node of nodes) {
    const text = node.text ?? '';
    from.text.insert(at, text, attributesOf(node.marks));
    at += text.length;
  }
  if (to.index > from.index) from.text.delete(from.index, to.index - from.index);
  return true;
}

function writeMark(fragment: Y.XmlFragment, doc: PMNode, step: AddMarkStep | RemoveMarkStep, touched: Set<Y.XmlText>): boolean {
  const adding = step instanceof AddMarkStep;
  const ranges: Array<{ from: number; to: number }> = [];
  doc.nodesBetween(step.from, step.to, (node, pos, parent) => {
    if (!node.isText) return true;
    const has = step.mark.isInSet(node.marks);
    // What the step changes on this node (as AddMarkStep / RemoveMarkStep do).
    const changes = adding ? !has && (parent?.type.allowsMarkType(step.mark.type) ?? false) : has;
    if (changes) ranges.push({ from: Math.max(pos, step.from), to: Math.min(pos + node.nodeSize, step.to) });
    return false;
  });
  for (const range of ranges) {
    const place = locate(fragment, doc, range.from);
    if (!place) return false;
    touched.add(place.text);
    place.text.format(place.index, range.to - range.from, { [step.mark.type.name]: adding ? step.mark.attrs : null });
  }
  return true;
}
