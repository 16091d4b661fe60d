import { z } from 'zod';
import { COMMENT_LIMITS, CommentStatusSchema } from '../domain/comments';
import { DecisionAnchorSchema, requiredText } from '../domain/decisions';
import { PerspectiveSchema } from '../domain/roles';
import { PersonRefSchema } from './decisionViews';

/**
 * Bodies and answers of the comment routes (docs/api.md, "Comments"). Authors, roles, times
 * and the review round a comment belongs to come from the session and the server, never from
 * a body.
 */

const IdSchema = z.string().min(1).max(COMMENT_LIMITS.id);

/** `POST /api/documents/:id/comments`. A reply (`parentId`) has no anchor of its own. */
export const CreateCommentRequestSchema = z
  .object({
    body: requiredText(COMMENT_LIMITS.body, 'Comment'),
    /** The passage the thread is about: the same relative-position anchor as decisions. */
    anchor: DecisionAnchorSchema.optional(),
    parentId: IdSchema.optional(),
    /** User ids of members to notify; each must be able to open the document. Duplicates merge. */
    mentions: z
      .array(IdSchema)
      .max(COMMENT_LIMITS.mentions, `At most ${COMMENT_LIMITS.mentions} mentions.`)
      .transform((ids) => [...new Set(ids)])
      .optional(),
  })
  .strict()
  .refine((v) => !(v.anchor && v.parentId), { message: 'A reply is anchored by its thread: send either anchor or parentId, not both.', path: ['anchor'] });
export type CreateCommentRequest = z.infer<typeof CreateCommentRequestSchema>;

/** `PATCH /api/comments/:id`: the author rewrites their body; the previous one stays in `edits`. */
export const EditCommentRequestSchema = z.object({ body: requiredText(COMMENT_LIMITS.body, 'Comment') }).strict();
export type EditCommentRequest = z.infer<typeof EditCommentRequestSchema>;

/** `GET /api/documents/:id/comments?status=&mine=1&perspective=&roundId=` */
export const CommentFilterSchema = z
  .object({
    status: CommentStatusSchema.optional(),
    mine: z.enum(['1', 'true']).optional(),
    perspective: PerspectiveSchema.optional(),
    roundId: IdSchema.optional(),
  })
  .strict();
export type CommentFilter = z.infer<typeof CommentFilterSchema>;

export const CommentSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  /** The id of the thread's first comment (equal to `id` for it). */
  threadId: z.string(),
  parentId: z.string().nullable(),
  /** Role and perspective as they were when the comment was written. */
  author: PersonRefSchema,
  body: z.string(),
  mentions: z.array(PersonRefSchema),
  roundId: z.string().nullable(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  /** Earlier bodies, oldest first, with when each was replaced. */
  edits: z.array(z.object({ body: z.string(), replacedAt: z.string() })),
});
export type Comment = z.infer<typeof CommentSchema>;

export const ThreadStatusChangeSchema = z.object({ status: CommentStatusSchema, by: PersonRefSchema, at: z.string() });
export type ThreadStatusChange = z.infer<typeof ThreadStatusChangeSchema>;

export const CommentThreadSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  status: CommentStatusSchema,
  anchor: DecisionAnchorSchema.nullable(),
  roundId: z.string().nullable(),
  /** The first comment, then the replies, oldest first. */
  comments: z.array(CommentSchema),
  /** Every resolve and reopen, oldest first: a resolved thread keeps its whole history. */
  statusHistory: z.array(ThreadStatusChangeSchema),
  updatedAt: z.string(),
});
export type CommentThread = z.infer<typeof CommentThreadSchema>;

export const CommentListSchema = z.object({
  documentId: z.string(),
  threads: z.array(CommentThreadSchema),
  /** Thread counts of the whole document, whatever the filter. */
  counts: z.object({ open: z.number(), resolved: z.number() }),
});
export type CommentList = z.infer<typeof CommentListSchema>;
