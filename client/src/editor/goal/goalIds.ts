/**
 * Goal ids: fresh ones for new and pasted goal blocks (ADR 0003: unique in the document,
 * regenerated when a pasted block would duplicate one).
 */
import { Fragment, Slice, type Node as PmNode } from '@tiptap/pm/model';
import { GOAL_ACTION_NODE, NEGOTIATED_GOAL_NODE } from '../../../../shared/src/index';

/**
 * `crypto.randomUUID` exists only in secure contexts (https, localhost); a phone that joins a
 * workshop over plain http on the local network still needs ids, so fall back to random bytes.
 */
export function newGoalId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function goalIdsIn(doc: PmNode): Set<string> {
  const ids = new Set<string>();
  doc.descendants((node) => {
    if (node.type.name !== NEGOTIATED_GOAL_NODE) return true;
    if (typeof node.attrs.goalId === 'string') ids.add(node.attrs.goalId);
    return false;
  });
  return ids;
}

export function actionIdsIn(doc: PmNode): Set<string> {
  const ids = new Set<string>();
  doc.descendants((node) => {
    if (node.type.name !== GOAL_ACTION_NODE) return true;
    if (typeof node.attrs.actionId === 'string') ids.add(node.attrs.actionId);
    return false;
  });
  return ids;
}

interface Taken {
  goals: Set<string>;
  actions: Set<string>;
}

function renewFragment(fragment: Fragment, taken: Taken): Fragment {
  const nodes: PmNode[] = [];
  fragment.forEach((node) => {
    const content = node.isText || node.childCount === 0 ? node.content : renewFragment(node.content, taken);
    const [attr, ids] =
      node.type.name === NEGOTIATED_GOAL_NODE ? (['goalId', taken.goals] as const) : node.type.name === GOAL_ACTION_NODE ? (['actionId', taken.actions] as const) : [null, null];
    if (!attr) {
      nodes.push(node.isText ? node : node.copy(content));
      return;
    }
    const current: unknown = node.attrs[attr];
    const id = typeof current === 'string' && current.length > 0 && !ids.has(current) ? current : newGoalId();
    ids.add(id);
    nodes.push(node.type.create({ ...node.attrs, [attr]: id }, content, node.marks));
  });
  return Fragment.from(nodes);
}

/**
 * Gives each goal block, and each linked action, in a pasted slice an id that is not in the
 * document yet (nor earlier in the slice). A goal that was cut keeps its id, since the cut
 * already removed it.
 */
export function withUniqueGoalIds(slice: Slice, doc: PmNode): Slice {
  return new Slice(renewFragment(slice.content, { goals: goalIdsIn(doc), actions: actionIdsIn(doc) }), slice.openStart, slice.openEnd);
}
