import { z } from 'zod';
import { LanguageSchema } from './auth';

/**
 * Request bodies of the workshop routes (docs/api.md, "Workshops"). Authors, roles, times and
 * who may do what never come from a body: the server takes them from the session and the
 * workshop's stored state. Answers are in workshopViews.ts.
 */

export const WORKSHOP_LIMITS = {
  title: 200,
  stepTitle: 120,
  steps: 20,
  /** Minutes, per step and per timer extension. */
  stepMinutes: 240,
  columns: 8,
  prompt: 200,
  cardText: 280,
  /** Cards one person may post in one workshop (a typo loop or a script stops here). */
  cardsPerPerson: 50,
  themes: 40,
  themeName: 80,
  votesPerPerson: 20,
  /** Check-in and check-out: one word or a few. */
  checkinWord: 40,
  outcomes: 40,
  outcomeText: 500,
  /** Co-facilitating: a workshop is run by one or two people with equal controls. */
  facilitators: 2,
  /** Ideas of the summary proposed to the decision log. */
  topIdeas: 3,
} as const;

const text = (max: number, what: string) =>
  z.string().trim().min(1, `${what} is required.`).max(max, `${what} must be at most ${max} characters.`);
const Id = z.string().min(1).max(64);

/** What each agenda step is for; it chooses what participants see while the group is there. */
export const STEP_KINDS = ['welcome', 'ideas', 'grouping', 'voting', 'discussion', 'decisions', 'close'] as const;
export const StepKindSchema = z.enum(STEP_KINDS);
export type StepKind = z.infer<typeof StepKindSchema>;

export const StepDraftSchema = z
  .object({
    kind: StepKindSchema,
    /** Empty means the usual name of the step kind, in the workshop's language. */
    title: z.string().trim().max(WORKSHOP_LIMITS.stepTitle).optional(),
    minutes: z.number().int().min(1).max(WORKSHOP_LIMITS.stepMinutes),
  })
  .strict();
export type StepDraft = z.infer<typeof StepDraftSchema>;

/** `POST /api/workspaces/:id/workshops` (facilitators and owners of the workspace). */
export const CreateWorkshopRequestSchema = z
  .object({
    title: text(WORKSHOP_LIMITS.title, 'Title'),
    /** Language of the step names and of the summary; defaults to the creator's language. */
    language: LanguageSchema.optional(),
    /** Dots each participant may spread over the ideas; 3 when absent. */
    votesPerPerson: z.number().int().min(1).max(WORKSHOP_LIMITS.votesPerPerson).optional(),
    /** Fixed at creation: whether facilitators may ever show who wrote each idea. */
    allowAuthorshipReveal: z.boolean().optional(),
    /** The agenda; the usual seven steps when absent. */
    steps: z.array(StepDraftSchema).min(1).max(WORKSHOP_LIMITS.steps).optional(),
    /** Prompts of the idea columns; one general prompt when absent. */
    columns: z.array(text(WORKSHOP_LIMITS.prompt, 'Prompt')).min(1).max(WORKSHOP_LIMITS.columns).optional(),
    /** A second facilitator (a member who is a facilitator or an owner). */
    coFacilitatorId: Id.optional(),
  })
  .strict();
export type CreateWorkshopRequest = z.infer<typeof CreateWorkshopRequestSchema>;

export const SetFacilitatorsRequestSchema = z
  .object({ userIds: z.array(Id).min(1).max(WORKSHOP_LIMITS.facilitators, `A workshop has one or two facilitators.`) })
  .strict();
export type SetFacilitatorsRequest = z.infer<typeof SetFacilitatorsRequestSchema>;

export const GoToStepRequestSchema = z.object({ stepId: Id }).strict();
export type GoToStepRequest = z.infer<typeof GoToStepRequestSchema>;

