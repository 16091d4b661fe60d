/** Turns folded decision state into the API's response shapes (shared/src/api/decisionViews.ts). */
import {
  RoleSchema,
  methodAllowsBlock,
  perspectiveOf,
  type Decision,
  type DecisionEntry,
  type DecisionSummary,
  type PersonRef,
  type Role,
} from '../../../shared/src/index';
import type { Store } from '../storage/store';
import { canRecordOutcome, canTakePosition, type DecisionActor } from './decisionRules';
import type { DecisionState, ParsedEntry } from './decisionFold';
import { checkRule } from './ruleCheck';

/** Names and current roles of everyone a view mentions, resolved by the service beforehand. */
export interface PeopleDirectory {
  names: Map<string, string>;
  currentRoles: Map<string, Role>;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Current names and roles of members, plus the names of former members the entries mention. */
export async function loadDirectory(store: Store, workspaceId: string, entries: ParsedEntry[]): Promise<PeopleDirectory> {
  const names = new Map<string, string>();
  const currentRoles = new Map<string, Role>();
  for (const m of await store.listMembers(workspaceId)) {
    names.set(m.userId, m.displayName);
    currentRoles.set(m.userId, m.role);
  }
  const mentioned = new Set(entries.flatMap((e) => [e.record.authorId, ...(e.kind === 'created' ? e.payload.participants : [])]));
  for (const id of mentioned) {
    if (names.has(id)) continue;
    const user = await store.getUser(id);
    if (user) names.set(id, user.displayName);
  }
  return { names, currentRoles };
}

export function personRef(people: PeopleDirectory, userId: string, roleAtTheTime?: string | null): PersonRef {
  const stored = RoleSchema.safeParse(roleAtTheTime);
  const role = stored.success ? stored.data : (people.currentRoles.get(userId) ?? null);
  return { userId, displayName: people.names.get(userId) ?? 'Former member', role, perspective: role ? perspectiveOf(role) : null };
}

/** Correction entry ids by the id of the entry they correct. */
export function correctionIndex(entries: ParsedEntry[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const e of entries) {
    if (e.kind !== 'correction') continue;
    index.set(e.payload.corrects, [...(index.get(e.payload.corrects) ?? []), e.record.id]);
  }
  return index;
}

export function entryView(entry: ParsedEntry, people: PeopleDirectory, corrections: Map<string, string[]>): DecisionEntry {
  const r = entry.record;
  return {
    id: r.id,
    documentId: r.documentId,
    decisionId: r.decisionId,
    seq: r.seq,
    author: personRef(people, r.authorId, r.authorRole),
    createdAt: iso(r.createdAt),
    prevHash: r.prevHash,
    hash: r.hash,
    correctedBy: corrections.get(r.id) ?? [],
    kind: entry.kind,
    payload: entry.payload,
  } as DecisionEntry;
}

export function decisionView(state: DecisionState, people: PeopleDirectory, actor: DecisionActor): Decision {
  const { created, outcome } = state;
  const c = created.payload;
  const corrections = correctionIndex(state.entries);
  const positions = [...state.positions.values()];
  const latestRole = new Map(positions.map((p) => [p.entry.record.authorId, p.entry.record.authorRole]));
  const ruleCheck = outcome
    ? outcome.payload.ruleCheck
    : checkRule(c.method, 'open', positions.map((p) => ({ stance: p.entry.payload.stance, authorRole: p.entry.record.authorRole })));
  const open = state.status === 'open';
  const last = state.entries.at(-1)?.record ?? created.record;
  return {
    id: created.record.decisionId,
    documentId: created.record.documentId,
    title: c.title,
    proposal: c.proposal,
    informationShared: c.informationShared,
    anchor: c.anchor,
    method: c.method,
    engagement: c.engagement,
    blockAllowed: methodAllowsBlock(c.method),
    participants: c.participants.map((id) => personRef(people, id, people.currentRoles.get(id) ?? latestRole.get(id))),
    proposedBy: personRef(people, created.record.authorId, created.record.authorRole),
    proposedAt: iso(created.record.createdAt),
    status: state.status,
    outcome: outcome
      ? { ...outcome.payload, entryId: outcome.record.id, recordedBy: personRef(people, outcome.record.authorId, outcome.record.authorRole), recordedAt: iso(outcome.record.createdAt) }
      : null,
    positions: {
      counts: ruleCheck.counts,
      total: positions.length,
      latest: positions.map((p) => ({
        person: personRef(people, p.entry.record.authorId, p.entry.record.authorRole),
        participant: c.participants.includes(p.entry.record.authorId),
        stance: p.entry.payload.stance,
        reason: p.entry.payload.reason,
        entryId: p.entry.record.id,
        at: iso(p.entry.record.createdAt),
        earlierPositions: p.earlier,
      })),
      awaiting: c.participants.filter((id) => !state.positions.has(id)).map((id) => personRef(people, id, people.currentRoles.get(id))),
    },
    ruleCheck,
    caller: { canTakePosition: open && canTakePosition(actor, c), canRecordOutcome: open && canRecordOutcome(actor) },
    updatedAt: iso(last.createdAt),
    history: state.entries.map((e) => entryView(e, people, corrections)),
  };
}

export function summaryOf(decision: Decision): DecisionSummary {
  const { history: _history, ...summary } = decision;
  return summary;
}
