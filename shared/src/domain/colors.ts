/**
 * Person colours for carets and authorship: each reads at 4.5:1 or better with white text and
 * on a white page, and is distinguishable from its neighbours. Each has a name so that a
 * choice never rests on colour alone.
 */
export const PERSON_COLORS = [
  { color: '#1a6e8e', name: 'blue' },
  { color: '#8e3a1a', name: 'rust' },
  { color: '#5b4b9a', name: 'violet' },
  { color: '#2e7d32', name: 'green' },
  { color: '#a1306b', name: 'raspberry' },
  { color: '#7a5c00', name: 'ochre' },
  { color: '#00695c', name: 'teal' },
  { color: '#b0381e', name: 'brick' },
] as const;

export type PersonColorName = (typeof PERSON_COLORS)[number]['name'];

export function colorFor(index: number): string {
  return (PERSON_COLORS[Math.abs(index) % PERSON_COLORS.length] as (typeof PERSON_COLORS)[number]).color;
}
