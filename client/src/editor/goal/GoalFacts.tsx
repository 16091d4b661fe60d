/** A goal's facts in words, for people who read the document without editing it. */
import { useI18n } from '../../i18n/I18nProvider';
import type { GoalFactsValue } from './NegotiatedGoalView';

export function formatGoalDate(date: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

export function GoalFacts({ facts }: { facts: GoalFactsValue }) {
  const { t, language } = useI18n();
  return (
    <dl className="goal__facts">
      <div className="goal__fact">
        <dt>{t('goal.status')}</dt>
        <dd className="goal__status">{t(`goal.status.${facts.status}`)}</dd>
      </div>
      <div className="goal__fact">
        <dt>{t('goal.targetDate')}</dt>
        <dd>{facts.targetDate ? formatGoalDate(facts.targetDate, language) : t('goal.noDate')}</dd>
      </div>
      <div className="goal__fact">
        <dt>{t('goal.expressedBy')}</dt>
        <dd>{facts.expressedByName ?? t('goal.expressedBy.none')}</dd>
      </div>
    </dl>
  );
}
