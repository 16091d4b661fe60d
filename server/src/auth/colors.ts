/**
 * Colours for carets and authorship: each meets 4.5:1 contrast with white text and on a white
 * page, and is distinguishable from its neighbours.
 */
export const PERSON_COLORS = ['#1a6e8e', '#8e3a1a', '#5b4b9a', '#2e7d32', '#a1306b', '#7a5c00', '#00695c', '#b0381e'] as const;

export function colorFor(index: number): string {
  return PERSON_COLORS[Math.abs(index) % PERSON_COLORS.length] as string;
}
