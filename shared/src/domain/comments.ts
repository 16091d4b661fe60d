import { z } from 'zod';

/**
 * Vocabulary of co-drafting: comment threads, suggestions (ADR 0005) and review rounds.
 * Comments and rounds are server records; suggestions live in the document as a mark.
 */

/** Text caps, in characters (the HTTP body limit still applies on top). */
export const COMMENT_LIMITS = {
  body: 5_000,
  mentions: 50,
  roundTitle: 200,
  reviewers: 100,
  questions: 20,
  question: 500,
  note: 3_000,
  summary: 3_000,
  id: 64,
} as const;

export const COMMENT_STATUSES = ['open', 'resolved'] as const;
export const CommentStatusSchema = z.enum(COMMENT_STATUSES);
export type CommentStatus = z.infer<typeof CommentStatusSchema>;

/** The name of the ProseMirror mark, and so of the Y.XmlText formatting attribute. */
export const SUGGESTION_MARK = 'suggestion';

export const SUGGESTION_KINDS = ['insert', 'delete'] as const;
export const SuggestionKindSchema = z.enum(SUGGESTION_KINDS);
export type SuggestionKind = z.infer<typeof SuggestionKindSchema>;

/**
 * The value of the `suggestion` mark (ADR 0005). `author` must be the sender's own user id;
 * `at` is shown to people, the update log keeps the authoritative time.
 */
export const SuggestionMarkSchema = z
  .object({
    id: z.string().min(1).max(COMMENT_LIMITS.id),
    kind: SuggestionKindSchema,
    author: z.string().min(1).max(COMMENT_LIMITS.id),
    at: z.string().max(40),
  })
  .strict();
export type SuggestionMark = z.infer<typeof SuggestionMarkSchema>;

export const REVIEW_ROUND_STATUSES = ['open', 'closed'] as const;
export const ReviewRoundStatusSchema = z.enum(REVIEW_ROUND_STATUSES);
export type ReviewRoundStatus = z.infer<typeof ReviewRoundStatusSchema>;

export const SUGGESTION_ACTIONS = ['accept', 'reject'] as const;
export const SuggestionActionSchema = z.enum(SUGGESTION_ACTIONS);
export type SuggestionAction = z.infer<typeof SuggestionActionSchema>;
