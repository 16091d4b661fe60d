import * as Y from 'yjs';
import crypto from 'node:crypto';

export type RootKind = 'text' | 'xml' | 'map' | 'array';

/** The kind of each root type, read from its content (roots arrive untyped from updates). */
export function rootKinds(doc: Y.Doc): Map<string, 'text' | 'xml' | 'map' | 'array'> {
  const kinds = new Map<string, 'text' | 'xml' | 'map' | 'array'>();
  for (const [name, type] of doc.share) {
    if (type._map.size > 0) kinds.set(name, 'map');
    else if (type instanceof Y.Text) kinds.set(name, 'text');
    else if (type instanceof Y.XmlFragment) kinds.set(name, 'xml');
    else {
      let item = type._start;
      let kind: 'text' | 'xml' | 'array' = 'array';
      while (item) {
        if (item.content instanceof Y.ContentString || item.content instanceof Y.ContentFormat) kind = 'text';
        else if (item.content instanceof Y.ContentType) kind = 'xml';
        if (kind !== 'array') break;
        item = item.right;
      }
      kinds.set(name, kind);
    }
  }
  return kinds;
}

/**
 * A hash of what a document says (not of how its history was encoded): each root type by name,
 * rendered as text, XML or JSON. Two states with the same content have the same hash.
 */
export function contentHash(state: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const kinds = rootKinds(doc);
  const parts: string[] = [];
  for (const name of [...kinds.keys()].sort()) {
    const kind = kinds.get(name);
    const rendered =
      kind === 'text' ? doc.getText(name).toString()
      : kind === 'xml' ? doc.getXmlFragment(name).toString()
      : kind === 'map' ? JSON.stringify(doc.getMap(name).toJSON())
      : JSON.stringify(doc.getArray(name).toJSON());
    parts.push(`${name}\u0000${kind}\u0000${rendered}`);
  }
  doc.destroy();
  return crypto.createHash('sha256').update(parts.join('\u0001'), 'utf8').digest('hex');
}
