/**
 * What every export format renders from: the document's content tree, its title and workspace,
 * its members, and the reading of each negotiated goal block. Client-written attributes are
 * read leniently here (an export must never fail on odd content); what is unreadable is left out.
 */
import {
  GOAL_ACTION_NODE,
  GOAL_ACTIONS_NODE,
  GOAL_OWN_WORDS_NODE,
  GOAL_REFORMULATION_NODE,
  GoalDateSchema,
  GoalStatusSchema,
  type GoalStatus,
  type Language,
  type Role,
} from '../../../shared/src/index';
import { plainText, stringAttr, type DocNode, type ElementNode } from '../content/tree';

export interface ExportMember {
  userId: string;
  displayName: string;
  role: Role;
}

export interface ExportInput {
  documentId: string;
  title: string;
  template: string | null;
  workspaceName: string;
  language: Language;
  /** Milliseconds since the epoch. */
  exportedAt: number;
  createdAt: number;
  nodes: DocNode[];
  members: ExportMember[];
}

export interface GoalView {
  goalId: string | null;
  status: GoalStatus;
  targetDate: string | null;
  expressedBy: string | null;
  /** The member's current name when they are a member, else the name stored in the block. */
  expressedByName: string | null;
  ownWords: DocNode[];
  reformulation: DocNode[];
  /** The goal's linked actions, in order (exports skip those that are still empty: `actionIsEmpty`). */
  actions: ActionView[];
}

export interface ActionView {
  actionId: string | null;
  who: string | null;
  /** Free text, or a calendar date (`whenDate`) that exports write as a date. */
  when: string | null;
  whenDate: string | null;
  support: string | null;
  description: DocNode[];
}

export function readGoal(node: ElementNode, members: ExportMember[]): GoalView {
  const status = GoalStatusSchema.safeParse(node.attrs.status);
  const date = GoalDateSchema.safeParse(node.attrs.targetDate);
  const expressedBy = stringAttr(node, 'expressedBy');
  const member = expressedBy ? members.find((m) => m.userId === expressedBy) : undefined;
  return {
    goalId: stringAttr(node, 'goalId'),
    // An unknown status reads as "proposed": the one that claims nothing has been agreed.
    status: status.success ? status.data : 'proposed',
    targetDate: date.success ? date.data : null,
    expressedBy,
    expressedByName: member?.displayName ?? stringAttr(node, 'expressedByName'),
    ownWords: voice(node, GOAL_OWN_WORDS_NODE),
    reformulation: voice(node, GOAL_REFORMULATION_NODE),
    actions: goalActionElements(node).map(readAction),
  };
}

/** An action nobody has written anything in yet (the template's example): exports leave it out. */
export function actionIsEmpty(action: ActionView): boolean {
  return !action.who && !action.when && !action.support && plainText(action.description).trim() === '';
}

/** The goal's action elements, as the Yjs side (fhir/goalAuthors.ts) walks them too. */
export function goalActionElements(goal: ElementNode): ElementNode[] {
  return goal.content
    .filter((child): child is ElementNode => child.kind === 'element' && child.type === GOAL_ACTIONS_NODE)
    .flatMap((list) => list.content.filter((child): child is ElementNode => child.kind === 'element' && child.type === GOAL_ACTION_NODE));
}

export function readAction(node: ElementNode): ActionView {
  const when = stringAttr(node, 'when')?.trim() || null;
  return {
    actionId: stringAttr(node, 'actionId'),
    who: stringAttr(node, 'who')?.trim() || null,
    when,
    whenDate: when && GoalDateSchema.safeParse(when).success ? when : null,
    support: stringAttr(node, 'support')?.trim() || null,
    description: node.content,
  };
}

function voice(node: ElementNode, type: string): DocNode[] {
  return node.content.filter((child): child is ElementNode => child.kind === 'element' && child.type === type).flatMap((child) => child.content);
}

/** Readable dates in the export's language; `YYYY-MM-DD` strings are calendar dates (no zone). */
export function formatDate(value: number | string, language: Language): string {
  const date = typeof value === 'string' ? new Date(`${value}T00:00:00Z`) : new Date(value);
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-CA' : 'en-GB', options).format(date);
}

/** A file name people can read: the title without accents or punctuation, then the date. */
export function exportFileName(title: string, exportedAt: number, extension: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'document'}-${new Date(exportedAt).toISOString().slice(0, 10)}.${extension}`;
}
