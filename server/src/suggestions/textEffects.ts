/**
 * The heart of the suggestion check (ADR 0005): walks one text type of the scratch document
 * from its start, keeping the formatting in force before the update (items that existed and
 * were not deleted) and after it, and judges every character the update added, deleted or
 * re-formatted. Judging effects rather than items lets any honest encoding of an allowed edit
 * pass (Yjs splits, merges and cleans up formatting items freely).
 */
import * as Y from 'yjs';
import { SUGGESTION_MARK, applyFormat, isOwnMark, readMark, sameValue } from './suggestionMark';

export interface WalkContext {
  memberId: string;
  /** The client's clock before the update: items at or after it are new. */
  clockBefore(client: number): number;
  /** Whether the whole range was already deleted before the update. */
  deletedBefore(client: number, clock: number, len: number): boolean;
  /** The member a client id is bound to in this document. */
  clientOwner(client: number): string | undefined;
  /** Whether someone else's suggestion in the document already uses this id. */
  idTakenByOther(id: string): boolean;
}

/** Null when every change to this text is an allowed suggestion, else the reason it is not. */
export function checkTextEffects(text: Y.Text, ctx: WalkContext): string | null {
  const before = new Map<string, unknown>();
  const after = new Map<string, unknown>();
  for (let item = text._start; item !== null; item = item.right) {
    const { client, clock } = item.id;
    const oldLength = Math.max(0, Math.min(item.length, ctx.clockBefore(client) - clock));
    const isNew = oldLength < item.length;
    const content = item.content;
    if (content instanceof Y.ContentDeleted) continue;
    if (content instanceof Y.ContentFormat) {
      if (isNew && !item.deleted) {
        const problem = checkNewFormat(content, before, ctx);
        if (problem) return problem;
      }
      if (!isNew && !ctx.deletedBefore(client, clock, 1)) applyFormat(before, content);
      if (!item.deleted) applyFormat(after, content);
      continue;
    }
    if (oldLength > 0) {
      // Deletion is permanent in Yjs: an item alive now was alive before.
      const problem = !item.deleted
        ? checkFormattingChange(before, after, ctx.memberId)
        : ctx.deletedBefore(client, clock, oldLength)
          ? null
          : checkOwnDeletion(item, before, ctx);
      if (problem) return problem;
    }
    if (isNew && !item.deleted) {
      if (!(content instanceof Y.ContentString)) return 'Suggestions may only add text, not other content.';
      if (!isOwnMark(after.get(SUGGESTION_MARK), ctx.memberId, 'insert')) {
        return 'New text must be marked as your own suggested insertion.';
      }
    }
  }
  return null;
}

/** A new formatting item may only open, close or restore the suggestion mark. */
function checkNewFormat(format: Y.ContentFormat, before: Map<string, unknown>, ctx: WalkContext): string | null {
  if (format.key !== SUGGESTION_MARK) return `Suggestions cannot change formatting (“${format.key.slice(0, 40)}”).`;
  const mark = readMark(format.value);
  if (mark === 'invalid') return 'This suggestion mark is malformed.';
  if (mark === null) return null;
  // Ids name suggestions in the API: reusing someone else's would hide or hijack theirs.
  if (mark.author === ctx.memberId) return ctx.idTakenByOther(mark.id) ? 'This suggestion id is already used by someone else’s suggestion.' : null;
  // Yjs restores the value in force after an insertion inside someone else's suggestion.
  return sameValue(format.value, before.get(SUGGESTION_MARK)) ? null : 'A suggestion can only be made in your own name.';
}

/**
 * Existing text may change formatting only by gaining or losing the sender's own deletion
 * suggestion (or re-identifying their own suggestion).
 */
function checkFormattingChange(before: Map<string, unknown>, after: Map<string, unknown>, memberId: string): string | null {
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(key);
    const now = after.get(key);
    if (sameValue(was, now)) continue;
    if (key !== SUGGESTION_MARK) return `Suggestions cannot change the formatting of existing text (“${key.slice(0, 40)}”).`;
    const wasMark = readMark(was);
    if (wasMark !== null && wasMark !== 'invalid' && wasMark.author !== memberId) return 'You cannot change someone else’s suggestion.';
    const ownDeleteOrNone = (v: unknown) => v === undefined || isOwnMark(v, memberId, 'delete');
    if (ownDeleteOrNone(was) && ownDeleteOrNone(now)) continue;
    if (isOwnMark(was, memberId, 'insert') && isOwnMark(now, memberId, 'insert')) continue;
    return 'Existing text can only be marked as your own suggested deletion.';
  }
  return null;
}

/** Deleting is only withdrawing one's own suggested insertion, written by one's own clients. */
function checkOwnDeletion(item: Y.Item, before: Map<string, unknown>, ctx: WalkContext): string | null {
  if (!(item.content instanceof Y.ContentString)) return 'Suggestions cannot delete content; suggest a deletion instead.';
  if (ctx.clientOwner(item.id.client) !== ctx.memberId) return 'You cannot delete text written by someone else; suggest a deletion instead.';
  if (!isOwnMark(before.get(SUGGESTION_MARK), ctx.memberId, 'insert')) return 'You can only delete your own suggested text that is still pending.';
  return null;
}
