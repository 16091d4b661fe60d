/**
 * Where suggestions are in a document: every run of text carrying a valid `suggestion` mark,
 * in document order, read from the editor's content (XmlFragment 'default').
 */
import * as Y from 'yjs';
import type { SuggestionMark } from '../../../shared/src/index';
import { CONTENT_FIELD } from '../content/documentState';
import { MAX_READ_DEPTH } from '../content/yxml';
import { SUGGESTION_MARK, readMark } from './suggestionMark';

export interface SuggestionRun {
  text: Y.XmlText;
  index: number;
  length: number;
  str: string;
  mark: SuggestionMark;
}

export function suggestionRuns(doc: Y.Doc): SuggestionRun[] {
  const runs: SuggestionRun[] = [];
  const visit = (parent: Y.XmlFragment | Y.XmlElement, depth: number) => {
    if (depth > MAX_READ_DEPTH) return;
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlElement) visit(child, depth + 1);
      else if (child instanceof Y.XmlText) runs.push(...runsOf(child));
    }
  };
  visit(doc.getXmlFragment(CONTENT_FIELD), 0);
  return runs;
}

function runsOf(text: Y.XmlText): SuggestionRun[] {
  const runs: SuggestionRun[] = [];
  let index = 0;
  for (const op of text.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1;
    const mark = readMark(op.attributes?.[SUGGESTION_MARK]);
    if (mark !== null && mark !== 'invalid') runs.push({ text, index, length, str: typeof op.insert === 'string' ? op.insert : '', mark });
    index += length;
  }
  return runs;
}

/** Open suggestions by id, in order of first appearance; runs of one id keep their kind and author. */
export function groupRuns(runs: SuggestionRun[]): Map<string, { mark: SuggestionMark; runs: SuggestionRun[] }> {
  const groups = new Map<string, { mark: SuggestionMark; runs: SuggestionRun[] }>();
  for (const run of runs) {
    const group = groups.get(run.mark.id);
    if (!group) groups.set(run.mark.id, { mark: run.mark, runs: [run] });
    else if (group.mark.kind === run.mark.kind && group.mark.author === run.mark.author) group.runs.push(run);
  }
  return groups;
}
