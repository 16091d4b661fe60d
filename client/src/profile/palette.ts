/**
 * The colours a person can pick, the same as the server assigns (server/src/auth/colors.ts):
 * each reads at 4.5:1 or better with white text and on a white page. Each has a name, so the
 * choice never rests on colour alone.
 */
import type { MessageKey } from '../i18n/catalog';

export const PALETTE: ReadonlyArray<{ color: string; name: MessageKey }> = [
  { color: '#1a6e8e', name: 'color.blue' },
  { color: '#8e3a1a', name: 'color.rust' },
  { color: '#5b4b9a', name: 'color.violet' },
  { color: '#2e7d32', name: 'color.green' },
  { color: '#a1306b', name: 'color.raspberry' },
  { color: '#7a5c00', name: 'color.ochre' },
  { color: '#00695c', name: 'color.teal' },
  { color: '#b0381e', name: 'color.brick' },
];
