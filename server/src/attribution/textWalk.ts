/**
 * Walks every text item of a document in document order (root types by name, then nested
 * elements depth-first), with a marker between blocks, so figures and comparisons see the
 * text a person sees.
 */
import * as Y from 'yjs';

// Yjs types are generic over their event type; any type may hold text here.
type AnyType = Y.AbstractType<any>;

export type TextVisit =
  | { kind: 'text'; item: Y.Item; text: string | null; length: number }
  | { kind: 'break' };

export function walkText(doc: Y.Doc, visit: (v: TextVisit) => void): void {
  for (const name of [...doc.share.keys()].sort()) {
    const type = doc.share.get(name);
    if (type) walkType(type, visit);
  }
}

function walkType(type: AnyType, visit: (v: TextVisit) => void): void {
  let item = type._start;
  let sawBlock = false;
  while (item !== null) {
    const content = item.content;
    if (content instanceof Y.ContentString) {
      visit({ kind: 'text', item, text: content.str, length: item.length });
    } else if (content instanceof Y.ContentDeleted && isTextual(type)) {
      visit({ kind: 'text', item, text: null, length: item.length });
    } else if (content instanceof Y.ContentType) {
      if (sawBlock) visit({ kind: 'break' });
      walkType(content.type as AnyType, visit);
      sawBlock = true;
    }
    item = item.right;
  }
}

/** Text types, and roots still untyped (a root arrives untyped from updates until read as a type). */
function isTextual(type: AnyType): boolean {
  return type instanceof Y.Text || (type._item === null && !(type instanceof Y.XmlFragment));
}
