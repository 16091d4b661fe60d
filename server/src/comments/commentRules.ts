/**
 * Who may do what with comments. Permission governs it: owners, editors and commenters
 * comment, viewers only read. A person edits only their own words; a thread is resolved or
 * reopened by whoever started it, or by the document's owners and editors.
 */
import { canEditContent, type Permission } from '../../../shared/src/index';

export interface CommentActor {
  userId: string;
  /** The caller's permission on this document (its access list may differ from the workspace). */
  permission: Permission;
  /** An archived document is read-only for everyone, comments included. */
  archived: boolean;
}

export function canComment(actor: CommentActor): boolean {
  return !actor.archived && actor.permission !== 'viewer';
}

export function canEditComment(actor: CommentActor, authorId: string): boolean {
  return canComment(actor) && actor.userId === authorId;
}

export function canChangeThreadStatus(actor: CommentActor, threadAuthorId: string): boolean {
  return canComment(actor) && (canEditContent(actor.permission) || actor.userId === threadAuthorId);
}

/** The reason a refused comment write gets, naming what the caller can still do. */
export function refusalReason(actor: CommentActor, what: string): string {
  if (actor.archived) return 'This document is archived: its comments can be read but no longer changed.';
  if (actor.permission === 'viewer') return 'Viewers can read comments but cannot write them.';
  return what;
}
