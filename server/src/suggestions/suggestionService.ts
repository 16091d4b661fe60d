/**
 * Open suggestions of a document, and accepting or rejecting one on an editor's behalf
 * (ADR 0005). The change is built on a scratch document rebuilt from storage, with a fresh
 * client id, and submitted through the room manager: logged under the editor, then applied
 * and relayed like a keystroke.
 */
import * as Y from 'yjs';
import {
  canEditContent,
  type Suggestion,
  type SuggestionAction,
  type SuggestionDecision,
  type SuggestionList,
} from '../../../shared/src/index';
import { loadPeople, person } from '../comments/people';
import { loadStoredDoc } from '../content/documentState';
import type { DocumentGate } from '../decisions/decisionService';
import { AppError, notFound } from '../errors';
import type { DocumentRecord, Store } from '../storage/store';
import { SUGGESTION_MARK } from './suggestionMark';
import { groupRuns, suggestionRuns, type SuggestionRun } from './suggestionRuns';

export class SuggestionService {
  constructor(
    private readonly store: Store,
    private readonly gate: DocumentGate,
    private readonly rooms: { submit(documentId: string, memberId: string, update: Uint8Array): Promise<number> },
  ) {}

  async list(userId: string, documentId: string): Promise<SuggestionList> {
    const access = await this.gate.documentAccess(userId, documentId);
    if (!access) throw notFound('This document');
    return { documentId, suggestions: await this.openSuggestions(access.document) };
  }

  /** The open suggestions, for callers that have checked access already (review rounds). */
  async openSuggestions(document: DocumentRecord): Promise<Suggestion[]> {
    const doc = await loadStoredDoc(this.store, document.id);
    try {
      const groups = [...groupRuns(suggestionRuns(doc)).values()];
      const people = await loadPeople(this.store, document.workspaceId, groups.map((g) => g.mark.author));
      return groups.map(({ mark, runs }) => ({ id: mark.id, kind: mark.kind, author: person(people, mark.author), text: joinRuns(runs), at: mark.at }));
    } finally {
      doc.destroy();
    }
  }

  async decide(userId: string, documentId: string, suggestionId: string, action: SuggestionAction): Promise<SuggestionDecision> {
    const access = await this.gate.documentAccess(userId, documentId);
    if (!access) throw notFound('This document');
    if (!canEditContent(access.permission)) throw new AppError('forbidden', 'Only owners and editors can accept or reject suggestions.');
    const doc = await loadStoredDoc(this.store, documentId);
    try {
      const group = groupRuns(suggestionRuns(doc)).get(suggestionId);
      if (!group) throw new AppError('not_found', 'This suggestion was not found: it may have been accepted or rejected already.');
      const updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(update));
      // Keeping the text means dropping the mark; otherwise the marked text goes.
      const keepText = (group.mark.kind === 'insert') === (action === 'accept');
      Y.transact(doc, () => {
        // Last run first, so the indexes of earlier runs in the same text stay valid.
        for (const run of [...group.runs].reverse()) {
          if (keepText) run.text.format(run.index, run.length, { [SUGGESTION_MARK]: null });
          else run.text.delete(run.index, run.length);
        }
      });
      const seq = await this.rooms.submit(documentId, userId, Y.mergeUpdates(updates));
      return { documentId, suggestionId, action, kind: group.mark.kind, seq };
    } finally {
      doc.destroy();
    }
  }
}

/** Runs of one suggestion as one text: pieces of one paragraph joined, paragraphs on new lines. */
function joinRuns(runs: SuggestionRun[]): string {
  let text = '';
  runs.forEach((run, i) => {
    const previous = runs[i - 1];
    if (previous && previous.text !== run.text) text += '\n';
    else if (previous && previous.index + previous.length !== run.index) text += ' … ';
    text += run.str;
  });
  return text;
}
