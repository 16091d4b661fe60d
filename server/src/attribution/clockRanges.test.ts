import { describe, expect, it } from 'vitest';
import { ClockRanges } from './clockRanges';

describe('ClockRanges', () => {
  it('labels only what is not labelled yet, and reports pieces in order', () => {
    const ranges = new ClockRanges();
    expect(ranges.add(1, 10, 5, { memberId: 'a', seq: 1 })).toBe(5);
    expect(ranges.add(1, 8, 10, { memberId: 'b', seq: 2 })).toBe(5);
    expect(ranges.add(1, 10, 5, { memberId: 'c', seq: 3 })).toBe(0);
    expect(ranges.pieces(1, 9, 8)).toEqual([
      { clock: 9, len: 1, memberId: 'b', seq: 2 },
      { clock: 10, len: 5, memberId: 'a', seq: 1 },
      { clock: 15, len: 2, memberId: 'b', seq: 2 },
    ]);
    expect(ranges.pieces(2, 0, 100)).toEqual([]);
    expect(Object.fromEntries(ranges.totals())).toEqual({ a: 5, b: 5 });
  });
});
