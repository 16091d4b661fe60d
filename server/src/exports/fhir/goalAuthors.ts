/**
 * Who wrote each negotiated goal, for the FHIR Provenance resources: the members whose logged
 * updates carry the goal block, its current attributes (status, date...) or any of its current
 * text. The log's author of each update was decided by the server from the authenticated
 * connection (DESIGN: attribution is earned), so this is as trustworthy as the log itself.
 */
import * as Y from 'yjs';
import { NEGOTIATED_GOAL_NODE } from '../../../../shared/src/index';
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

/** One entry per goal block, in document order (the order exports list them in). */
export function goalAuthorship(doc: Y.Doc, log: LoggedUpdate[]): Array<GoalAuthorship | null> {
  const goals = goalElements(doc.getXmlFragment(CONTENT_FIELD), 0);
  if (goals.length === 0) return [];
  const metas = log.map((entry) => ({ entry, meta: Y.parseUpdateMeta(entry.update) }));
  return goals.map((goal) => {
    const members = new Set<string>();
    let recorded = 0;
    for (const range of idsOf(goal)) {
      for (const { entry, meta } of metas) {
        const from = meta.from.get(range.client);
        const to = meta.to.get(range.client);
        if (from === undefined || to === undefined || from >= range.clock + range.len || to <= range.clock) continue;
        members.add(entry.memberId);
        recorded = Math.max(recorded, entry.time);
      }
    }
    return members.size > 0 ? { memberIds: [...members], recorded } : null;
  });
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

function idsOf(element: Y.XmlElement): IdRange[] {
  const ids: IdRange[] = [];
  const add = (item: Y.Item | null) => {
    if (item && !item.deleted) ids.push({ client: item.id.client, clock: item.id.clock, len: item.length });
  };
  add(element._item);
  for (const attribute of element._map.values()) add(attribute);
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlElement) ids.push(...idsOf(child));
    else if (child instanceof Y.XmlText) {
      add(child._item);
      for (let item = child._start; item; item = item.right) add(item);
    }
  }
  return ids;
}
