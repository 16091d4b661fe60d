import { z } from 'zod';
import {
  DecisionAnchorSchema,
  DecisionMethodSchema,
  DecisionStatusSchema,
  EngagementLevelSchema,
  InformationSharedSchema,
  OutcomeStatusSchema,
  RuleCheckSchema,
  StanceCountsSchema,
  StanceSchema,
} from '../domain/decisions';
import { PerspectiveSchema, RoleSchema } from '../domain/roles';
import { DecisionExportFormatSchema } from './decisions';

/**
 * Response shapes of the decision routes. Entry payloads are stored exactly as these schemas
 * describe (canonical JSON); everything else in a decision is derived from its entries.
 */

// ---- Entry payloads (what is hashed and stored) -------------------------------------------

export const CreatedPayloadSchema = z.object({
  title: z.string(),
  proposal: z.string(),
  informationShared: InformationSharedSchema.nullable(),
  anchor: DecisionAnchorSchema.nullable(),
  method: DecisionMethodSchema,
  engagement: EngagementLevelSchema.nullable(),
  participants: z.array(z.string()),
});
export type CreatedPayload = z.infer<typeof CreatedPayloadSchema>;

export const PositionPayloadSchema = z.object({ stance: StanceSchema, reason: z.string().nullable() });
export type PositionPayload = z.infer<typeof PositionPayloadSchema>;

export const OutcomePayloadSchema = z.object({
  status: OutcomeStatusSchema,
  outcome: z.string(),
  reviewDate: z.string().nullable(),
  minorityView: z.string().nullable(),
  /** The rule check as shown to the person recording the outcome, kept with it. */
  ruleCheck: RuleCheckSchema,
  /** The log sequence of the last entry considered (positions after it cannot exist). */
  basedOnSeq: z.number().int(),
});
export type OutcomePayload = z.infer<typeof OutcomePayloadSchema>;

export const CorrectionPayloadSchema = z.object({ corrects: z.string(), text: z.string() });
export type CorrectionPayload = z.infer<typeof CorrectionPayloadSchema>;

// ---- Entries ----------------------------------------------------------------------------

/** A person as shown beside a record; role and perspective are null for a former member never seen in the log. */
export const PersonRefSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  role: RoleSchema.nullable(),
  perspective: PerspectiveSchema.nullable(),
});
export type PersonRef = z.infer<typeof PersonRefSchema>;

const EntryBaseSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  decisionId: z.string(),
  /** Position in the document's chain, from 1. */
  seq: z.number().int(),
  /** The author, with the role they held when writing the entry. */
  author: PersonRefSchema,
  createdAt: z.string(),
  prevHash: z.string(),
  hash: z.string(),
  /** Ids of later correction entries that point at this one. */
  correctedBy: z.array(z.string()),
});

export const DecisionEntrySchema = z.discriminatedUnion('kind', [
  EntryBaseSchema.extend({ kind: z.literal('created'), payload: CreatedPayloadSchema }),
  EntryBaseSchema.extend({ kind: z.literal('position'), payload: PositionPayloadSchema }),
  EntryBaseSchema.extend({ kind: z.literal('outcome'), payload: OutcomePayloadSchema }),
  EntryBaseSchema.extend({ kind: z.literal('correction'), payload: CorrectionPayloadSchema }),
  /** Stored bytes that no longer parse (only after tampering; `verify` says where). */
  EntryBaseSchema.extend({ kind: z.literal('unreadable'), payload: z.null() }),
]);
export type DecisionEntry = z.infer<typeof DecisionEntrySchema>;

// ---- Decisions --------------------------------------------------------------------------

export const LatestPositionSchema = z.object({
  person: PersonRefSchema,
  /** Listed as a participant when the decision was proposed. */
  participant: z.boolean(),
  stance: StanceSchema,
  reason: z.string().nullable(),
  entryId: z.string(),
  at: z.string(),
  /** How many earlier positions this person took on this decision (they stay in `history`). */
  earlierPositions: z.number().int(),
});
export type LatestPosition = z.infer<typeof LatestPositionSchema>;

export const PositionsSummarySchema = z.object({
  counts: StanceCountsSchema,
  total: z.number().int(),
  /** Each person's latest position, in the order they first took one. */
  latest: z.array(LatestPositionSchema),
  /** Participants who have not taken a position yet. */
  awaiting: z.array(PersonRefSchema),
});
export type PositionsSummary = z.infer<typeof PositionsSummarySchema>;

export const DecisionOutcomeSchema = OutcomePayloadSchema.extend({
  entryId: z.string(),
  recordedBy: PersonRefSchema,
  recordedAt: z.string(),
});
export type DecisionOutcome = z.infer<typeof DecisionOutcomeSchema>;

export const DecisionSummarySchema = z.object({
  id: z.string(),
  documentId: z.string(),
  title: z.string(),
  proposal: z.string(),
  informationShared: InformationSharedSchema.nullable(),
  anchor: DecisionAnchorSchema.nullable(),
  method: DecisionMethodSchema,
  engagement: EngagementLevelSchema.nullable(),
  /** Whether `block` is a possible stance under this decision's method. */
  blockAllowed: z.boolean(),
  participants: z.array(PersonRefSchema),
  proposedBy: PersonRefSchema,
  proposedAt: z.string(),
  status: DecisionStatusSchema,
  outcome: DecisionOutcomeSchema.nullable(),
  positions: PositionsSummarySchema,
  /** The rule check now (open), or as recorded with the outcome. */
  ruleCheck: RuleCheckSchema,
  /** What the caller may do, so a client need not re-implement the rules. */
  caller: z.object({ canTakePosition: z.boolean(), canRecordOutcome: z.boolean() }),
  updatedAt: z.string(),
});
export type DecisionSummary = z.infer<typeof DecisionSummarySchema>;

/** One decision with its full entry history, oldest first. */
export const DecisionSchema = DecisionSummarySchema.extend({ history: z.array(DecisionEntrySchema) });
export type Decision = z.infer<typeof DecisionSchema>;

export const ChainVerificationSchema = z.object({
  ok: z.boolean(),
  /** How many entries the document's chain holds in storage. */
  entries: z.number().int(),
  /** The last entry's hash: write it down elsewhere to detect a rewrite of the whole tail. */
  head: z.string().nullable(),
  brokenAt: z
    .object({
      /** The chain position where verification failed (the first tampered or missing entry). */
      seq: z.number().int(),
      /** The stored entry found at that position, if any. */
      entryId: z.string().nullable(),
      reason: z.enum(['hash-mismatch', 'chain-link', 'sequence']),
    })
    .optional(),
});
export type ChainVerification = z.infer<typeof ChainVerificationSchema>;

/** `GET /api/documents/:id/decisions` */
export const DecisionLogSchema = z.object({
  decisions: z.array(DecisionSummarySchema),
  entries: z.array(DecisionEntrySchema),
  verification: ChainVerificationSchema,
});
export type DecisionLog = z.infer<typeof DecisionLogSchema>;

/** Answer of positions, outcome and corrections: the new entry and the decision after it. */
export const DecisionWriteResultSchema = z.object({ entry: DecisionEntrySchema, decision: DecisionSchema });
export type DecisionWriteResult = z.infer<typeof DecisionWriteResultSchema>;

/** `GET /api/documents/:id/decisions/export` */
export const DecisionExportSchema = z.object({
  format: DecisionExportFormatSchema,
  filename: z.string(),
  contentType: z.string(),
  content: z.string(),
  verification: ChainVerificationSchema,
});
export type DecisionExport = z.infer<typeof DecisionExportSchema>;
