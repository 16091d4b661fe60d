/**
 * Turns stored comments and their events into threads (shared/src/api/comments.ts): the
 * current body of each comment with its earlier ones, each thread's status folded from its
 * resolve / reopen events, and the list filters.
 */
import {
  DecisionAnchorSchema,
  perspectiveOf,
  type Comment,
  type CommentFilter,
  type CommentStatus,
  type CommentThread,
  type DecisionAnchor,
} from '../../../shared/src/index';
import type { PeopleDirectory } from '../decisions/decisionView';
import type { CommentEventRecord, CommentRecord } from './commentStore';
import { person } from './people';

const iso = (ms: number) => new Date(ms).toISOString();

export function commentView(comment: CommentRecord, events: CommentEventRecord[], people: PeopleDirectory): Comment {
  const bodies = events.filter((e) => e.kind === 'body');
  const current = bodies.at(-1);
  return {
    id: comment.id,
    documentId: comment.documentId,
    threadId: comment.threadId,
    parentId: comment.parentId,
    author: person(people, comment.authorId, comment.authorRole),
    body: current?.body ?? '',
    mentions: comment.mentions.map((id) => person(people, id)),
    roundId: comment.roundId,
    createdAt: iso(comment.createdAt),
    editedAt: bodies.length > 1 && current ? iso(current.at) : null,
    edits: bodies.slice(0, -1).map((e, i) => ({ body: e.body ?? '', replacedAt: iso((bodies[i + 1] as CommentEventRecord).at) })),
  };
}

/** A thread's status: the last resolve or reopen of its first comment decides. */
export function threadStatus(rootEvents: CommentEventRecord[]): CommentStatus {
  const last = rootEvents.filter((e) => e.kind !== 'body').at(-1);
  return last?.kind === 'resolved' ? 'resolved' : 'open';
}

export function buildThreads(comments: CommentRecord[], events: CommentEventRecord[], people: PeopleDirectory): CommentThread[] {
  const eventsOf = new Map<string, CommentEventRecord[]>();
  for (const e of events) eventsOf.set(e.commentId, [...(eventsOf.get(e.commentId) ?? []), e]);
  const threads = new Map<string, CommentThread>();
  for (const c of comments) {
    const own = eventsOf.get(c.id) ?? [];
    let thread = threads.get(c.threadId);
    if (!thread) {
      thread = {
        id: c.threadId,
        documentId: c.documentId,
        status: threadStatus(own),
        anchor: parseAnchor(c.anchor),
        roundId: c.roundId,
        comments: [],
        statusHistory: own
          .filter((e) => e.kind !== 'body')
          .map((e) => ({ status: e.kind === 'resolved' ? ('resolved' as const) : ('open' as const), by: person(people, e.actorId), at: iso(e.at) })),
        updatedAt: iso(c.createdAt),
      };
      threads.set(c.threadId, thread);
    }
    thread.comments.push(commentView(c, own, people));
    const latest = Math.max(Date.parse(thread.updatedAt), c.createdAt, ...own.map((e) => e.at));
    thread.updatedAt = iso(latest);
  }
  return [...threads.values()];
}

/** The list filters: status of the thread, threads I wrote in or am mentioned in, perspective of any author. */
export function matchesFilter(thread: CommentThread, filter: CommentFilter, userId: string): boolean {
  if (filter.status && thread.status !== filter.status) return false;
  if (filter.roundId && thread.roundId !== filter.roundId && !thread.comments.some((c) => c.roundId === filter.roundId)) return false;
  if (filter.mine && !thread.comments.some((c) => c.author.userId === userId || c.mentions.some((m) => m.userId === userId))) return false;
  if (filter.perspective && !thread.comments.some((c) => c.author.role !== null && perspectiveOf(c.author.role) === filter.perspective)) return false;
  return true;
}

function parseAnchor(text: string | null): DecisionAnchor | null {
  if (!text) return null;
  const parsed = DecisionAnchorSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : null;
}
