/**
 * A care trajectory as a FHIR R4 `collection` Bundle: one CarePlan whose activities are the
 * goals' linked actions, one Goal per negotiated goal block, the CareTeam (members and their
 * roles) and, where the log knows who wrote a goal or an action, a Provenance naming them. People are display-only references: Ensemble holds no Patient or
 * Practitioner records to point at, and must not invent identities for another system.
 * Mapping decisions are recorded in docs/adr/0003-negotiated-goal-block.md.
 */
import crypto from 'node:crypto';
import { GOAL_LABELS, NEGOTIATED_GOAL_NODE, type GoalStatus } from '../../../../shared/src/index';
import { findElements, hasMark, plainText, type DocNode } from '../../content/tree';
import { actionIsEmpty, readGoal, type ActionView, type ExportInput, type GoalView } from '../exportModel';
import { EXPORT_LABELS } from '../labels';
import type { GoalAuthors, GoalAuthorship } from './goalAuthors';
import {
  ElementId,
  TARGET_ELEMENT_URL,
  type FhirBundle,
  type FhirCarePlan,
  type FhirCarePlanActivity,
  type FhirCareTeam,
  type FhirGoal,
  type FhirProvenance,
  type FhirReference,
  type FhirResource,
} from './schema';

const LIFECYCLE: Record<GoalStatus, FhirGoal['lifecycleStatus']> = {
  proposed: 'proposed',
  active: 'active',
  achieved: 'completed',
  'on-hold': 'on-hold',
  abandoned: 'cancelled',
};

/** An action is as far along as the goal it serves; a goal that is only proposed has not started. */
const ACTIVITY_STATUS: Record<GoalStatus, FhirCarePlanActivity['detail']['status']> = {
  proposed: 'not-started',
  active: 'in-progress',
  achieved: 'completed',
  'on-hold': 'on-hold',
  abandoned: 'cancelled',
};

export interface FhirInput extends ExportInput {
  /** Per goal block, in document order, with its actions' (see goalAuthors.ts). */
  goalAuthors: Array<GoalAuthors | undefined>;
  /** Members who have at least one update in the document's log. */
  contributorIds: string[];
}

export function toFhirBundle(input: FhirInput): FhirBundle {
  const labels = EXPORT_LABELS[input.language];
  const entries: Array<{ fullUrl: string; resource: FhirResource }> = [];
  const add = (key: string, resource: FhirResource): { reference: string } => {
    const fullUrl = `urn:uuid:${stableUuid(input.documentId, key)}`;
    entries.push({ fullUrl, resource });
    return { reference: fullUrl };
  };
  const member = (userId: string) => input.members.find((m) => m.userId === userId);
  const person = input.members.find((m) => m.role === 'person');
  const subject: FhirReference = { display: person?.displayName ?? labels.personNotRecorded };

  const careTeam: FhirCareTeam = {
    resourceType: 'CareTeam',
    status: 'active',
    name: labels.careTeam(input.workspaceName),
    subject,
    ...(input.members.length > 0
      ? { participant: input.members.map((m) => ({ role: [{ text: labels.roles[m.role] }], member: { display: m.displayName } })) }
      : {}),
  };
  const careTeamRef = add('care-team', careTeam);

  const goalNodes = findElements(input.nodes, NEGOTIATED_GOAL_NODE);
  const goals = goalNodes.map((node) => readGoal(node, input.members));
  const seen = new Set<string>();
  const provenanceFor = (authorship: GoalAuthorship | null | undefined, target: FhirProvenance['target'][number], key: string) => {
    const agents = (authorship?.memberIds ?? []).map((id) => member(id)).filter((m) => m !== undefined);
    if (!authorship || agents.length === 0) return;
    const provenance: FhirProvenance = {
      resourceType: 'Provenance',
      target: [target],
      recorded: new Date(authorship.recorded).toISOString(),
      agent: agents.map((m) => ({ type: AUTHOR, who: { display: m.displayName } })),
    };
    add(`provenance:${key}`, provenance);
  };
  const carePlanUrl = `urn:uuid:${stableUuid(input.documentId, 'care-plan')}`;
  const activities: FhirCarePlanActivity[] = [];
  const activityProvenances: Array<() => void> = [];
  const takenActivityIds = new Set<string>();
  const goalRefs = goals.map((goal, index) => {
    // Copy and paste can duplicate a goalId; each block still gets its own resource.
    let key = `goal:${goal.goalId ?? `#${index}`}`;
    if (seen.has(key)) key += `#${index}`;
    seen.add(key);
    const ref = add(key, goalResource(goal, subject, input));
    const authors = input.goalAuthors[index];
    provenanceFor(authors?.goal, ref, key);
    goal.actions.forEach((action, actionIndex) => {
      if (actionIsEmpty(action)) return;
      const id = activityId(action, activities.length, takenActivityIds);
      activities.push(activityOf(action, id, goal, ref, input));
      // Provenances of activities follow those of the goals, once the plan's entries are in.
      activityProvenances.push(() =>
        provenanceFor(authors?.actions[actionIndex], { extension: [{ url: TARGET_ELEMENT_URL, valueUri: id }], reference: carePlanUrl }, `activity:${key}:${id}`),
      );
    });
    return ref;
  });

  const contributors = input.contributorIds.map((id) => member(id)).filter((m) => m !== undefined);
  const description = firstSectionText(input.nodes);
  const carePlan: FhirCarePlan = {
    resourceType: 'CarePlan',
    // A plan is in force once one of its goals is being worked on or reached; before, a draft.
    status: goals.some((g) => g.status === 'active' || g.status === 'achieved') ? 'active' : 'draft',
    intent: 'plan',
    title: input.title,
    ...(description ? { description } : {}),
    subject,
    created: new Date(input.createdAt).toISOString(),
    ...(contributors.length > 0 ? { contributor: contributors.map((m) => ({ display: `${m.displayName} (${labels.roles[m.role]})` })) } : {}),
    careTeam: [careTeamRef],
    ...(goalRefs.length > 0 ? { goal: goalRefs } : {}),
    ...(activities.length > 0 ? { activity: activities } : {}),
  };
  add('care-plan', carePlan);
  // The CarePlan leads the bundle: it is what a receiving system looks for first.
  entries.unshift(entries.pop()!);
  for (const addProvenance of activityProvenances) addProvenance();
  return { resourceType: 'Bundle', type: 'collection', timestamp: new Date(input.exportedAt).toISOString(), entry: entries };
}

