/**
 * Ranges of Yjs ids (client, clock..clock+len) labelled with who and when. The first label of
 * any id wins: a delete set resent on reconnect, or an update replayed, never re-attributes.
 */
export interface RangeLabel {
  memberId: string;
  seq: number;
}

export interface LabelledRange extends RangeLabel {
  clock: number;
  len: number;
}

export class ClockRanges {
  private readonly byClient = new Map<number, LabelledRange[]>();

  /** Labels the parts of the range not labelled yet; returns how many clock units were new. */
  add(client: number, clock: number, len: number, label: RangeLabel): number {
    const ranges = this.byClient.get(client) ?? [];
    this.byClient.set(client, ranges);
    let added = 0;
    let cursor = clock;
    const end = clock + len;
    let index = firstEndingAfter(ranges, cursor);
    const fresh: LabelledRange[] = [];
    while (cursor < end) {
      const next = ranges[index];
      if (!next || next.clock >= end) {
        fresh.push({ clock: cursor, len: end - cursor, ...label });
        added += end - cursor;
        break;
      }
      if (next.clock > cursor) {
        fresh.push({ clock: cursor, len: next.clock - cursor, ...label });
        added += next.clock - cursor;
      }
      cursor = Math.max(cursor, next.clock + next.len);
      index++;
    }
    if (fresh.length > 0) {
      ranges.push(...fresh);
      ranges.sort((a, b) => a.clock - b.clock);
    }
    return added;
  }

  /** The labelled pieces covering clock..clock+len, in order (gaps are left out). */
  pieces(client: number, clock: number, len: number): LabelledRange[] {
    const ranges = this.byClient.get(client);
    if (!ranges) return [];
    const end = clock + len;
    const result: LabelledRange[] = [];
    for (let i = firstEndingAfter(ranges, clock); i < ranges.length; i++) {
      const r = ranges[i] as LabelledRange;
      if (r.clock >= end) break;
      const from = Math.max(r.clock, clock);
      const to = Math.min(r.clock + r.len, end);
      if (to > from) result.push({ clock: from, len: to - from, memberId: r.memberId, seq: r.seq });
    }
    return result;
  }

  /** Total labelled length per member. */
  totals(): Map<string, number> {
    const totals = new Map<string, number>();
    for (const ranges of this.byClient.values()) {
      for (const r of ranges) totals.set(r.memberId, (totals.get(r.memberId) ?? 0) + r.len);
    }
    return totals;
  }
}

/** Index of the first range whose end is after `clock` (binary search; ranges are sorted and disjoint). */
function firstEndingAfter(ranges: LabelledRange[], clock: number): number {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const r = ranges[mid] as LabelledRange;
    if (r.clock + r.len <= clock) low = mid + 1;
    else high = mid;
  }
  return low;
}
