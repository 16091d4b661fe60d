/** Catalog keys for the decision log's values (GLOSSARY.md, "Partnership and decisions"). */
import type { DecisionMethod, DecisionStatus, EngagementLevel, RuleCheckCode, Stance, StanceCounts } from '../../../../shared/src/index';
import type { Translate } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/catalog';

export const methodKey = (method: DecisionMethod): MessageKey => `decisions.method.${method}`;
export const methodExplainKey = (method: DecisionMethod): MessageKey => `decisions.method.${method}.explain`;
export const engagementKey = (level: EngagementLevel): MessageKey => `decisions.engagement.${level}`;
export const engagementExplainKey = (level: EngagementLevel): MessageKey => `decisions.engagement.${level}.explain`;
export const stanceKey = (stance: Stance): MessageKey => `decisions.stance.${stance}`;
export const stanceExplainKey = (stance: Stance): MessageKey => `decisions.stance.${stance}.explain`;
export const statusKey = (status: DecisionStatus): MessageKey => `decisions.status.${status}`;
export const ruleKey = (code: RuleCheckCode): MessageKey => `decisions.rule.${code}`;

/** "2 agree, 1 agree with reservations", in the interface language; stances with no one are left out. */
export function countsSentence(counts: StanceCounts, t: Translate): string {
  const parts = (Object.keys(counts) as Stance[])
    .filter((stance) => counts[stance] > 0)
    .map((stance) => t('decisions.countOf', { count: counts[stance], stance: t(stanceKey(stance)).toLocaleLowerCase() }));
  return parts.length > 0 ? parts.join(', ') : t('decisions.noPositionsYet');
}

/** A date and time in the interface language. */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatDate(iso: string, language: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(date);
}
