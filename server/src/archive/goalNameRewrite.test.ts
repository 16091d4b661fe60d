import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { GoalNameRewriter } from './goalNameRewrite';

/** A log as the server stores it: one update per local change, in order. */
function recordLog(write: (doc: Y.Doc) => void): Uint8Array[] {
  const doc = new Y.Doc();
  const log: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => log.push(update));
  write(doc);
  return log;
}

function replay(log: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of log) Y.applyUpdate(doc, update);
  return doc;
}

describe('GoalNameRewriter', () => {
  it('replaces every value of expressedByName by the name of the author the block names, keeping the rest of the log', () => {
    const log = recordLog((doc) => {
      doc.getText('t').insert(0, 'Marie walks to the market.');
      const goal = new Y.XmlElement('negotiatedGoal');
      goal.setAttribute('expressedBy', 'u-jean');
      goal.setAttribute('expressedByName', 'Jean Lavoie');
      doc.getXmlFragment('default').insert(0, [goal]);
      goal.setAttribute('expressedByName', 'Jean L.');
      doc.getText('t').insert(0, 'Note: ');
    });
    const rewriter = new GoalNameRewriter((name, authorId) => (authorId === 'u-jean' ? 'Member 2' : `unknown ${String(name)}`));
    log.forEach((update) => rewriter.learn(update));
    const rewritten = log.map((update) => rewriter.rewrite(update));

    // Updates without a goal name keep their exact bytes.
    expect(rewritten[0]).toBe(log[0]);
    expect(rewritten[3]).toBe(log[3]);
    for (const update of rewritten) {
      expect(Buffer.from(update).includes('Jean')).toBe(false);
    }
    const original = replay(log);
    const copy = replay(rewritten);
    expect(copy.store.pendingStructs).toBeNull();
    expect(copy.getText('t').toString()).toBe(original.getText('t').toString());
    const goal = copy.getXmlFragment('default').get(0) as Y.XmlElement;
    expect(goal.getAttribute('expressedByName')).toBe('Member 2');
    expect(goal.getAttribute('expressedBy')).toBe('u-jean');
    // Same item ids: a later change made against the original applies to the copy as well.
    const later = recordLog((doc) => {
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(original));
      doc.getText('t').insert(doc.getText('t').length, ' Every week.');
    }).at(-1)!;
    Y.applyUpdate(copy, later);
    expect(copy.getText('t').toString()).toBe('Note: Marie walks to the market. Every week.');
  });
});
