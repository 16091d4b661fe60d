/**
 * Counted sentences: `{base}.one` or `{base}.other` by the language's plural rule (in French,
 * 0 and 1 take the singular). Only bases that have both forms in the catalog type-check.
 */
import { useCallback } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey, MessageVars } from '../i18n/catalog';

type PluralBase = { [K in MessageKey]: K extends `${infer B}.one` ? (`${B}.other` extends MessageKey ? B : never) : never }[MessageKey];

export function usePlural() {
  const { t, language } = useI18n();
  return useCallback(
    (base: PluralBase, count: number, vars: MessageVars = {}) => {
      const form = new Intl.PluralRules(language).select(count) === 'one' ? 'one' : 'other';
      return t(`${base}.${form}` as MessageKey, { count, ...vars });
    },
    [t, language],
  );
}
