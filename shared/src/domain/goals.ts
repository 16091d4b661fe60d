/**
 * The negotiated goal block: a goal kept in two voices, the person's own words and the shared
 * (clinical or operational) reformulation. It is ordinary editor content, so concurrent edits
 * merge like any text. In the Y.Doc (XmlFragment 'default', as @tiptap/y-tiptap writes it):
 *
 *   Y.XmlElement 'negotiatedGoal'  attributes: goalId, status, targetDate?, expressedBy?, expressedByName?
 *     Y.XmlElement 'goalOwnWords'        -> one or more 'paragraph'
 *     Y.XmlElement 'goalReformulation'   -> one or more 'paragraph'
 *     Y.XmlElement 'goalActions'         -> zero or more 'goalAction' (linked actions)
 *       Y.XmlElement 'goalAction'  attributes: actionId, who?, when?, support?  -> one 'paragraph'
 *
 * `goalActions` is optional in the content expression so that goals written before linked
 * actions existed still load (y-tiptap deletes what the schema cannot build); every new goal,
 * and the care-trajectory template's, has it.
 *
 * y-tiptap writes every non-null ProseMirror attribute and removes null ones, so an optional
 * attribute is absent from the Y.XmlElement when it has no value (the Tiptap default is null).
 * The full contract is docs/adr/0003-negotiated-goal-block.md.
 */
import { z } from 'zod';
import type { Language } from '../api/auth';
import { FIELD_LIMITS } from '../limits';

export const NEGOTIATED_GOAL_NODE = 'negotiatedGoal';
export const GOAL_OWN_WORDS_NODE = 'goalOwnWords';
export const GOAL_REFORMULATION_NODE = 'goalReformulation';
export const GOAL_ACTIONS_NODE = 'goalActions';
export const GOAL_ACTION_NODE = 'goalAction';

/** ProseMirror content expressions, for the Tiptap node definitions. */
export const NEGOTIATED_GOAL_CONTENT = `${GOAL_OWN_WORDS_NODE} ${GOAL_REFORMULATION_NODE} ${GOAL_ACTIONS_NODE}?`;
export const GOAL_VOICE_CONTENT = 'paragraph+';
export const GOAL_ACTIONS_CONTENT = `${GOAL_ACTION_NODE}*`;
/** An action's description: one paragraph. */
export const GOAL_ACTION_CONTENT = 'paragraph';

export const GOAL_STATUSES = ['proposed', 'active', 'achieved', 'on-hold', 'abandoned'] as const;
export const GoalStatusSchema = z.enum(GOAL_STATUSES);
export type GoalStatus = z.infer<typeof GoalStatusSchema>;

/** A calendar date, `YYYY-MM-DD` (what FHIR calls a `date`), with no time zone to drift. */
export const GoalDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date looks like 2026-06-30.')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'This date does not exist.');

export const NegotiatedGoalAttributesSchema = z.object({
  /** Stable id of the goal, unique in the document; survives edits and exports. */
  goalId: z.string().min(1).max(64),
  status: GoalStatusSchema,
  targetDate: GoalDateSchema.optional(),
  /** User id of the member who expressed the goal (usually the person receiving care). */
  expressedBy: z.string().min(1).max(64).optional(),
  /** Their display name when it was chosen, shown if they are no longer a member. */
  expressedByName: z.string().min(1).max(FIELD_LIMITS.displayName).optional(),
});
export type NegotiatedGoalAttributes = z.infer<typeof NegotiatedGoalAttributesSchema>;

/** Lengths of an action's free-text facts. */
export const GOAL_ACTION_LIMITS = { who: 120, when: 80, support: 200 } as const;

/**
 * A linked action's attributes. `who`, `when` and `support` are free text (« Dre Roy,
 * physiothérapeute », « chaque lundi »); `when` may also be a calendar date, `YYYY-MM-DD`,
 * which exports then write as a date. Absent when empty, like the goal's optional attributes.
 */
export const GoalActionAttributesSchema = z.object({
  /** Stable id of the action, unique in the document. */
  actionId: z.string().min(1).max(64),
  who: z.string().min(1).max(GOAL_ACTION_LIMITS.who).optional(),
  when: z.string().min(1).max(GOAL_ACTION_LIMITS.when).optional(),
  support: z.string().min(1).max(GOAL_ACTION_LIMITS.support).optional(),
});
export type GoalActionAttributes = z.infer<typeof GoalActionAttributesSchema>;

export interface GoalLabels {
  goal: string;
  ownWords: string;
  reformulation: string;
  status: string;
  targetDate: string;
  expressedBy: string;
  notWrittenYet: string;
  actions: string;
  who: string;
  when: string;
  support: string;
  statuses: Record<GoalStatus, string>;
}

/** Words for the block's node view and for exports (GLOSSARY: « objectif dans mes mots »). */
export const GOAL_LABELS: Record<Language, GoalLabels> = {
  en: {
    goal: 'Goal',
    ownWords: 'In my own words',
    reformulation: 'Shared reformulation',
    status: 'Status',
    targetDate: 'Target date',
    expressedBy: 'Expressed by',
    notWrittenYet: 'Not written yet',
    actions: 'Linked actions',
    who: 'Who',
    when: 'By when',
    support: 'Support',
    statuses: { proposed: 'proposed', active: 'active', achieved: 'achieved', 'on-hold': 'on hold', abandoned: 'abandoned' },
  },
  fr: {
    goal: 'Objectif',
    ownWords: 'Dans mes mots',
    reformulation: 'Reformulation partagée',
    status: 'Statut',
    targetDate: 'Date visée',
    expressedBy: 'Exprimé par',
    notWrittenYet: 'Pas encore écrit',
    actions: 'Actions liées',
    who: 'Qui',
    when: 'Pour quand',
    support: 'Soutien',
    statuses: { proposed: 'proposé', active: 'actif', achieved: 'atteint', 'on-hold': 'en pause', abandoned: 'abandonné' },
  },
};