const AUTHOR = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code: 'author', display: 'Author' }] };

/** The activity's `Element.id`: the action's id when FHIR allows it and it is free, else its rank. */
function activityId(action: ActionView, rank: number, taken: Set<string>): string {
  let id = action.actionId && ElementId.safeParse(action.actionId).success ? action.actionId : `activity-${rank + 1}`;
  while (taken.has(id)) id = `activity-${++rank + 1}`;
  taken.add(id);
  return id;
}

/**
 * A linked action as a CarePlan activity: what will be done, by whom (display only, in the
 * words people wrote), when (as written), and the goal it serves. R4's activity detail has no
 * field for the support the person gets, so it follows the description, labelled.
 */
function activityOf(action: ActionView, id: string, goal: GoalView, goalRef: FhirReference, input: FhirInput): FhirCarePlanActivity {
  const labels = GOAL_LABELS[input.language];
  const support = action.support ? `${labels.support}${input.language === 'fr' ? '\u00a0:' : ':'} ${action.support}` : '';
  const description = [plainText(action.description).trim(), support].filter((part) => part !== '').join('\n');
  return {
    id,
    detail: {
      goal: [goalRef],
      status: ACTIVITY_STATUS[goal.status],
      ...(action.when ? { scheduledString: action.when } : {}),
      ...(action.who ? { performer: [{ display: action.who }] } : {}),
      ...(description ? { description } : {}),
    },
  };
}

function goalResource(goal: GoalView, subject: FhirReference, input: FhirInput): FhirGoal {
  const labels = GOAL_LABELS[input.language];
  const ownWords = plainText(goal.ownWords).trim();
  const reformulation = plainText(goal.reformulation).trim();
  return {
    resourceType: 'Goal',
    lifecycleStatus: LIFECYCLE[goal.status],
    ...(goal.status === 'achieved'
      ? { achievementStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/goal-achievement', code: 'achieved', display: 'Achieved' }] } }
      : {}),
    // The person's own words are the goal; the shared reformulation is a note beside it.
    description: { text: ownWords || `(${labels.notWrittenYet})` },
    subject,
    ...(goal.targetDate ? { target: [{ dueDate: goal.targetDate }] } : {}),
    ...(goal.expressedByName ? { expressedBy: { display: goal.expressedByName } } : {}),
    ...(reformulation ? { note: [{ text: `${labels.reformulation}${input.language === 'fr' ? '\u00a0:' : ':'} ${reformulation}` }] } : {}),
  };
}

/**
 * The text of the document's first section (the life project, in the care-trajectory template),
 * without the template's guiding prompts, which are paragraphs written entirely in italics.
 */
export function firstSectionText(nodes: DocNode[]): string {
  const first = nodes.findIndex((n) => n.kind === 'element' && n.type === 'heading');
  if (first < 0) return '';
  const section: DocNode[] = [];
  for (const node of nodes.slice(first + 1)) {
    if (node.kind === 'element' && node.type === 'heading') break;
    if (!isPrompt(node)) section.push(node);
  }
  return plainText(section).trim();
}

function isPrompt(node: DocNode): boolean {
  if (node.kind !== 'element' || node.type !== 'paragraph') return false;
  const runs = node.content.filter((n) => n.kind === 'text');
  return runs.length > 0 && runs.every((run) => hasMark(run, 'italic'));
}

/** A name-based UUID (version 5 layout, SHA-1): the same document exports the same ids. */
export function stableUuid(documentId: string, key: string): string {
  const hash = crypto.createHash('sha1').update(`ensemble:${documentId}:${key}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
