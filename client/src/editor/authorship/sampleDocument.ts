/**
 * Documents written by several people at once, for the authorship tests and the authorship
 * benchmark (bench/authorship.ts): one Y.Doc per person, kept in sync like separate browsers.
 * Not used by the application itself.
 */
import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { initProseMirrorDoc } from '@tiptap/y-tiptap';
import type { BindingMapping } from './authorshipRuns';
import type { AuthorInfo } from './authorshipPlugin';

export const sampleSchema = getSchema([StarterKit.configure({ undoRedo: false, heading: { levels: [2, 3] } })]);

export function people(count: number): Y.Doc[] {
  const docs = Array.from({ length: count }, () => new Y.Doc());
  for (const doc of docs) {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'sync') return;
      for (const other of docs) if (other !== doc) Y.applyUpdate(other, update, 'sync');
    });
  }
  return docs;
}

export function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

/** `paragraphs` paragraphs of 100 characters, in runs of 25 by three people taking turns. */
export function largeDocument(paragraphs: number) {
  const docs = people(3);
  for (let p = 0; p < paragraphs; p += 1) (docs[p % 3] as Y.Doc).getXmlFragment('default').push([paragraph('')]);
  for (let p = 0; p < paragraphs; p += 1) {
    for (let r = 0; r < 4; r += 1) {
      const text = ((docs[(p + r) % 3] as Y.Doc).getXmlFragment('default').get(p) as Y.XmlElement).get(0) as Y.XmlText;
      text.insert(text.length, 'abcdefghijklmnopqrstuvwxy');
    }
  }
  const fragment = (docs[0] as Y.Doc).getXmlFragment('default');
  const { doc, mapping } = initProseMirrorDoc(fragment, sampleSchema);
  // Like useAuthors: one AuthorInfo object per person, looked up by client id.
  const authors = new Map<number, AuthorInfo>(
    docs.map((d) => [d.clientID, { userId: String(d.clientID), name: 'n', roleLabel: 'r', perspective: 'experiential', color: '#123456' }]),
  );
  const config = { mode: 'person' as const, authorOf: (client: number) => authors.get(client) ?? null };
  return { doc, fragment, mapping: mapping as BindingMapping, config };
}
