/**
 * The editor's goal nodes against the contract (ADR 0003 and the server's reference definitions
 * in server/test/tiptapSchema.ts): same names, content and attribute defaults, and a goal block
 * written as the server's templates write it is read without y-tiptap deleting anything.
 */
import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { Fragment, Slice } from '@tiptap/pm/model';
import { prosemirrorToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { editorSchema, readAsEditor } from '../../../../server/test/tiptapSchema';
import { GOAL_ACTION_NODE, GOAL_ACTIONS_NODE, GOAL_OWN_WORDS_NODE, GOAL_REFORMULATION_NODE, NEGOTIATED_GOAL_NODE } from '../../../../shared/src/index';
import { actionIdsIn, goalIdsIn, withUniqueGoalIds } from './goalIds';
import { NEGOTIATED_GOAL_EXTENSIONS } from './goalNodes';

const clientSchema = () => getSchema([StarterKit.configure({ undoRedo: false, heading: { levels: [2, 3] } }), ...NEGOTIATED_GOAL_EXTENSIONS]);

function goalElement(attrs: Record<string, string>, ownWords: string, reformulation: string): Y.XmlElement {
  const goal = new Y.XmlElement(NEGOTIATED_GOAL_NODE);
  for (const [name, value] of Object.entries(attrs)) goal.setAttribute(name, value);
  const voice = (name: string, text: string) => {
    const element = new Y.XmlElement(name);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    element.insert(0, [paragraph]);
    return element;
  };
  goal.insert(0, [voice(GOAL_OWN_WORDS_NODE, ownWords), voice(GOAL_REFORMULATION_NODE, reformulation)]);
  return goal;
}

describe('negotiated goal nodes', () => {
  it('match the reference definitions: names, content, grouping and attribute defaults', () => {
    const client = clientSchema();
    const reference = editorSchema();
    for (const name of [NEGOTIATED_GOAL_NODE, GOAL_OWN_WORDS_NODE, GOAL_REFORMULATION_NODE, GOAL_ACTIONS_NODE, GOAL_ACTION_NODE]) {
      const mine = client.nodes[name];
      const theirs = reference.nodes[name];
      expect(mine, name).toBeDefined();
      expect(mine?.spec.content).toBe(theirs?.spec.content);
      expect(mine?.spec.group).toBe(theirs?.spec.group);
      expect(mine?.spec.isolating).toBe(theirs?.spec.isolating);
      expect(mine?.spec.defining).toBe(theirs?.spec.defining);
      const defaults = (type: typeof mine) => Object.fromEntries(Object.entries(type?.spec.attrs ?? {}).map(([k, v]) => [k, v.default]));
      expect(defaults(mine)).toEqual(defaults(theirs));
    }
  });

  it('reads a goal block written as the server writes it, without deleting it from the Y.Doc', () => {
    const doc = new Y.Doc();
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', 2 as unknown as string);
    heading.insert(0, [new Y.XmlText('Objectifs')]);
    const attrs = { goalId: 'g-1', status: 'active', targetDate: '2026-06-30', expressedBy: 'u1', expressedByName: 'Marie Tremblay' };
    doc.getXmlFragment('default').insert(0, [heading, goalElement(attrs, 'Aller au marché toute seule.', 'Sorties de 500 m.')]);

    const { node, dropped } = readAsEditor(doc, clientSchema());
    expect(dropped).toBe(false);
    const goal = node.child(1);
    expect(goal.type.name).toBe(NEGOTIATED_GOAL_NODE);
    expect(goal.attrs).toEqual(attrs);
    expect(goal.child(0).textContent).toBe('Aller au marché toute seule.');
    expect(goal.child(1).textContent).toBe('Sorties de 500 m.');
  });

  it('reads linked actions, and still reads a goal written before actions existed', () => {
    const doc = new Y.Doc();
    const withActions = goalElement({ goalId: 'g-1', status: 'active' }, 'Marcher.', '500 m.');
    const actions = new Y.XmlElement(GOAL_ACTIONS_NODE);
    const action = new Y.XmlElement(GOAL_ACTION_NODE);
    const actionAttrs = { actionId: 'a-1', who: 'Dre Roy, physiothérapeute', when: 'chaque lundi', support: 'Marchette' };
    for (const [name, value] of Object.entries(actionAttrs)) action.setAttribute(name, value);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Marcher 200 m.')]);
    action.insert(0, [paragraph]);
    actions.insert(0, [action]);
    withActions.insert(2, [actions]);
    doc.getXmlFragment('default').insert(0, [withActions, goalElement({ goalId: 'g-2', status: 'proposed' }, 'Ancien.', '')]);

    const { node, dropped } = readAsEditor(doc, clientSchema());
    expect(dropped).toBe(false);
    const read = node.child(0).child(2).child(0);
    expect(read.type.name).toBe(GOAL_ACTION_NODE);
    expect(read.attrs).toEqual(actionAttrs);
    expect(read.textContent).toBe('Marcher 200 m.');
    expect(node.child(1).childCount).toBe(2);
  });

  it('writes optional attributes only when they have a value', () => {
    const schema = clientSchema();
    const goal = schema.nodeFromJSON({
      type: NEGOTIATED_GOAL_NODE,
      attrs: { goalId: 'g-2' },
      content: [
        { type: GOAL_OWN_WORDS_NODE, content: [{ type: 'paragraph' }] },
        { type: GOAL_REFORMULATION_NODE, content: [{ type: 'paragraph' }] },
      ],
    });
    const doc = new Y.Doc();
    prosemirrorToYXmlFragment(schema.node('doc', null, [goal]), doc.getXmlFragment('default'));
    const element = doc.getXmlFragment('default').get(0) as Y.XmlElement;
    expect(element.getAttributes()).toEqual({ goalId: 'g-2', status: 'proposed' });
  });
});

describe('pasted goal ids', () => {
  const schema = clientSchema();
  const goalNode = (goalId: string) =>
    schema.nodeFromJSON({
      type: NEGOTIATED_GOAL_NODE,
      attrs: { goalId },
      content: [
        { type: GOAL_OWN_WORDS_NODE, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'mes mots' }] }] },
        { type: GOAL_REFORMULATION_NODE, content: [{ type: 'paragraph' }] },
      ],
    });

  it('gives a pasted copy of a goal already in the document a new id, and keeps a unique one', () => {
    const doc = schema.node('doc', null, [goalNode('taken')]);
    const pasted = withUniqueGoalIds(new Slice(Fragment.from([goalNode('taken'), goalNode('free'), goalNode('free')]), 0, 0), doc);
    const ids = [...goalIdsIn(schema.node('doc', null, pasted.content.content))];
    expect(ids).toHaveLength(3);
    expect(ids).not.toContain('taken');
    expect(ids).toContain('free');
    expect(pasted.content.child(0).textContent).toBe('mes mots');
  });

  it('gives a pasted copy of an action already in the document a new id', () => {
    const withAction = (goalId: string, actionId: string) =>
      schema.nodeFromJSON({
        type: NEGOTIATED_GOAL_NODE,
        attrs: { goalId },
        content: [
          { type: GOAL_OWN_WORDS_NODE, content: [{ type: 'paragraph' }] },
          { type: GOAL_REFORMULATION_NODE, content: [{ type: 'paragraph' }] },
          { type: GOAL_ACTIONS_NODE, content: [{ type: GOAL_ACTION_NODE, attrs: { actionId }, content: [{ type: 'paragraph' }] }] },
        ],
      });
    const doc = schema.node('doc', null, [withAction('g', 'a')]);
    const pasted = withUniqueGoalIds(new Slice(Fragment.from([withAction('g', 'a')]), 0, 0), doc);
    const ids = [...actionIdsIn(schema.node('doc', null, pasted.content.content))];
    expect(ids).toHaveLength(1);
    expect(ids[0]).not.toBe('a');
  });
});
