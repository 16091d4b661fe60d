/**
 * Who wrote each stretch of the editor's text, read straight from the Yjs items: every item
 * carries the client id that inserted it (`item.id.client`), and the server binds each client
 * id to one member, so no client-side bookkeeping is trusted. Positions come from y-tiptap's
 * binding mapping (Y type -> ProseMirror node, or the text nodes of a Y.XmlText), walked in
 * document order; one pass over the items, no string copies.
 */
import * as Y from 'yjs';
import type { Node as PMNode } from '@tiptap/pm/model';

/** y-tiptap's `ProsemirrorMapping` (not exported by the package). */
// Yjs types are generic over their event type; the mapping holds every kind of type.
export type BindingMapping = Map<Y.AbstractType<any>, PMNode | PMNode[]>;

/** Text in [from, to) (ProseMirror positions) inserted by one Yjs client. */
export interface ClientRun {
  from: number;
  to: number;
  client: number;
}

export function clientRuns(fragment: Y.XmlFragment, mapping: BindingMapping): ClientRun[] {
  const runs: ClientRun[] = [];
  walkChildren(fragment, 0, mapping, runs);
  return runs;
}

function walkChildren(parent: Y.AbstractType<any>, start: number, mapping: BindingMapping, runs: ClientRun[]): void {
  let pos = start;
  for (let item = parent._start; item !== null; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentType)) continue;
    const type = item.content.type;
    const node = mapping.get(type);
    if (type instanceof Y.XmlText) {
      // y-tiptap forgets text mappings after remote changes (until the next local one); a text's
      // size in the editor is its length in Yjs either way (one position per character).
      const size = Array.isArray(node) ? node.reduce((sum, textNode) => sum + textNode.nodeSize, 0) : type.length;
      walkText(type, pos, size, runs);
      pos += size;
    } else if (node !== undefined && !Array.isArray(node)) {
      if (type instanceof Y.XmlElement && !node.isLeaf) walkChildren(type, pos + 1, mapping, runs);
      pos += node.nodeSize;
    }
    // Otherwise not rendered (yet, or ever: a node the schema cannot build): it takes no room.
  }
}

function walkText(text: Y.XmlText, start: number, size: number, runs: ClientRun[]): void {
  let offset = 0;
  for (let item = text._start; item !== null && offset < size; item = item.right) {
    // Formatting items (marks) are not countable: they take no room in the text.
    if (item.deleted || !item.countable) continue;
    const length = Math.min(item.length, size - offset);
    const from = start + offset;
    const last = runs.at(-1);
    if (last && last.client === item.id.client && last.to === from) last.to += length;
    else runs.push({ from, to: from + length, client: item.id.client });
    offset += length;
  }
}
