/**
 * A plain, read-only view of editor content: the ProseMirror document shape (nodes with a type,
 * attributes and children; text runs with marks), independent of Yjs. Templates are written in
 * it and exports read it, so neither has to walk Yjs types directly.
 */

export interface Mark {
  /** Mark name without y-tiptap's `--hash` suffix: `bold`, `italic`, `strike`, `code`, `link`, ... */
  type: string;
  attrs: Record<string, unknown>;
}

export interface TextRun {
  kind: 'text';
  text: string;
  marks: Mark[];
}

export interface ElementNode {
  kind: 'element';
  /** The ProseMirror node type name, which is the Y.XmlElement's nodeName. */
  type: string;
  attrs: Record<string, unknown>;
  content: DocNode[];
}

export type DocNode = TextRun | ElementNode;

export function element(type: string, content: DocNode[] = [], attrs: Record<string, unknown> = {}): ElementNode {
  return { kind: 'element', type, attrs, content };
}

export function text(value: string, ...marks: Array<string | Mark>): TextRun {
  return { kind: 'text', text: value, marks: marks.map((m) => (typeof m === 'string' ? { type: m, attrs: {} } : m)) };
}

export function hasMark(run: TextRun, type: string): boolean {
  return run.marks.some((m) => m.type === type);
}

/** The text of some content: hard breaks become line breaks, blocks are separated by a blank line. */
export function plainText(nodes: DocNode[]): string {
  const blocks: string[] = [];
  let inline = '';
  for (const node of nodes) {
    if (node.kind === 'text') inline += node.text;
    else if (node.type === 'hardBreak') inline += '\n';
    else {
      if (inline) blocks.push(inline);
      inline = '';
      const inner = plainText(node.content);
      if (inner) blocks.push(inner);
    }
  }
  if (inline) blocks.push(inline);
  return blocks.join('\n\n');
}

/** Finds every element of a type, depth first, in document order. */
export function findElements(nodes: DocNode[], type: string): ElementNode[] {
  const found: ElementNode[] = [];
  for (const node of nodes) {
    if (node.kind !== 'element') continue;
    if (node.type === type) found.push(node);
    else found.push(...findElements(node.content, type));
  }
  return found;
}

export function stringAttr(node: ElementNode, name: string): string | null {
  const value = node.attrs[name];
  return typeof value === 'string' && value !== '' ? value : null;
}
