/**
 * Reading the `suggestion` formatting attribute (ADR 0005) as Yjs stores it, and the Yjs
 * bookkeeping the suggestion check needs (what existed and what was deleted before an update).
 */
import * as Y from 'yjs';
import { SUGGESTION_MARK, SuggestionMarkSchema, type SuggestionMark } from '../../../shared/src/index';
import { canonicalJson } from '../decisions/canonicalJson';

export { SUGGESTION_MARK };

export type DeleteSet = ReturnType<typeof Y.createDeleteSetFromStructStore>;

/** The mark in force, null when there is none, 'invalid' for a value that is not a mark. */
export function readMark(value: unknown): SuggestionMark | null | 'invalid' {
  if (value === null || value === undefined) return null;
  const parsed = SuggestionMarkSchema.safeParse(value);
  return parsed.success ? parsed.data : 'invalid';
}

export function isOwnMark(value: unknown, memberId: string, kind: SuggestionMark['kind']): boolean {
  const mark = readMark(value);
  return mark !== null && mark !== 'invalid' && mark.author === memberId && mark.kind === kind;
}

/** Attribute values compared by content: clients may write the same object with keys in another order. */
export function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === undefined ? null : v);
  try {
    return canonicalJson(norm(a)) === canonicalJson(norm(b));
  } catch {
    return false;
  }
}

/** Applies a formatting item to the attributes in force, as Y.Text does when it reads a delta. */
export function applyFormat(attributes: Map<string, unknown>, format: Y.ContentFormat): void {
  if (format.value === null || format.value === undefined) attributes.delete(format.key);
  else attributes.set(format.key, format.value);
}

/** Whether every clock in [clock, clock + len) of `client` is in the delete set. */
export function fullyDeleted(ds: DeleteSet, client: number, clock: number, len: number): boolean {
  const ranges = ds.clients.get(client);
  if (!ranges || len <= 0) return len <= 0;
  let at = clock;
  const end = clock + len;
  // Ranges are sorted and merged (createDeleteSetFromStructStore), so a binary search finds the start.
  let lo = 0;
  let hi = ranges.length - 1;
  let index = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const range = ranges[mid] as { clock: number; len: number };
    if (range.clock <= at) {
      index = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let i = index; i >= 0 && i < ranges.length && at < end; i++) {
    const range = ranges[i] as { clock: number; len: number };
    if (range.clock > at || range.clock + range.len <= at) return false;
    at = range.clock + range.len;
  }
  return at >= end;
}

/** The structs of a client that overlap [clock, end), in clock order. */
export function* structsIn(doc: Y.Doc, client: number, clock: number, end: number): Generator<Y.Item | Y.GC> {
  const structs = doc.store.clients.get(client);
  const last = structs?.at(-1);
  if (!structs || !last || clock >= last.id.clock + last.length) return;
  let i = clock <= (structs[0] as Y.Item | Y.GC).id.clock ? 0 : Y.findIndexSS(structs, clock);
  for (; i < structs.length; i++) {
    const struct = structs[i] as Y.Item | Y.GC;
    if (struct.id.clock >= end) return;
    yield struct;
  }
}
