import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { absolutePositionToRelativePosition, initProseMirrorDoc, relativePositionToAbsolutePosition } from '@tiptap/y-tiptap';
import type { DecisionAnchor } from '../../../shared/src/index';
import { paragraph, people, sampleSchema } from '../editor/authorship/sampleDocument';

/** Merges everyone's changes, as when offline browsers reconnect: their edits were concurrent. */
function exchange(docs: Y.Doc[]): void {
  const updates = docs.map((d) => Y.encodeStateAsUpdate(d));
  for (const d of docs) for (const update of updates) Y.applyUpdate(d, update);
}
import { highlightDecorations, highlightRanges, type AnchoredThread } from './commentHighlights';

type Mapping = Parameters<typeof absolutePositionToRelativePosition>[2];

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

/** An anchor as the editor makes it (the decisions' encoding: relative positions, then base64). */
function anchorOver(ydoc: Y.Doc, passage: string): DecisionAnchor {
  const fragment = ydoc.getXmlFragment('default');
  const { doc, mapping } = initProseMirrorDoc(fragment, sampleSchema);
  let from = -1;
  doc.descendants((node, pos) => {
    const at = node.isText ? (node.text ?? '').indexOf(passage) : -1;
    if (from < 0 && at >= 0) from = pos + at;
  });
  const encode = (pos: number) => toBase64(Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, fragment, mapping as Mapping) as Y.RelativePosition));
  return { start: encode(from), end: encode(from + passage.length), quote: passage };
}

/** The text each highlight covers in the current document, as seen by the given person. */
function highlighted(ydoc: Y.Doc, threads: AnchoredThread[], activeId: string | null = null) {
  const fragment = ydoc.getXmlFragment('default');
  const { doc, mapping } = initProseMirrorDoc(fragment, sampleSchema);
  const resolve = (anchor: DecisionAnchor) => {
    const position = (text: string) => relativePositionToAbsolutePosition(ydoc, fragment, Y.decodeRelativePosition(fromBase64(text)), mapping as Mapping);
    const from = position(anchor.start);
    const to = position(anchor.end);
    return from === null || to === null ? null : { from, to };
  };
  const decorations = highlightDecorations(doc, { threads, activeId, resolve });
  return decorations.find().map((d) => ({ thread: (d.spec as { threadId: string }).threadId, text: doc.textBetween(d.from, d.to), active: (d.spec as { active: boolean }).active }));
}

describe('comment highlights follow the anchored passage', () => {
  it('still cover exactly the commented words after concurrent edits before, inside-adjacent and after them', () => {
    const [jean, roy, alice] = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
    jean.getXmlFragment('default').insert(0, [paragraph('Users are consulted every year.'), paragraph('Second paragraph.')]);
    exchange([jean, roy, alice]);
    const anchor = anchorOver(jean, 'consulted');
    const threads: AnchoredThread[] = [{ threadId: 't1', anchor, open: true }];
    expect(highlighted(roy, threads)).toEqual([{ thread: 't1', text: 'consulted', active: false }]);

    // At the same time, Roy inserts right before the passage; Alice right after it, and a new first paragraph.
    const royText = (roy.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const aliceText = (alice.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    royText.insert(0, 'Partner ');
    aliceText.insert('Users are consulted'.length, ' and involved');
    alice.getXmlFragment('default').insert(0, [paragraph('A new introduction.')]);
    exchange([jean, roy, alice]);

    for (const person of [jean, roy, alice]) {
      expect(person.getXmlFragment('default').toString()).toContain('Partner Users are consulted and involved every year.');
      expect(highlighted(person, threads)).toEqual([{ thread: 't1', text: 'consulted', active: false }]);
    }
  });

  it('drops a passage that was deleted, hides resolved threads unless active, and marks the active one', () => {
    const [jean, roy] = people(2) as [Y.Doc, Y.Doc];
    jean.getXmlFragment('default').insert(0, [paragraph('Keep this. Remove that.')]);
    const kept = anchorOver(jean, 'Keep this.');
    const removed = anchorOver(jean, 'Remove that.');
    ((roy.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText).delete('Keep this. '.length, 'Remove that.'.length);

    const threads: AnchoredThread[] = [
      { threadId: 'gone', anchor: removed, open: true },
      { threadId: 'done', anchor: kept, open: false },
    ];
    expect(highlighted(jean, threads)).toEqual([]);
    expect(highlighted(jean, threads, 'done')).toEqual([{ thread: 'done', text: 'Keep this.', active: true }]);
  });

  it('orders ranges in the text and clamps them to the document', () => {
    const anchor = { start: 'a', end: 'b', quote: undefined };
    const ranges = highlightRanges(
      {
        threads: [
          { threadId: 'late', anchor, open: true },
          { threadId: 'early', anchor: { start: 'c', end: 'd', quote: undefined }, open: true },
        ],
        activeId: null,
        resolve: (a) => (a.start === 'a' ? { from: 8, to: 40 } : { from: 1, to: 3 }),
      },
      20,
    );
    expect(ranges).toEqual([
      { threadId: 'early', from: 1, to: 3, active: false },
      { threadId: 'late', from: 8, to: 20, active: false },
    ]);
  });
});
