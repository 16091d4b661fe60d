/** Each person's share of the current text as a bar, with name, perspective and the value written out. */
import type { ContributionsResponse } from '../../../../shared/src/index';
import { useI18n } from '../../i18n/I18nProvider';
import { PerspectiveBadge } from '../../people/PerspectiveBadge';
import { percent } from './BalanceChart';

export function PeopleChart({ contributions }: { contributions: ContributionsResponse }) {
  const { t, language } = useI18n();
  const people = contributions.people.filter((p) => p.currentChars > 0 || p.insertedChars > 0);
  if (people.length === 0) return null;
  return (
    <ul className="people-chart" aria-label={t('contrib.perPerson')}>
      {people.map((person) => (
        <li key={person.userId} className="people-chart__row">
          <span className="people-chart__who">
            {person.displayName || t('common.someone')} {person.perspective && <PerspectiveBadge perspective={person.perspective} />}
          </span>
          <span className="people-chart__track" aria-hidden="true">
            <span className={`people-chart__bar balance__part--${person.perspective ?? 'former'}`} style={{ width: `${Math.round(person.share * 100)}%` }} />
          </span>
          <span className="people-chart__value">{t('contrib.shareOfText', { share: percent(person.share, language) })}</span>
        </li>
      ))}
    </ul>
  );
}