export const TIMER_ACTIONS = ['start', 'pause', 'resume', 'extend', 'reset'] as const;
/** `start` takes `minutes` (default: the current step's duration); `extend` adds `minutes` (default 1). */
export const TimerRequestSchema = z
  .object({
    action: z.enum(TIMER_ACTIONS),
    minutes: z.number().int().min(1).max(WORKSHOP_LIMITS.stepMinutes).optional(),
  })
  .strict();
export type TimerRequest = z.infer<typeof TimerRequestSchema>;

export const AddColumnRequestSchema = z.object({ prompt: text(WORKSHOP_LIMITS.prompt, 'Prompt') }).strict();
export type AddColumnRequest = z.infer<typeof AddColumnRequestSchema>;

export const PostCardRequestSchema = z.object({ columnId: Id, text: text(WORKSHOP_LIMITS.cardText, 'Idea') }).strict();
export type PostCardRequest = z.infer<typeof PostCardRequestSchema>;

/** `cards`: every idea posted so far; `authorship`: names beside ideas (when allowed); `votes`: the results. */
export const REVEAL_TARGETS = ['cards', 'authorship', 'votes'] as const;
export const RevealRequestSchema = z.object({ what: z.enum(REVEAL_TARGETS) }).strict();
export type RevealRequest = z.infer<typeof RevealRequestSchema>;

export const ThemeRequestSchema = z.object({ name: text(WORKSHOP_LIMITS.themeName, 'Theme name') }).strict();
export type ThemeRequest = z.infer<typeof ThemeRequestSchema>;

/** `PUT /api/workshops/:id/cards/:cardId/theme`; null takes the card out of its theme. */
export const MoveCardRequestSchema = z.object({ themeId: Id.nullable() }).strict();
export type MoveCardRequest = z.infer<typeof MoveCardRequestSchema>;

/** `PUT /api/workshops/:id/votes/:cardId`: how many of my dots this idea gets (0 takes them back). */
export const SetVotesRequestSchema = z.object({ dots: z.number().int().min(0).max(WORKSHOP_LIMITS.votesPerPerson) }).strict();
export type SetVotesRequest = z.infer<typeof SetVotesRequestSchema>;

export const HandRequestSchema = z.object({ raised: z.boolean() }).strict();
export type HandRequest = z.infer<typeof HandRequestSchema>;

/** A facilitator gives the floor: the hand of `userId` goes down. */
export const LowerHandRequestSchema = z.object({ userId: Id }).strict();
export type LowerHandRequest = z.infer<typeof LowerHandRequestSchema>;

export const MOODS = ['great', 'good', 'okay', 'low', 'tough'] as const;
export const MoodSchema = z.enum(MOODS);
export type Mood = z.infer<typeof MoodSchema>;
export const CHECKIN_PHASES = ['in', 'out'] as const;
export const CheckinPhaseSchema = z.enum(CHECKIN_PHASES);
export type CheckinPhase = z.infer<typeof CheckinPhaseSchema>;

export const CheckinRequestSchema = z
  .object({
    phase: CheckinPhaseSchema,
    mood: MoodSchema.optional(),
    word: z.string().trim().max(WORKSHOP_LIMITS.checkinWord, `One word or a few: at most ${WORKSHOP_LIMITS.checkinWord} characters.`).optional(),
  })
  .strict()
  .refine((v) => v.mood !== undefined || (v.word ?? '') !== '', { message: 'Choose a mood or write a word.' });
export type CheckinRequest = z.infer<typeof CheckinRequestSchema>;

/** A decision the group took during the workshop, as the facilitator words it. */
export const OutcomeRequestSchema = z.object({ text: text(WORKSHOP_LIMITS.outcomeText, 'Decision') }).strict();
export type OutcomeRequest = z.infer<typeof OutcomeRequestSchema>;

/**
 * The live notice on `GET /api/workshops/:id/events` (server-sent events, `event: change`). It
 * carries no content, only the revision reached: the client refetches its own view over HTTP.
 */
export const WorkshopEventSchema = z.object({ workshopId: z.string(), revision: z.number().int() });
export type WorkshopEvent = z.infer<typeof WorkshopEventSchema>;
