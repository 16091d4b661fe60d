/**
 * A decision's current state is never stored: it is folded from its entries, so the log is the
 * single source of truth. Parsing is tolerant: a stored payload that no longer parses (only
 * possible by tampering) becomes an `unreadable` entry and is left out of the state, while the
 * chain verification reports where it is.
 */
import {
  CorrectionPayloadSchema,
  CreatedPayloadSchema,
  OutcomePayloadSchema,
  PositionPayloadSchema,
  type CorrectionPayload,
  type CreatedPayload,
  type DecisionStatus,
  type OutcomePayload,
  type PositionPayload,
} from '../../../shared/src/index';
import type { DecisionEntryRecord } from './decisionStore';

export type ParsedEntry =
  | { record: DecisionEntryRecord; kind: 'created'; payload: CreatedPayload }
  | { record: DecisionEntryRecord; kind: 'position'; payload: PositionPayload }
  | { record: DecisionEntryRecord; kind: 'outcome'; payload: OutcomePayload }
  | { record: DecisionEntryRecord; kind: 'correction'; payload: CorrectionPayload }
  | { record: DecisionEntryRecord; kind: 'unreadable'; payload: null };

const SCHEMAS = {
  created: CreatedPayloadSchema,
  position: PositionPayloadSchema,
  outcome: OutcomePayloadSchema,
  correction: CorrectionPayloadSchema,
} as const;

export function parseEntry(record: DecisionEntryRecord): ParsedEntry {
  const schema = (SCHEMAS as Record<string, (typeof SCHEMAS)[keyof typeof SCHEMAS] | undefined>)[record.kind];
  let json: unknown;
  try {
    json = JSON.parse(record.payload);
  } catch {
    return { record, kind: 'unreadable', payload: null };
  }
  const parsed = schema?.safeParse(json);
  if (!parsed?.success) return { record, kind: 'unreadable', payload: null };
  return { record, kind: record.kind, payload: parsed.data } as ParsedEntry;
}

export interface PositionState {
  entry: Extract<ParsedEntry, { kind: 'position' }>;
  /** Earlier positions of the same person on this decision. */
  earlier: number;
}

export interface DecisionState {
  created: Extract<ParsedEntry, { kind: 'created' }>;
  status: DecisionStatus;
  outcome: Extract<ParsedEntry, { kind: 'outcome' }> | null;
  /** Latest position per author, in the order people first took one. */
  positions: Map<string, PositionState>;
  entries: ParsedEntry[];
}

/** Folds one decision's entries (oldest first); null when it has no readable creation entry. */
export function foldDecision(entries: ParsedEntry[]): DecisionState | null {
  const created = entries.find((e): e is Extract<ParsedEntry, { kind: 'created' }> => e.kind === 'created');
  if (!created) return null;
  let outcome: DecisionState['outcome'] = null;
  const positions = new Map<string, PositionState>();
  for (const entry of entries) {
    // The first outcome closes the decision; the service never appends anything after it but corrections.
    if (entry.kind === 'outcome' && !outcome) outcome = entry;
    if (entry.kind === 'position' && !outcome) {
      const previous = positions.get(entry.record.authorId);
      positions.set(entry.record.authorId, { entry, earlier: previous ? previous.earlier + 1 : 0 });
    }
  }
  return { created, status: outcome ? outcome.payload.status : 'open', outcome, positions, entries };
}
