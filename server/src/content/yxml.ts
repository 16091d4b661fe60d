/**
 * Converts between the content tree (tree.ts) and the Yjs types that @tiptap/y-tiptap uses:
 * a node is a Y.XmlElement named after its type with its non-null attributes; consecutive text
 * runs are one Y.XmlText whose formatting attributes are the marks (`{ bold: {} }`,
 * `{ link: { href, ... } }`). Overlapping marks carry a `--<hash>` suffix, which reading strips.
 */
import * as Y from 'yjs';
import { type DocNode, type ElementNode, type Mark, type TextRun } from './tree';

/** Deeper content than this is not read: no real document nests so far, a hostile one might. */
export const MAX_READ_DEPTH = 64;

const HASHED_MARK = /^(.*)--[a-zA-Z0-9+/=]{8}$/;

export function readNodes(parent: Y.XmlFragment | Y.XmlElement, depth = 0): DocNode[] {
  if (depth > MAX_READ_DEPTH) return [];
  const nodes: DocNode[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlElement) {
      nodes.push({ kind: 'element', type: child.nodeName, attrs: { ...child.getAttributes() }, content: readNodes(child, depth + 1) });
    } else if (child instanceof Y.XmlText) {
      nodes.push(...readText(child));
    }
  }
  return nodes;
}

function readText(ytext: Y.XmlText): TextRun[] {
  const runs: TextRun[] = [];
  for (const op of ytext.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
    if (typeof op.insert !== 'string' || op.insert === '') continue;
    runs.push({ kind: 'text', text: op.insert, marks: marksOf(op.attributes ?? {}) });
  }
  return runs;
}

function marksOf(attributes: Record<string, unknown>): Mark[] {
  return Object.entries(attributes)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([name, value]) => ({
      type: HASHED_MARK.exec(name)?.[1] ?? name,
      attrs: typeof value === 'object' ? { ...(value as Record<string, unknown>) } : {},
    }));
}

/** Appends nodes to a fragment or element, as y-tiptap would write them. */
export function writeNodes(parent: Y.XmlFragment | Y.XmlElement, nodes: DocNode[]): void {
  parent.insert(parent.length, toYTypes(nodes));
}

function toYTypes(nodes: DocNode[]): Array<Y.XmlElement | Y.XmlText> {
  const types: Array<Y.XmlElement | Y.XmlText> = [];
  let runs: TextRun[] = [];
  const flushText = () => {
    if (runs.length > 0) types.push(toYText(runs));
    runs = [];
  };
  for (const node of nodes) {
    if (node.kind === 'text') {
      if (node.text !== '') runs.push(node);
      continue;
    }
    flushText();
    types.push(toYElement(node));
  }
  flushText();
  return types;
}

function toYElement(node: ElementNode): Y.XmlElement {
  const element = new Y.XmlElement(node.type);
  for (const [key, value] of Object.entries(node.attrs)) {
    // y-tiptap never stores null attributes: absent means "the node type's default".
    if (value !== null && value !== undefined) element.setAttribute(key, value as never);
  }
  element.insert(0, toYTypes(node.content));
  return element;
}

function toYText(runs: TextRun[]): Y.XmlText {
  const ytext = new Y.XmlText();
  ytext.applyDelta(
    runs.map((run) => ({
      insert: run.text,
      attributes: Object.fromEntries(run.marks.map((mark) => [mark.type, mark.attrs])),
    })),
  );
  return ytext;
}
