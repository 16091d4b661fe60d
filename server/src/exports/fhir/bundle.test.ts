import { describe, expect, it } from 'vitest';
import { GOAL_STATUSES, GoalDateSchema } from '../../../../shared/src/index';
import { element, text } from '../../content/tree';
import { negotiatedGoal, p, prompt } from '../../templates/blocks';
import type { FhirInput } from './bundle';
import { firstSectionText, stableUuid, toFhirBundle } from './bundle';
import { BundleSchema, unresolvedReferences } from './schema';

const baseInput = (nodes: FhirInput['nodes'], members: FhirInput['members'] = []): FhirInput => ({
  documentId: 'doc1',
  title: 'Plan',
  template: 'care-trajectory',
  workspaceName: 'Plan de Marie',
  language: 'en',
  exportedAt: Date.UTC(2026, 5, 1),
  createdAt: Date.UTC(2026, 0, 1),
  nodes,
  members,
  goalAuthors: [],
  contributorIds: [],
});

const goalWith = (goalId: string, status: string, ownWords = 'My words') => {
  const goal = negotiatedGoal({ goalId, status: status as 'active' });
  (goal.content[0] as ReturnType<typeof element>).content = [p(ownWords)];
  return goal;
};

describe('FHIR bundle', () => {
  it('maps each goal status to a Goal lifecycleStatus, with achievementStatus for achieved goals', () => {
    const bundle = BundleSchema.parse(toFhirBundle(baseInput(GOAL_STATUSES.map((status, i) => goalWith(`g${i}`, status)))));
    const goals = bundle.entry.flatMap((e) => (e.resource.resourceType === 'Goal' ? [e.resource] : []));
    expect(goals.map((g) => g.lifecycleStatus)).toEqual(['proposed', 'active', 'completed', 'on-hold', 'cancelled']);
    expect(goals[2]!.achievementStatus?.coding?.[0]).toMatchObject({ code: 'achieved' });
    expect(goals.filter((g) => g.achievementStatus)).toHaveLength(1);
  });

  it('gives duplicated goal ids their own resources, names an absent person, and keeps references inside', () => {
    const input = baseInput([goalWith('same', 'proposed'), goalWith('same', 'odd-status', '')], [{ userId: 'u1', displayName: 'Dr Bob', role: 'clinician' }]);
    const bundle = BundleSchema.parse(toFhirBundle(input));
    expect(unresolvedReferences(bundle)).toEqual([]);
    expect(new Set(bundle.entry.map((e) => e.fullUrl)).size).toBe(bundle.entry.length);
    const goals = bundle.entry.flatMap((e) => (e.resource.resourceType === 'Goal' ? [e.resource] : []));
    expect(goals[1]).toMatchObject({ lifecycleStatus: 'proposed', description: { text: '(Not written yet)' } });
    expect(goals[0]!.subject).toEqual({ display: 'Person receiving care (not named in Ensemble)' });
    const plan = bundle.entry[0]!.resource;
    expect(plan).toMatchObject({ resourceType: 'CarePlan', status: 'draft', intent: 'plan', created: '2026-01-01T00:00:00.000Z' });
  });

  it('reads the plan description from the first section, without the italic prompts', () => {
    const nodes = [element('heading', [text('Life project')], { level: 2 }), prompt('What would you like?'), p('Live near my sister.'), element('heading', [text('Next')], { level: 2 }), p('Not this')];
    expect(firstSectionText(nodes)).toBe('Live near my sister.');
  });

  it('derives the same UUID for the same document and key, in version 5 layout', () => {
    expect(stableUuid('d', 'k')).toBe(stableUuid('d', 'k'));
    expect(stableUuid('d', 'k')).not.toBe(stableUuid('d', 'k2'));
    expect(stableUuid('d', 'k')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('accepts only real calendar dates as target dates', () => {
    expect(GoalDateSchema.safeParse('2026-06-30').success).toBe(true);
    expect(GoalDateSchema.safeParse('2026-02-30').success).toBe(false);
    expect(GoalDateSchema.safeParse('30/06/2026').success).toBe(false);
  });
});
