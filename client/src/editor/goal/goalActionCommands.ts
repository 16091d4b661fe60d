/**
 * Adding a linked action to a goal: a new `goalAction` (fresh id, empty description) at the end
 * of the goal's `goalActions`, or a new `goalActions` holding it for a goal written before
 * linked actions existed. The caret moves into the new action's description.
 */
import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { GOAL_ACTION_NODE, GOAL_ACTIONS_NODE } from '../../../../shared/src/index';
import { newGoalId } from './goalIds';

export function addGoalAction(editor: Editor, at: number, withList: boolean): boolean {
  const { schema } = editor.state;
  const action = schema.nodes[GOAL_ACTION_NODE];
  const list = schema.nodes[GOAL_ACTIONS_NODE];
  const paragraph = schema.nodes.paragraph;
  if (!action || !list || !paragraph || !editor.isEditable) return false;
  const node = action.create({ actionId: newGoalId() }, paragraph.create());
  const tr = editor.state.tr.insert(at, withList ? list.create(null, node) : node);
  // Into the list (when new), into the action, into its paragraph.
  tr.setSelection(TextSelection.create(tr.doc, at + (withList ? 1 : 0) + 2)).scrollIntoView();
  editor.view.dispatch(tr);
  editor.view.focus();
  return true;
}
