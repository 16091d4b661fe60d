/**
 * Who wrote each negotiated goal and each of its linked actions, for the FHIR Provenance
 * resources: the members whose logged updates carry the block, its current attributes (status,
 * date, who...) or any of its current text. A goal's authors are those of the goal without its
 * actions; each action has its own. The log's author of each update was decided by the server from the authenticated
 * connection (DESIGN: attribution is earned), so this is as trustworthy as the log itself.
 */
import * as Y from 'yjs';
import { GOAL_ACTION_NODE, GOAL_ACTIONS_NODE, NEGOTIATED_GOAL_NODE } from '../../../../shared/src/index';
import type { LoggedUpdate } from '../../storage/store';
import { CONTENT_FIELD } from '../../content/documentState';
import { MAX_READ_DEPTH } from '../../content/yxml';

export interface GoalAuthorship {
  memberIds: string[];
  /** Time of the latest logged update that shaped the goal as it is now. */
  recorded: number;
}

interface IdRange {
  client: number;
  clock: number;
  len: number;
}

export interface GoalAuthors {
  goal: GoalAuthorship | null;
  /** One entry per action of the goal, in the order exportModel.goalActionElements reads them. */
  actions: Array<GoalAuthorship | null>;
}

/** One entry per goal block, in document order (the order exports list them in). */
export function goalAuthorship(doc: Y.Doc, log: LoggedUpdate[]): GoalAuthors[] {
  const goals = goalElements(doc.getXmlFragment(CONTENT_FIELD), 0);
  if (goals.length === 0) return [];
  const metas = log.map((entry) => ({ entry, meta: Y.parseUpdateMeta(entry.update) }));
  const authorsOf = (ids: IdRange[]): GoalAuthorship | null => {
    const members = new Set<string>();
    let recorded = 0;
    for (const range of ids) {
      for (const { entry, meta } of metas) {
        const from = meta.from.get(range.client);
        const to = meta.to.get(range.client);
        if (from === undefined || to === undefined || from >= range.clock + range.len || to <= range.clock) continue;
        members.add(entry.memberId);
        recorded = Math.max(recorded, entry.time);
      }
    }
    return members.size > 0 ? { memberIds: [...members], recorded } : null;
  };
  return goals.map((goal) => ({
    goal: authorsOf(idsOf(goal, GOAL_ACTIONS_NODE)),
    actions: actionElements(goal).map((action) => authorsOf(idsOf(action))),
  }));
}

function childElements(parent: Y.XmlElement, nodeName: string): Y.XmlElement[] {
  return parent.toArray().filter((child): child is Y.XmlElement => child instanceof Y.XmlElement && child.nodeName === nodeName);
}

function actionElements(goal: Y.XmlElement): Y.XmlElement[] {
  return childElements(goal, GOAL_ACTIONS_NODE).flatMap((list) => childElements(list, GOAL_ACTION_NODE));
}

/** Same traversal as the content tree (content/yxml.ts), so indexes match the exported goals. */
function goalElements(parent: Y.XmlFragment | Y.XmlElement, depth: number): Y.XmlElement[] {
  if (depth > MAX_READ_DEPTH) return [];
  const found: Y.XmlElement[] = [];
  for (const child of parent.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.nodeName === NEGOTIATED_GOAL_NODE) found.push(child);
    else found.push(...goalElements(child, depth + 1));
  }
  return found;
}

/** The ids of an element, its attributes and everything in it, except children named `skip`. */
function idsOf(element: Y.XmlElement, skip?: string): IdRange[] {
  const ids: IdRange[] = [];
  const add = (item: Y.Item | null) => {
    if (item && !item.deleted) ids.push({ client: item.id.client, clock: item.id.clock, len: item.length });
  };
  add(element._item);
  for (const attribute of element._map.values()) add(attribute);
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlElement) {
      if (child.nodeName !== skip) ids.push(...idsOf(child));
    }
    else if (child instanceof Y.XmlText) {
      add(child._item);
      for (let item = child._start; item; item = item.right) add(item);
    }
  }
  return ids;
}
