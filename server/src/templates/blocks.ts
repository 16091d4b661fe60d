/**
 * Small builders for template content, in the node names of Tiptap's StarterKit as the editor
 * configures it (headings of level 2 and 3 only: the document title is the page's level 1).
 */
import {
  GOAL_ACTION_NODE,
  GOAL_ACTIONS_NODE,
  GOAL_OWN_WORDS_NODE,
  GOAL_REFORMULATION_NODE,
  NEGOTIATED_GOAL_NODE,
  type GoalActionAttributes,
  type NegotiatedGoalAttributes,
} from '../../../shared/src/index';
import { element, text, type DocNode, type ElementNode } from '../content/tree';

export const NBSP = '\u00a0';
/** Narrow no-break space, before « ? », « ! » and « ; » in French. */
export const NNBSP = '\u202f';

export const h2 = (title: string): ElementNode => element('heading', [text(title)], { level: 2 });
export const h3 = (title: string): ElementNode => element('heading', [text(title)], { level: 3 });

/** A paragraph; without text, the empty line where people start writing. */
export const p = (value = ''): ElementNode => element('paragraph', value ? [text(value)] : []);

/**
 * A short guiding question, in italics so that readers (and the FHIR export, which skips them
 * when it looks for the person's words) can tell it from what people write.
 */
export const prompt = (value: string): ElementNode => element('paragraph', [text(value, 'italic')]);

/** A paragraph that starts with a bold label ("Who: ") to be completed. */
export const labelled = (label: string): ElementNode => element('paragraph', [text(label, 'bold'), text(' ')]);

const item = (...blocks: ElementNode[]): ElementNode => element('listItem', blocks.length ? blocks : [p()]);

/** A bullet list; each entry is a paragraph (a string) or the blocks of one item. */
export function bullets(...entries: Array<string | ElementNode | ElementNode[]>): ElementNode {
  return element('bulletList', entries.map(toItem));
}

export function numbered(...entries: Array<string | ElementNode | ElementNode[]>): ElementNode {
  return element('orderedList', entries.map(toItem), { start: 1 });
}

function toItem(entry: string | ElementNode | ElementNode[]): ElementNode {
  if (typeof entry === 'string') return item(p(entry));
  return Array.isArray(entry) ? item(...entry) : item(entry);
}

/** One list item with a bold label, and the details it asks for as a nested list of labels. */
export function labelledGroup(label: string, details: string[]): ElementNode[] {
  return [labelled(label), bullets(...details.map((d) => labelled(d)))];
}

/** A linked action of a goal: its facts as attributes, its description as one paragraph. */
export function goalAction(attrs: GoalActionAttributes, description = ''): ElementNode {
  return element(GOAL_ACTION_NODE, [p(description)], { ...attrs });
}

/** A negotiated goal block (shared/src/domain/goals.ts) with both voices still empty, and its actions. */
export function negotiatedGoal(attrs: NegotiatedGoalAttributes, actions: ElementNode[] = []): ElementNode {
  return element(
    NEGOTIATED_GOAL_NODE,
    [element(GOAL_OWN_WORDS_NODE, [p()]), element(GOAL_REFORMULATION_NODE, [p()]), element(GOAL_ACTIONS_NODE, actions)],
    { ...attrs },
  );
}

export type Blocks = DocNode[];
