/**
 * Suggestion mode on the server (ADR 0005). This folder owns what commenters may change in a
 * document (`validateSuggestion`, the `validateSuggestion` sync hook), reading open suggestions
 * from a document, and accepting or rejecting them on an editor's behalf (suggestionService.ts).
 *
 * The check applies the update to a scratch copy of the room's document (never to the room's
 * own), then judges what it added and deleted, text by text (textEffects.ts).
 */
import * as Y from 'yjs';
import { CLOSE_CODES } from '../../../shared/src/index';
import type { UpdateContext, UpdateVerdict } from '../sync/hooks';
import { SUGGESTION_MARK, fullyDeleted, readMark, structsIn, type DeleteSet } from './suggestionMark';
import { checkTextEffects } from './textEffects';

const ORIGIN = Symbol('suggestion-check');

export function validateSuggestion(context: UpdateContext, update: Uint8Array, roomDoc: Y.Doc): UpdateVerdict {
  try {
    return check(context, update, roomDoc);
  } catch {
    // Hostile bytes must never take the server down (invariant 5): what cannot be checked is refused.
    return refuse('This change could not be checked.');
  }
}

function check(context: UpdateContext, update: Uint8Array, roomDoc: Y.Doc): UpdateVerdict {
  const scratch = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(roomDoc));
    // Accepted updates still waiting in the group commit come first: this one may build on them.
    for (const accepted of context.unapplied?.() ?? []) Y.applyUpdate(scratch, accepted);
    const clocksBefore = Y.decodeStateVector(Y.encodeStateVector(scratch));
    const deletedBefore = Y.createDeleteSetFromStructStore(scratch.store);
    const pendingBefore = pendingOf(scratch);
    let deletedByUpdate: DeleteSet | null = null;
    const capture = (transaction: Y.Transaction) => {
      if (transaction.origin === ORIGIN) deletedByUpdate = transaction.deleteSet;
    };
    scratch.on('afterTransaction', capture);
    try {
      Y.applyUpdate(scratch, update, ORIGIN);
    } catch {
      return refuse('This change could not be applied to the document.');
    }
    scratch.off('afterTransaction', capture);
    // Anything left waiting for missing changes would integrate later, unchecked.
    if (pendingOf(scratch) !== pendingBefore) return refuse('This change depends on changes the server does not have.');

    const clockBefore = (client: number) => clocksBefore.get(client) ?? 0;
    const texts = new Set<Y.Text>();
    let changed = false;
    for (const [client, clockAfter] of Y.decodeStateVector(Y.encodeStateVector(scratch))) {
      if (clockAfter <= clockBefore(client)) continue;
      changed = true;
      for (const struct of structsIn(scratch, client, clockBefore(client), clockAfter)) {
        const problem = touch(struct, texts, 'adds');
        if (problem) return refuse(problem);
      }
    }
    for (const [client, ranges] of (deletedByUpdate as DeleteSet | null)?.clients ?? []) {
      for (const range of ranges) {
        changed = true;
        for (const struct of structsIn(scratch, client, range.clock, range.clock + range.len)) {
          // Deleting what this same update created adds nothing to judge.
          if (struct.id.clock >= clockBefore(client)) continue;
          const problem = touch(struct, texts, 'deletes');
          if (problem) return refuse(problem);
        }
      }
    }
    // A reconnecting client's sync step 2 often repeats what the room has: nothing to store.
    if (!changed) return { kind: 'drop' };

    let markAuthors: Map<string, string[]> | undefined;
    const ctx = {
      memberId: context.access.memberId,
      clockBefore,
      deletedBefore: (client: number, clock: number, len: number) => fullyDeleted(deletedBefore, client, clock, len),
      clientOwner: (client: number) => context.clientOwner?.(client),
      idTakenByOther: (id: string) => (markAuthors ??= existingMarkAuthors(scratch, clockBefore)).get(id)?.some((a) => a !== context.access.memberId) ?? false,
    };
    for (const text of texts) {
      const problem = checkTextEffects(text, ctx);
      if (problem) return refuse(problem);
    }
    return { kind: 'accept' };
  } finally {
    scratch.destroy();
  }
}

/** Records the text an added or deleted struct belongs to; anything outside text is refused. */
function touch(struct: Y.Item | Y.GC, texts: Set<Y.Text>, verb: 'adds' | 'deletes'): string | null {
  if (struct instanceof Y.GC) return null;
  // A new item that is already deleted (typed, then erased before sending) adds nothing.
  if (verb === 'adds' && (struct.deleted || struct.content instanceof Y.ContentDeleted)) return null;
  const parent = struct.parent;
  if (parent instanceof Y.Text && struct.parentSub === null) {
    texts.add(parent);
    return null;
  }
  return verb === 'adds'
    ? 'Suggestions may only add text inside existing paragraphs, not new blocks or attributes.'
    : 'Suggestions cannot remove blocks or attributes; suggest a deletion of the text instead.';
}

/** Authors of every suggestion id present before the update (read once, only when a new mark needs it). */
function existingMarkAuthors(doc: Y.Doc, clockBefore: (client: number) => number): Map<string, string[]> {
  const authors = new Map<string, string[]>();
  for (const [client, structs] of doc.store.clients) {
    for (const struct of structs) {
      if (struct.id.clock >= clockBefore(client)) break;
      if (!(struct instanceof Y.Item) || struct.deleted || !(struct.content instanceof Y.ContentFormat)) continue;
      const mark = readMark(struct.content.key === SUGGESTION_MARK ? struct.content.value : null);
      if (mark && mark !== 'invalid') authors.set(mark.id, [...(authors.get(mark.id) ?? []), mark.author]);
    }
  }
  return authors;
}

function pendingOf(doc: Y.Doc): string {
  const { pendingStructs, pendingDs } = doc.store;
  const b64 = (bytes: Uint8Array | null | undefined) => (bytes ? Buffer.from(bytes).toString('base64') : '');
  return `${b64(pendingStructs?.update)}|${b64(pendingDs)}`;
}

function refuse(reason: string): UpdateVerdict {
  return { kind: 'reject', code: CLOSE_CODES.suggestionRefused, reason: `Refused: ${reason}` };
}
