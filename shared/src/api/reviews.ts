import { z } from 'zod';
import { COMMENT_LIMITS, ReviewRoundStatusSchema, SuggestionActionSchema, SuggestionKindSchema } from '../domain/comments';
import { optionalText, requiredText } from '../domain/decisions';
import { PersonRefSchema } from './decisionViews';

/**
 * Bodies and answers of review rounds, suggestions and in-app notifications (docs/api.md,
 * "Comments, suggestions and review rounds").
 */

const IdSchema = z.string().min(1).max(COMMENT_LIMITS.id);

// ---- Suggestions (ADR 0005) --------------------------------------------------------------

/** An open suggestion as read from the document: its runs joined in document order. */
export const SuggestionSchema = z.object({
  id: z.string(),
  kind: SuggestionKindSchema,
  author: PersonRefSchema,
  text: z.string(),
  /** When the author's client says it was proposed (ISO 8601). */
  at: z.string(),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

export const SuggestionListSchema = z.object({ documentId: z.string(), suggestions: z.array(SuggestionSchema) });
export type SuggestionList = z.infer<typeof SuggestionListSchema>;

/** `POST /api/documents/:id/suggestions/:suggestionId/accept|reject` */
export const SuggestionDecisionSchema = z.object({
  documentId: z.string(),
  suggestionId: z.string(),
  action: SuggestionActionSchema,
  kind: SuggestionKindSchema,
  /** The update-log sequence of the change, logged under the caller. */
  seq: z.number(),
});
export type SuggestionDecision = z.infer<typeof SuggestionDecisionSchema>;

// ---- Review rounds -----------------------------------------------------------------------

/** `POST /api/documents/:id/review-rounds` (owners). */
export const CreateReviewRoundRequestSchema = z
  .object({
    title: requiredText(COMMENT_LIMITS.roundTitle, 'Title'),
    /** User ids of the members asked to review; each must be able to open the document. */
    reviewers: z
      .array(IdSchema)
      .min(1, 'Ask at least one person to review.')
      .max(COMMENT_LIMITS.reviewers, `At most ${COMMENT_LIMITS.reviewers} reviewers.`)
      .transform((ids) => [...new Set(ids)]),
    /** A calendar date, YYYY-MM-DD. */
    dueDate: z.iso.date('dueDate must be a date written YYYY-MM-DD.').optional(),
    questions: z.array(requiredText(COMMENT_LIMITS.question, 'Question')).max(COMMENT_LIMITS.questions, `At most ${COMMENT_LIMITS.questions} questions.`).optional(),
  })
  .strict();
export type CreateReviewRoundRequest = z.infer<typeof CreateReviewRoundRequestSchema>;

/** `POST /api/documents/:id/review-rounds/:roundId/done` (reviewers of the round). */
export const ReviewDoneRequestSchema = z.object({ note: optionalText(COMMENT_LIMITS.note, 'Note') }).strict();
export type ReviewDoneRequest = z.infer<typeof ReviewDoneRequestSchema>;

/** `POST /api/documents/:id/review-rounds/:roundId/close` (owners). */
export const CloseReviewRoundRequestSchema = z.object({ summary: optionalText(COMMENT_LIMITS.summary, 'Summary') }).strict();
export type CloseReviewRoundRequest = z.infer<typeof CloseReviewRoundRequestSchema>;

export const ReviewerStatusSchema = z.object({
  person: PersonRefSchema,
  done: z.boolean(),
  doneAt: z.string().nullable(),
  note: z.string().nullable(),
});
export type ReviewerStatus = z.infer<typeof ReviewerStatusSchema>;

export const ReviewRoundSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  title: z.string(),
  questions: z.array(z.string()),
  dueDate: z.string().nullable(),
  status: ReviewRoundStatusSchema,
  openedBy: PersonRefSchema,
  openedAt: z.string(),
  closedBy: PersonRefSchema.nullable(),
  closedAt: z.string().nullable(),
  summary: z.string().nullable(),
  reviewers: z.array(ReviewerStatusSchema),
  progress: z.object({ done: z.number(), total: z.number() }),
  /** Comments written while the round was open (their `roundId` is this round). */
  commentCount: z.number(),
  /** The suggestions open when the round closed; null while it is open. */
  suggestionsAtClose: z.array(SuggestionSchema).nullable(),
  caller: z.object({ isReviewer: z.boolean(), done: z.boolean(), canClose: z.boolean() }),
});
export type ReviewRound = z.infer<typeof ReviewRoundSchema>;

export const ReviewRoundListSchema = z.object({ documentId: z.string(), rounds: z.array(ReviewRoundSchema) });
export type ReviewRoundList = z.infer<typeof ReviewRoundListSchema>;

// ---- Notifications -----------------------------------------------------------------------

const DocumentRefSchema = z.object({ documentId: z.string(), documentTitle: z.string(), workspaceId: z.string() });

export const NotificationsSchema = z.object({
  /** Comments that mention me, newest first; `unseen` when written after my last visit of the document. */
  mentions: z.array(
    DocumentRefSchema.extend({ commentId: z.string(), threadId: z.string(), by: PersonRefSchema, excerpt: z.string(), at: z.string(), unseen: z.boolean() }),
  ),
  /** Open review rounds that ask me to review and that I have not marked done. */
  reviews: z.array(DocumentRefSchema.extend({ roundId: z.string(), title: z.string(), dueDate: z.string().nullable(), openedBy: PersonRefSchema, openedAt: z.string() })),
  /** Documents others changed since my last visit (never visited: `lastVisitAt` null). */
  changed: z.array(
    DocumentRefSchema.extend({ lastVisitAt: z.string().nullable(), changedAt: z.string(), updates: z.number(), by: z.array(PersonRefSchema) }),
  ),
});
export type Notifications = z.infer<typeof NotificationsSchema>;
