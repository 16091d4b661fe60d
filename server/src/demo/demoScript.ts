/**
 * The shape of the demo workspace ("Explore with an example"): fictional people, documents
 * written section by section by those people (so authorship and contributions show a real
 * balance of perspectives), decisions with positions, and a document out for review. Each
 * language has its own script (demoEn.ts, demoFr.ts) written in that language, not translated
 * word for word.
 */
import {
  GOAL_OWN_WORDS_NODE,
  GOAL_REFORMULATION_NODE,
  NEGOTIATED_GOAL_NODE,
  type DecisionMethod,
  type EngagementLevel,
  type GoalStatus,
  type Permission,
  type Role,
  type Stance,
  type TemplateId,
} from '../../../shared/src/index';
import { element, type DocNode, type ElementNode } from '../content/tree';
import { p } from '../templates/blocks';

/** `you` is the person who asked for the demo; the others are fictional accounts without credentials. */
export type DemoPerson = 'you' | 'marie' | 'jean' | 'roy' | 'karim' | 'luc';
export type DemoDocumentKey = 'care' | 'policy' | 'workshop';

/** What a section may need that only exists once the demo is being created. */
export interface DemoContext {
  id(person: DemoPerson): string;
  name(person: DemoPerson): string;
  /** A calendar date (YYYY-MM-DD) this many days from today. */
  date(daysFromNow: number): string;
  newId(): string;
}

export interface DemoSection {
  author: DemoPerson;
  blocks: DocNode[] | ((context: DemoContext) => DocNode[]);
}

/** A negotiated goal block (ADR 0003) with both voices written: the person's words and the shared reformulation. */
export function demoGoal(
  context: DemoContext,
  goal: { by: DemoPerson; status: GoalStatus; inDays: number; ownWords: string; reformulation: string },
): ElementNode {
  return element(NEGOTIATED_GOAL_NODE, [element(GOAL_OWN_WORDS_NODE, [p(goal.ownWords)]), element(GOAL_REFORMULATION_NODE, [p(goal.reformulation)])], {
    goalId: context.newId(),
    status: goal.status,
    targetDate: context.date(goal.inDays),
    expressedBy: context.id(goal.by),
    expressedByName: context.name(goal.by),
  });
}

export interface DemoDocument {
  key: DemoDocumentKey;
  title: string;
  template: TemplateId;
  /** How long ago it was written: the workshop record is a past one. */
  daysAgo: number;
  sections: DemoSection[];
}

export interface DemoDecision {
  document: DemoDocumentKey;
  proposer: DemoPerson;
  title: string;
  proposal: string;
  method: DecisionMethod;
  engagement: EngagementLevel;
  positions: Array<{ by: DemoPerson; stance: Stance; reason?: string }>;
  /** Recorded by `you` (the owner); absent leaves the decision open. */
  outcome?: { status: 'adopted' | 'rejected' | 'deferred'; outcome: string; minorityView?: string; reviewInDays?: number };
}

export interface DemoScript {
  workspaceName: string;
  people: Record<Exclude<DemoPerson, 'you'>, { name: string; role: Role; permission: Permission }>;
  documents: DemoDocument[];
  decisions: DemoDecision[];
  /** The structuring document's draft, named and sent for sign-off. */
  review: { document: DemoDocumentKey; versionName: string; message: string; signers: DemoPerson[]; approvals: Array<{ by: DemoPerson; comment: string }> };
}
