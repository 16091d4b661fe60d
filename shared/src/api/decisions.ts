import { z } from 'zod';
import {
  DECISION_LIMITS,
  DecisionAnchorSchema,
  DecisionMethodSchema,
  EngagementLevelSchema,
  InformationSharedSchema,
  OutcomeStatusSchema,
  StanceSchema,
  optionalText,
  requiredText,
  stanceNeedsReason,
} from '../domain/decisions';

/**
 * Request bodies of the decision routes (docs/api.md, "Decisions"). Authors, roles and times
 * never come from a body: the server takes them from the session.
 */

const MemberIdSchema = z.string().min(1).max(64);

/** `POST /api/documents/:id/decisions` */
export const CreateDecisionRequestSchema = z
  .object({
    title: requiredText(DECISION_LIMITS.title, 'Title'),
    proposal: requiredText(DECISION_LIMITS.proposal, 'Proposal'),
    informationShared: InformationSharedSchema.optional(),
    anchor: DecisionAnchorSchema.optional(),
    /** Defaults to `consent`. */
    method: DecisionMethodSchema.optional(),
    /** The level of engagement the group agreed; absent means not stated. */
    engagement: EngagementLevelSchema.optional(),
    /** User ids of the members taking part (duplicates are merged). */
    participants: z
      .array(MemberIdSchema)
      .max(DECISION_LIMITS.participants, `At most ${DECISION_LIMITS.participants} participants.`)
      .transform((ids) => [...new Set(ids)])
      .optional(),
  })
  .strict();
export type CreateDecisionRequest = z.infer<typeof CreateDecisionRequestSchema>;

/** `POST /api/decisions/:id/positions`. Whether `block` is allowed depends on the decision's method. */
export const TakePositionRequestSchema = z
  .object({
    stance: StanceSchema,
    reason: optionalText(DECISION_LIMITS.reason, 'Reason'),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (stanceNeedsReason(value.stance) && !value.reason) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: `A reason is required to ${value.stance === 'block' ? 'block' : 'disagree'}: say what worries you, so the group can respond.`,
      });
    }
  });
export type TakePositionRequest = z.infer<typeof TakePositionRequestSchema>;

/** `POST /api/decisions/:id/outcome` (owners and facilitators). */
export const RecordOutcomeRequestSchema = z
  .object({
    status: OutcomeStatusSchema,
    outcome: requiredText(DECISION_LIMITS.outcome, 'Outcome'),
    /** A calendar date, YYYY-MM-DD. */
    reviewDate: z.iso.date('reviewDate must be a date written YYYY-MM-DD.').optional(),
    /** A dissent recorded with the outcome, in the words of those who hold it. */
    minorityView: optionalText(DECISION_LIMITS.minorityView, 'Minority view'),
  })
  .strict();
export type RecordOutcomeRequest = z.infer<typeof RecordOutcomeRequestSchema>;

/** `POST /api/decisions/:id/corrections`: a new entry pointing at the corrected one. */
export const CorrectionRequestSchema = z
  .object({
    corrects: z.string().min(1, 'corrects must be an entry id.').max(DECISION_LIMITS.entryId),
    text: requiredText(DECISION_LIMITS.correction, 'Correction'),
  })
  .strict();
export type CorrectionRequest = z.infer<typeof CorrectionRequestSchema>;

export const DECISION_EXPORT_FORMATS = ['markdown', 'csv'] as const;
export const DecisionExportFormatSchema = z.enum(DECISION_EXPORT_FORMATS);
export type DecisionExportFormat = z.infer<typeof DecisionExportFormatSchema>;
