/** Messages that depend on a count: `<base>.one` and `<base>.other` in both catalogs, chosen by the language's plural rules. */
import type { Translate } from '../i18n/I18nProvider';
import type { MessageKey, MessageVars } from '../i18n/catalog';

type PluralBase<K = MessageKey> = K extends `${infer Base}.one` ? (`${Base}.other` extends MessageKey ? Base : never) : never;

export function plural(t: Translate, language: string, base: PluralBase, count: number, vars: MessageVars = {}): string {
  const form = new Intl.PluralRules(language).select(count) === 'one' ? 'one' : 'other';
  const formatted = new Intl.NumberFormat(language).format(count);
  return t(`${base}.${form}` as MessageKey, { ...vars, count: formatted });
}
