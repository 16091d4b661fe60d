/**
 * Which threads the Comments tab shows, and who may do what with them. The panel loads every
 * thread once and filters here, so switching filters is instant and the counts stay in step;
 * the meaning of each filter is the server's (`GET /api/documents/:id/comments`), and the rules
 * mirror server/src/comments/commentRules.ts (the server decides; this only hides what it would
 * refuse).
 */
import { canEditContent, type CommentThread, type Perspective, type Permission } from '../../../shared/src/index';

export const STATUS_FILTERS = ['open', 'resolved', 'all'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export interface ThreadFilter {
  status: StatusFilter;
  /** Threads I wrote in or am mentioned in. */
  mine: boolean;
  /** Threads in which someone of this perspective wrote; null for any. */
  perspective: Perspective | null;
}

export const DEFAULT_FILTER: ThreadFilter = { status: 'open', mine: false, perspective: null };

export function involves(thread: CommentThread, userId: string): boolean {
  return thread.comments.some((c) => c.author.userId === userId || c.mentions.some((m) => m.userId === userId));
}

export function matchesThreadFilter(thread: CommentThread, filter: ThreadFilter, selfId: string): boolean {
  if (filter.status !== 'all' && thread.status !== filter.status) return false;
  if (filter.mine && !involves(thread, selfId)) return false;
  if (filter.perspective && !thread.comments.some((c) => c.author.perspective === filter.perspective)) return false;
  return true;
}

/** Open threads first, then the most recently active; the server's order (oldest first) breaks ties. */
export function filterThreads(threads: readonly CommentThread[], filter: ThreadFilter, selfId: string): CommentThread[] {
  return threads
    .map((thread, index) => ({ thread, index }))
    .filter(({ thread }) => matchesThreadFilter(thread, filter, selfId))
    .sort((a, b) => {
      if (a.thread.status !== b.thread.status) return a.thread.status === 'open' ? -1 : 1;
      return b.thread.updatedAt.localeCompare(a.thread.updatedAt) || a.index - b.index;
    })
    .map(({ thread }) => thread);
}

/** Owners, editors and commenters write comments; viewers only read them (an archived document is refused by the server). */
export function mayComment(permission: Permission): boolean {
  return permission !== 'viewer';
}

/** Whoever started the thread, and owners and editors, resolve or reopen it. */
export function mayChangeStatus(thread: CommentThread, permission: Permission, selfId: string): boolean {
  if (!mayComment(permission)) return false;
  return canEditContent(permission) || thread.comments[0]?.author.userId === selfId;
}

/** "One question per line" as the list the server takes: trimmed, blank lines dropped. */
export function questionsFromText(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}
