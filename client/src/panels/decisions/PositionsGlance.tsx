/**
 * Positions at a glance: a count per stance (icon and words), then each person's latest position
 * with their perspective badge and reason, then the participants still to answer.
 */
import { STANCES, type DecisionSummary } from '../../../../shared/src/index';
import { useI18n } from '../../i18n/I18nProvider';
import { PerspectiveBadge } from '../../people/PerspectiveBadge';
import { plural } from '../plural';
import { ruleKey, stanceKey } from './decisionLabels';
import { StanceIcon } from './StanceIcon';

export function PositionsGlance({ decision }: { decision: DecisionSummary }) {
  const { t, language } = useI18n();
  const { counts, latest, awaiting } = decision.positions;
  const stances = STANCES.filter((stance) => stance !== 'block' || decision.blockAllowed || counts.block > 0);

  return (
    <div className="positions">
      <p className="positions__heading">
        <strong>{t('decisions.positions')}</strong>
      </p>
      <ul className="stance-counts" aria-label={t('decisions.countsLabel')}>
        {stances.map((stance) => (
          <li key={stance} className={`stance-count stance--${stance}${counts[stance] === 0 ? ' stance-count--zero' : ''}`}>
            <StanceIcon stance={stance} />
            <span>{t(stanceKey(stance))}</span>
            <span className="stance-count__value">{counts[stance]}</span>
          </li>
        ))}
      </ul>
      {latest.length > 0 && (
        <ul className="position-list" aria-label={t('decisions.whoThinksWhat')}>
          {latest.map((position) => (
            <li key={position.person.userId} className="position">
              <span className="position__who">
                {position.person.displayName}{' '}
                {position.person.perspective && <PerspectiveBadge perspective={position.person.perspective} />}
              </span>
              <span className={`position__stance stance--${position.stance}`}>
                <StanceIcon stance={position.stance} /> {t(stanceKey(position.stance))}
                {position.earlierPositions > 0 && <span className="muted"> {plural(t, language, 'decisions.changed', position.earlierPositions)}</span>}
              </span>
              {position.reason && <span className="position__reason">{position.reason}</span>}
            </li>
          ))}
        </ul>
      )}
      {awaiting.length > 0 && (
        <div className="positions__awaiting">
          <p>{t('decisions.awaiting')}</p>
          <ul className="awaiting-list">
            {awaiting.map((person) => (
              <li key={person.userId}>
                {person.displayName} {person.perspective && <PerspectiveBadge perspective={person.perspective} />}
              </li>
            ))}
          </ul>
        </div>
      )}
      {decision.status === 'open' && (
        <p className={`rule-check ${decision.ruleCheck.met ? 'rule-check--met' : 'rule-check--unmet'}`}>
          <span aria-hidden="true">{decision.ruleCheck.met ? '✔ ' : '✖ '}</span>
          {t(decision.ruleCheck.met ? 'decisions.ruleMet' : 'decisions.ruleUnmet')} {t(ruleKey(decision.ruleCheck.code))}
        </p>
      )}
    </div>
  );
}
