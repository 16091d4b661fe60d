/** Every figure in a table: the accessible alternative to the charts, per person then per perspective. */
import type { ContributionsResponse } from '../../../../shared/src/index';
import { useI18n } from '../../i18n/I18nProvider';
import { perspectiveKey, roleKey } from '../../i18n/labels';
import { plural } from '../plural';
import { percent } from './BalanceChart';

interface ContributionTableProps {
  contributions: ContributionsResponse;
  positions: Map<string, number>;
}

export function ContributionTable({ contributions, positions }: ContributionTableProps) {
  const { t, language } = useI18n();
  const number = (value: number) => new Intl.NumberFormat(language).format(value);
  const comments = (other: Record<string, number>) => (other.comments === undefined ? '—' : number(other.comments));
  return (
    <details className="contrib-table">
      <summary>{t('contrib.tableToggle')}</summary>
      <div className="table-scroll" role="region" aria-label={t('contrib.tableCaption')} tabIndex={0}>
        <table>
          <caption>{t('contrib.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('contrib.col.who')}</th>
              <th scope="col">{t('contrib.col.share')}</th>
              <th scope="col">{t('contrib.col.written')}</th>
              <th scope="col">{t('contrib.col.removed')}</th>
              <th scope="col">{t('contrib.col.sessions')}</th>
              <th scope="col">{t('contrib.col.comments')}</th>
              <th scope="col">{t('contrib.col.positions')}</th>
            </tr>
          </thead>
          <tbody>
            {contributions.people.map((person) => (
              <tr key={person.userId}>
                <th scope="row">
                  {person.displayName || t('common.someone')}
                  <span className="table-sub">
                    {t(roleKey(person.role))}
                    {person.perspective && ` · ${t(perspectiveKey(person.perspective))}`}
                  </span>
                </th>
                <td>{percent(person.share, language)}</td>
                <td>{number(person.insertedChars)}</td>
                <td>{number(person.deletedChars)}</td>
                <td>{number(person.sessions)}</td>
                <td>{comments(person.other)}</td>
                <td>{number(positions.get(person.userId) ?? 0)}</td>
              </tr>
            ))}
          </tbody>
          <tbody>
            {contributions.perspectives.map((row) => (
              <tr key={row.perspective ?? 'former'} className="table-total">
                <th scope="row">
                  {row.perspective ? t(perspectiveKey(row.perspective)) : t('contrib.formerMembers')}
                  <span className="table-sub">{plural(t, language, 'contrib.peopleCount', row.people)}</span>
                </th>
                <td>{percent(row.share, language)}</td>
                <td>{number(row.insertedChars)}</td>
                <td>{number(row.deletedChars)}</td>
                <td>{number(row.sessions)}</td>
                <td>{comments(row.other)}</td>
                <td>—</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
