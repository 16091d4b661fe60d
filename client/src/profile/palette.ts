/** The colours a person can pick (shared/src/domain/colors.ts), each with its translated name. */
import { PERSON_COLORS } from '../../../shared/src/index';
import type { MessageKey } from '../i18n/catalog';

export const PALETTE: ReadonlyArray<{ color: string; name: MessageKey }> = PERSON_COLORS.map((c) => ({
  color: c.color,
  name: `color.${c.name}` as MessageKey,
}));
