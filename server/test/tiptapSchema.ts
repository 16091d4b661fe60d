/**
 * The editor's ProseMirror schema, built in Node from the same Tiptap extensions as the client
 * (client/src/editor/CollaborativeEditor.tsx), plus a reference definition of the negotiated
 * goal nodes written from shared/src/domain/goals.ts. Tests use it with @tiptap/y-tiptap's own
 * converters, so "as the editor would read or write it" is checked, not assumed.
 */
import { Node, getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import type { Node as PmNode, Schema } from '@tiptap/pm/model';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import {
  GOAL_ACTION_CONTENT,
  GOAL_ACTION_NODE,
  GOAL_ACTIONS_CONTENT,
  GOAL_ACTIONS_NODE,
  GOAL_OWN_WORDS_NODE,
  GOAL_REFORMULATION_NODE,
  GOAL_VOICE_CONTENT,
  NEGOTIATED_GOAL_CONTENT,
  NEGOTIATED_GOAL_NODE,
} from '../../shared/src/index';

export const NegotiatedGoal = Node.create({
  name: NEGOTIATED_GOAL_NODE,
  group: 'block',
  content: NEGOTIATED_GOAL_CONTENT,
  defining: true,
  isolating: true,
  addAttributes() {
    return {
      goalId: { default: null },
      status: { default: 'proposed' },
      targetDate: { default: null },
      expressedBy: { default: null },
      expressedByName: { default: null },
    };
  },
});
export const GoalOwnWords = Node.create({ name: GOAL_OWN_WORDS_NODE, content: GOAL_VOICE_CONTENT, isolating: true });
export const GoalReformulation = Node.create({ name: GOAL_REFORMULATION_NODE, content: GOAL_VOICE_CONTENT, isolating: true });
export const GoalActions = Node.create({ name: GOAL_ACTIONS_NODE, content: GOAL_ACTIONS_CONTENT, isolating: true });
export const GoalAction = Node.create({
  name: GOAL_ACTION_NODE,
  content: GOAL_ACTION_CONTENT,
  isolating: true,
  addAttributes() {
    return { actionId: { default: null }, who: { default: null }, when: { default: null }, support: { default: null } };
  },
});

export function editorSchema(): Schema {
  return getSchema([StarterKit.configure({ undoRedo: false, heading: { levels: [2, 3] } }), NegotiatedGoal, GoalOwnWords, GoalReformulation, GoalActions, GoalAction]);
}

/**
 * Reads a document's content the way the editor does. y-tiptap deletes (in the Y.Doc!) any
 * element the schema refuses, so this works on a copy and reports whether anything was dropped.
 */
export function readAsEditor(doc: Y.Doc, schema: Schema): { node: PmNode; dropped: boolean } {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  let dropped = false;
  copy.on('update', () => (dropped = true));
  const node = yXmlFragmentToProseMirrorRootNode(copy.getXmlFragment('default'), schema);
  node.check();
  copy.destroy();
  return { node, dropped };
}
