/**
 * The negotiated goal block (docs/adr/0003-negotiated-goal-block.md): node names, content and
 * attribute defaults are exactly those of the ADR and server/test/tiptapSchema.ts, because
 * y-tiptap deletes from the shared document any element the editor's schema cannot build.
 * HTML parsing and rendering only serve copy and paste; the Yjs form comes from the attributes.
 */
import { Node, mergeAttributes, type Attribute } from '@tiptap/core';
import { ReactNodeViewRenderer } from '@tiptap/react';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import {
  GOAL_ACTION_CONTENT,
  GOAL_ACTION_NODE,
  GOAL_ACTIONS_CONTENT,
  GOAL_ACTIONS_NODE,
  GOAL_OWN_WORDS_NODE,
  GOAL_REFORMULATION_NODE,
  GOAL_VOICE_CONTENT,
  GoalStatusSchema,
  NEGOTIATED_GOAL_CONTENT,
  NEGOTIATED_GOAL_NODE,
} from '../../../../shared/src/index';
import { newGoalId, withUniqueGoalIds } from './goalIds';
import { NegotiatedGoalView } from './NegotiatedGoalView';
import { GoalVoiceView } from './GoalVoiceView';
import { GoalActionsView } from './GoalActionsView';
import { GoalActionView } from './GoalActionView';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    negotiatedGoal: {
      /** Inserts an empty goal after the block that holds the selection, and puts the caret in "own words". */
      insertNegotiatedGoal: () => ReturnType;
    };
  }
}

/** A string attribute kept in a `data-*` HTML attribute; null (absent in Yjs) when empty. */
function dataAttribute(name: string, htmlName: string, fallback: string | null = null): Attribute {
  return {
    default: fallback,
    parseHTML: (element) => element.getAttribute(htmlName) || fallback,
    renderHTML: (attributes) => {
      const value: unknown = attributes[name];
      return typeof value === 'string' && value.length > 0 ? { [htmlName]: value } : {};
    },
  };
}

export const NegotiatedGoal = Node.create({
  name: NEGOTIATED_GOAL_NODE,
  group: 'block',
  content: NEGOTIATED_GOAL_CONTENT,
  defining: true,
  isolating: true,

  addAttributes() {
    return {
      goalId: dataAttribute('goalId', 'data-goal-id'),
      status: {
        ...dataAttribute('status', 'data-status', 'proposed'),
        parseHTML: (element: HTMLElement) => GoalStatusSchema.catch('proposed').parse(element.getAttribute('data-status')),
      },
      targetDate: dataAttribute('targetDate', 'data-target-date'),
      expressedBy: dataAttribute('expressedBy', 'data-expressed-by'),
      expressedByName: dataAttribute('expressedByName', 'data-expressed-by-name'),
    };
  },

  parseHTML: () => [{ tag: 'div[data-type="negotiated-goal"]' }],
  renderHTML: ({ HTMLAttributes }) => ['div', mergeAttributes(HTMLAttributes, { 'data-type': 'negotiated-goal' }), 0],
  addNodeView: () => ReactNodeViewRenderer(NegotiatedGoalView, { className: 'goal-node' }),

  addCommands() {
    return {
      insertNegotiatedGoal:
        () =>
        ({ state, tr, dispatch }) => {
          const { schema, selection } = state;
          const paragraph = schema.nodes.paragraph;
          const ownWords = schema.nodes[GOAL_OWN_WORDS_NODE];
          const reformulation = schema.nodes[GOAL_REFORMULATION_NODE];
          const actions = schema.nodes[GOAL_ACTIONS_NODE];
          if (!paragraph || !ownWords || !reformulation || !actions) return false;
          const goal = this.type.create({ goalId: newGoalId(), status: 'proposed' }, [
            ownWords.create(null, paragraph.create()),
            reformulation.create(null, paragraph.create()),
            actions.create(),
          ]);
          if (!dispatch) return true;
          // A goal is a top-level block: it goes after the block holding the caret, or replaces
          // that block when it is an empty paragraph.
          const { $from } = selection;
          const top = $from.depth >= 1 ? $from.node(1) : null;
          let at = $from.depth >= 1 ? $from.after(1) : selection.from;
          if (top && top.type === paragraph && top.content.size === 0) {
            at = $from.before(1);
            tr.replaceWith(at, $from.after(1), goal);
          } else {
            tr.insert(at, goal);
          }
          const after = at + goal.nodeSize;
          // Leave a line to go on writing after a goal at the end of the document.
          if (after >= tr.doc.content.size) tr.insert(after, paragraph.create());
          tr.setSelection(TextSelection.create(tr.doc, at + 3)).scrollIntoView();
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('negotiatedGoalIds'),
        props: {
          // A goal dragged to another place within the document is the same goal; a copy is a new one.
          transformPasted: (slice, view) => (view.dragging?.move ? slice : withUniqueGoalIds(slice, view.state.doc)),
        },
      }),
    ];
  },
});

function voiceNode(name: string, htmlType: string) {
  return Node.create({
    name,
    content: GOAL_VOICE_CONTENT,
    isolating: true,
    parseHTML: () => [{ tag: `div[data-type="${htmlType}"]` }],
    renderHTML: ({ HTMLAttributes }) => ['div', mergeAttributes(HTMLAttributes, { 'data-type': htmlType }), 0],
    addNodeView: () => ReactNodeViewRenderer(GoalVoiceView, { className: `goal-voice-node goal-voice-node--${htmlType}` }),
  });
}

export const GoalOwnWords = voiceNode(GOAL_OWN_WORDS_NODE, 'goal-own-words');
export const GoalReformulation = voiceNode(GOAL_REFORMULATION_NODE, 'goal-reformulation');

/** The goal's linked actions: zero or more `goalAction`, shown under the two voices. */
export const GoalActions = Node.create({
  name: GOAL_ACTIONS_NODE,
  content: GOAL_ACTIONS_CONTENT,
  isolating: true,
  parseHTML: () => [{ tag: 'div[data-type="goal-actions"]' }],
  renderHTML: ({ HTMLAttributes }) => ['div', mergeAttributes(HTMLAttributes, { 'data-type': 'goal-actions' }), 0],
  addNodeView: () => ReactNodeViewRenderer(GoalActionsView, { className: 'goal-actions-node' }),
});

/** One linked action: who / when / support as attributes (absent when empty), one paragraph saying what. */
export const GoalAction = Node.create({
  name: GOAL_ACTION_NODE,
  content: GOAL_ACTION_CONTENT,
  isolating: true,
  addAttributes() {
    return {
      actionId: dataAttribute('actionId', 'data-action-id'),
      who: dataAttribute('who', 'data-who'),
      when: dataAttribute('when', 'data-when'),
      support: dataAttribute('support', 'data-support'),
    };
  },
  parseHTML: () => [{ tag: 'div[data-type="goal-action"]' }],
  renderHTML: ({ HTMLAttributes }) => ['div', mergeAttributes(HTMLAttributes, { 'data-type': 'goal-action' }), 0],
  addNodeView: () => ReactNodeViewRenderer(GoalActionView, { className: 'goal-action-node' }),
});

export const NEGOTIATED_GOAL_EXTENSIONS = [NegotiatedGoal, GoalOwnWords, GoalReformulation, GoalActions, GoalAction];
