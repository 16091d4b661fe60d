/**
 * The Contributions tab (issue 6): who wrote what, per perspective and per person — the share
 * of the current text, characters written and removed, sessions, comments and decision
 * positions — with the experiential / professional balance at a glance, a table with every
 * figure, and each person's participation record.
 */
import { useId } from 'react';
import type { ContributionsResponse, DecisionLog } from '../../../../shared/src/index';
import { useI18n } from '../../i18n/I18nProvider';
import { LoadFailure, Loading } from '../../ui/LoadFailure';
import { panelsApi } from '../panelsApi';
import { useLiveLoad, usePanelScope, useTextSettled } from '../panelScope';
import { AttestationButton } from './AttestationButton';
import { BalanceChart } from './BalanceChart';
import { ContributionTable } from './ContributionTable';
import { PeopleChart } from './PeopleChart';

/** Decision positions per person: from the contributions' `other.positions` when the server counts them, else from the log. */
export function positionsByPerson(contributions: ContributionsResponse, log: DecisionLog | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const person of contributions.people) if (person.other.positions !== undefined) counts.set(person.userId, person.other.positions);
  if (counts.size > 0 || !log) return counts;
  for (const entry of log.entries) if (entry.kind === 'position') counts.set(entry.author.userId, (counts.get(entry.author.userId) ?? 0) + 1);
  return counts;
}

export function ContributionsTab() {
  const { t } = useI18n();
  const { info } = usePanelScope();
  const headingId = useId();
  const data = useLiveLoad(
    () => Promise.all([panelsApi.contributions(info.id), panelsApi.decisionLog(info.id).catch(() => null)]),
    ['decisions', 'comments'],
  );
  useTextSettled(3000, data.reload);

  return (
    <section aria-labelledby={headingId} className="panel-section">
      <h3 id={headingId}>{t('contrib.title')}</h3>
      {data.status === 'loading' && <Loading />}
      {data.status === 'failed' && <LoadFailure error={data.error} onRetry={data.reload} />}
      {data.status === 'ready' && (
        <>
          <BalanceChart contributions={data.data[0]} />
          <PeopleChart contributions={data.data[0]} />
          <ContributionTable contributions={data.data[0]} positions={positionsByPerson(data.data[0], data.data[1])} />
          <AttestationButton />
        </>
      )}
    </section>
  );
}
