/** A suggestion's kind, author and time in words, for titles, the bar at the cursor and the list. */
import type { SuggestionMark } from '../../../../shared/src/index';
import type { Translate } from '../../i18n/I18nProvider';

export function suggestionTime(at: string, language: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function suggestionAuthor(mark: SuggestionMark, selfId: string, nameOf: (userId: string) => string | null, t: Translate): string {
  if (mark.author === selfId) return t('suggestions.you');
  return nameOf(mark.author) ?? t('common.someone');
}

export function describeSuggestion(mark: SuggestionMark, selfId: string, nameOf: (userId: string) => string | null, t: Translate, language: string): string {
  const vars = { name: suggestionAuthor(mark, selfId, nameOf, t), time: suggestionTime(mark.at, language) };
  return t(mark.kind === 'insert' ? 'suggestions.describe.insert' : 'suggestions.describe.delete', vars);
}
