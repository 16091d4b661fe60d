import { z } from 'zod';

/**
 * The decision log's vocabulary (GLOSSARY.md, "Partnership and decisions") and the payloads of
 * its append-only entries. A decision is never a row that changes: it is the fold of its
 * entries (created, then positions, then one outcome, with corrections anywhere).
 */

/** `person-decides`: a free and informed decision of the person receiving care, after discussion. */
export const DECISION_METHODS = ['person-decides', 'consent', 'consensus', 'majority'] as const;
export const DecisionMethodSchema = z.enum(DECISION_METHODS);
export type DecisionMethod = z.infer<typeof DecisionMethodSchema>;
export const DEFAULT_DECISION_METHOD: DecisionMethod = 'consent';

/** The continuum of engagement the group agreed for this decision. */
export const ENGAGEMENT_LEVELS = ['inform', 'consult', 'collaborate', 'partnership', 'shared-leadership'] as const;
export const EngagementLevelSchema = z.enum(ENGAGEMENT_LEVELS);
export type EngagementLevel = z.infer<typeof EngagementLevelSchema>;

/** `reservations` = agree with reservations; `block` = major objection. */
export const STANCES = ['agree', 'reservations', 'abstain', 'disagree', 'block'] as const;
export const StanceSchema = z.enum(STANCES);
export type Stance = z.infer<typeof StanceSchema>;

export const DECISION_STATUSES = ['open', 'adopted', 'rejected', 'deferred'] as const;
export const DecisionStatusSchema = z.enum(DECISION_STATUSES);
export type DecisionStatus = z.infer<typeof DecisionStatusSchema>;

export const OUTCOME_STATUSES = ['adopted', 'rejected', 'deferred'] as const;
export const OutcomeStatusSchema = z.enum(OUTCOME_STATUSES);
export type OutcomeStatus = z.infer<typeof OutcomeStatusSchema>;

export const DECISION_ENTRY_KINDS = ['created', 'position', 'outcome', 'correction'] as const;
export const DecisionEntryKindSchema = z.enum(DECISION_ENTRY_KINDS);
export type DecisionEntryKind = z.infer<typeof DecisionEntryKindSchema>;

/** Text caps of the decision log, in characters (the HTTP body limit still applies on top). */
export const DECISION_LIMITS = {
  title: 200,
  proposal: 5_000,
  summary: 3_000,
  optionTitle: 200,
  benefits: 2_000,
  risks: 2_000,
  options: 12,
  participants: 200,
  quote: 1_000,
  /** A base64 Yjs relative position is ~20–100 characters; this leaves room for long ids. */
  anchorPosition: 1_024,
  reason: 2_000,
  outcome: 5_000,
  minorityView: 3_000,
  correction: 2_000,
  entryId: 64,
} as const;

/** Consent and consensus treat a major objection as stopping the decision; the others have no block. */
export function methodAllowsBlock(method: DecisionMethod): boolean {
  return method === 'consent' || method === 'consensus';
}

/** Disagreement is healthy and must be explained, so it stays useful to the group. */
export function stanceNeedsReason(stance: Stance): boolean {
  return stance === 'disagree' || stance === 'block';
}

/** Required text: trimmed, not empty, capped. */
export const requiredText = (max: number, what: string) =>
  z.string().trim().min(1, `${what} is required.`).max(max, `${what} must be at most ${max} characters.`);
/** Optional text: trimmed and capped; empty becomes absent. */
export const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} must be at most ${max} characters.`)
    .optional()
    .transform((v) => (v ? v : undefined));

/** One option considered, with its benefits and risks in plain language. */
export const DecisionOptionSchema = z
  .object({
    title: requiredText(DECISION_LIMITS.optionTitle, 'Option title'),
    benefits: z.string().trim().max(DECISION_LIMITS.benefits, `Benefits must be at most ${DECISION_LIMITS.benefits} characters.`).default(''),
    risks: z.string().trim().max(DECISION_LIMITS.risks, `Risks must be at most ${DECISION_LIMITS.risks} characters.`).default(''),
  })
  .strict();
export type DecisionOption = z.infer<typeof DecisionOptionSchema>;

/** The information shared before deciding (options, benefits, risks). */
export const InformationSharedSchema = z
  .object({
    summary: optionalText(DECISION_LIMITS.summary, 'Summary'),
    options: z.array(DecisionOptionSchema).max(DECISION_LIMITS.options, `At most ${DECISION_LIMITS.options} options.`).default([]),
  })
  .strict();
export type InformationShared = z.infer<typeof InformationSharedSchema>;

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const relativePosition = (what: string) =>
  z
    .string()
    .min(1, `${what} is required.`)
    .max(DECISION_LIMITS.anchorPosition, `${what} is too long.`)
    .regex(BASE64, `${what} must be a base64-encoded Yjs relative position.`);

/**
 * The passage a decision concerns: Yjs relative positions (Y.encodeRelativePosition, then
 * base64) so the anchor follows edits; `quote` is the passage's text when it was proposed.
 */
export const DecisionAnchorSchema = z
  .object({
    start: relativePosition('anchor.start'),
    end: relativePosition('anchor.end'),
    quote: optionalText(DECISION_LIMITS.quote, 'Quote'),
  })
  .strict();
export type DecisionAnchor = z.infer<typeof DecisionAnchorSchema>;

export const StanceCountsSchema = z.object({
  agree: z.number().int(),
  reservations: z.number().int(),
  abstain: z.number().int(),
  disagree: z.number().int(),
  block: z.number().int(),
});
export type StanceCounts = z.infer<typeof StanceCountsSchema>;

/**
 * Whether the method's adoption rule is met by the latest positions. `code` lets a client
 * word it in its own language; `text` is the English wording used in exports, e.g.
 * "adopted by consent, no block; two reservations".
 */
export const RULE_CHECK_CODES = [
  'no-positions',
  'no-block',
  'blocked',
  'consensus',
  'no-consensus',
  'majority-for',
  'no-majority',
  'person-agrees',
  'person-disagrees',
  'person-abstains',
  'person-no-position',
] as const;
export const RuleCheckSchema = z.object({
  method: DecisionMethodSchema,
  status: DecisionStatusSchema,
  met: z.boolean(),
  code: z.enum(RULE_CHECK_CODES),
  counts: StanceCountsSchema,
  /** Adopted with the rule met, or rejected with it unmet; null while open or when deferred. */
  consistent: z.boolean().nullable(),
  text: z.string(),
});
export type RuleCheck = z.infer<typeof RuleCheckSchema>;
export type RuleCheckCode = RuleCheck['code'];
