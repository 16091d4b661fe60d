import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initProseMirrorDoc } from '@tiptap/y-tiptap';
import { clientRuns, type BindingMapping } from './authorshipRuns';
import { decorationsFor } from './authorshipPlugin';
import { largeDocument, paragraph, people, sampleSchema } from './sampleDocument';

const schema = sampleSchema;

describe('authorship runs from the Yjs items', () => {
  it('gives each person exactly the passages they typed, across paragraphs, inserts inside others’ text and deletions', () => {
    const [alice, bob, carol] = people(3) as [Y.Doc, Y.Doc, Y.Doc];
    alice.getXmlFragment('default').insert(0, [paragraph('Alice wrote this.')]);
    bob.getXmlFragment('default').insert(1, [paragraph('Bob here.')]);
    // Carol inserts inside Alice's sentence, and Bob deletes part of it.
    ((carol.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(5, ' (and Carol)');
    ((bob.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText).delete(23, 5); // " this"
    const fragment = alice.getXmlFragment('default');
    const { doc, mapping } = initProseMirrorDoc(fragment, schema);
    const names = new Map([
      [alice.clientID, 'alice'],
      [bob.clientID, 'bob'],
      [carol.clientID, 'carol'],
    ]);
    const runs = clientRuns(fragment, mapping as BindingMapping).map((run) => [names.get(run.client), doc.textBetween(run.from, run.to)]);
    expect(doc.textContent).toBe('Alice (and Carol) wrote.Bob here.');
    expect(runs).toEqual([
      ['alice', 'Alice'],
      ['carol', ' (and Carol)'],
      ['alice', ' wrote.'],
      ['bob', 'Bob here.'],
    ]);
  });

  it('builds one decoration per run for a 100,000-character document by three people', () => {
    // How fast this is, is measured by bench/authorship.ts (npm run bench:authorship), not here.
    const { doc, fragment, mapping, config } = largeDocument(1000);
    expect(doc.textContent.length).toBe(100_000);
    expect(decorationsFor(doc, fragment, mapping, config).find().length).toBe(4000);
  });
});
