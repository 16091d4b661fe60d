import { z } from 'zod';
import { LanguageSchema } from './auth';
import { MoodSchema, StepKindSchema } from './workshops';

/**
 * What the workshop routes answer. `GET /api/workshops/:id/state` is built for one recipient:
 * it holds only what that person may see (their own private ideas, revealed ideas without
 * names unless authorship was revealed, their own dots, results only once revealed).
 */

export const WorkshopSummarySchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  title: z.string(),
  status: z.enum(['open', 'closed']),
  createdAt: z.string(),
  /** Whether the caller runs this workshop. */
  facilitating: z.boolean(),
});
export type WorkshopSummary = z.infer<typeof WorkshopSummarySchema>;
export const WorkshopListSchema = z.object({ workshops: z.array(WorkshopSummarySchema), canCreate: z.boolean() });
export type WorkshopList = z.infer<typeof WorkshopListSchema>;

export const CommandResultSchema = z.object({ revision: z.number().int(), id: z.string().optional() });
export type CommandResult = z.infer<typeof CommandResultSchema>;

export const SummaryResultSchema = z.object({ revision: z.number().int(), documentId: z.string(), decisionIds: z.array(z.string()) });
export type SummaryResult = z.infer<typeof SummaryResultSchema>;

export const StepSchema = z.object({ id: z.string(), kind: StepKindSchema, title: z.string(), minutes: z.number().int() });
export type Step = z.infer<typeof StepSchema>;

/**
 * The countdown. `remainingMs` is computed by the server when it answers, so a client counts
 * down from its own clock and never depends on the two clocks agreeing.
 */
export const TimerViewSchema = z.object({
  state: z.enum(['idle', 'running', 'paused', 'done']),
  remainingMs: z.number().int().nullable(),
  durationMs: z.number().int(),
});
export type TimerView = z.infer<typeof TimerViewSchema>;

const PersonSchema = z.object({ userId: z.string(), displayName: z.string() });

export const CardViewSchema = z.object({
  id: z.string(),
  columnId: z.string(),
  text: z.string(),
  themeId: z.string().nullable(),
  /** False while the idea is private to its author (only the author receives it then). */
  revealed: z.boolean(),
  mine: z.boolean(),
  /** Present only after a facilitator revealed authorship, in a workshop that allows it. */
  author: PersonSchema.optional(),
});
export type CardView = z.infer<typeof CardViewSchema>;

export const PerspectiveCountsSchema = z.object({ experiential: z.number().int(), professional: z.number().int(), facilitation: z.number().int() });
export type PerspectiveCounts = z.infer<typeof PerspectiveCountsSchema>;

export const CardResultSchema = z.object({ cardId: z.string(), total: z.number().int(), byPerspective: PerspectiveCountsSchema });
export type CardResult = z.infer<typeof CardResultSchema>;

export const QueueEntrySchema = z.object({
  mine: z.boolean(),
  /** Names in the speaking queue go to facilitators only (and each person sees their own place). */
  person: PersonSchema.optional(),
});

export const CheckinSummarySchema = z.object({
  moods: z.record(MoodSchema, z.number().int()),
  words: z.array(z.object({ word: z.string(), count: z.number().int() })),
  people: z.number().int(),
});
export type CheckinSummary = z.infer<typeof CheckinSummarySchema>;

const MyCheckinSchema = z.object({ mood: MoodSchema.nullable(), word: z.string().nullable() }).nullable();

export const WorkshopStateSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  title: z.string(),
  language: LanguageSchema,
  status: z.enum(['open', 'closed']),
  revision: z.number().int(),
  allowAuthorshipReveal: z.boolean(),
  votesPerPerson: z.number().int(),
  summaryDocumentId: z.string().nullable(),
  /** Empty in the projector view, which shows no names. */
  facilitators: z.array(PersonSchema),
  you: z.object({
    facilitating: z.boolean(),
    /** False for viewers and the projector: they follow but do not post, vote or raise a hand. */
    canParticipate: z.boolean(),
    /** Whether the caller may create themes and move ideas now (facilitators; everyone during a grouping step). */
    canGroup: z.boolean(),
    votesUsed: z.number().int(),
    /** The caller's dots per idea id. */
    votes: z.record(z.string(), z.number().int()),
    handRaised: z.boolean(),
    checkin: z.object({ in: MyCheckinSchema, out: MyCheckinSchema }),
  }),
  steps: z.array(StepSchema),
  currentStepId: z.string(),
  timer: TimerViewSchema,
  columns: z.array(z.object({ id: z.string(), prompt: z.string() })),
  themes: z.array(z.object({ id: z.string(), name: z.string() })),
  cards: z.array(CardViewSchema),
  /** Ideas posted but not revealed yet: a count, never their text. */
  hiddenCards: z.number().int(),
  revealed: z.object({ authorship: z.boolean(), votes: z.boolean() }),
  /** Progress of the vote without its results: dots placed and people who placed any. */
  voting: z.object({ dots: z.number().int(), voters: z.number().int() }),
  /** Null until a facilitator reveals the results. */
  results: z.array(CardResultSchema).nullable(),
  queue: z.array(QueueEntrySchema),
  checkins: z.object({ in: CheckinSummarySchema, out: CheckinSummarySchema }),
  outcomes: z.array(z.object({ id: z.string(), text: z.string() })),
});
export type WorkshopState = z.infer<typeof WorkshopStateSchema>;
