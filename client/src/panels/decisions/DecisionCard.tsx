/** One decision: what is proposed, how it is decided, who thinks what, the outcome and the history. */
import { useId, useState } from 'react';
import type { DecisionEntry, DecisionSummary } from '../../../../shared/src/index';
import { useI18n } from '../../i18n/I18nProvider';
import { DecisionFacts } from './DecisionFacts';
import { DecisionHistory } from './DecisionHistory';
import { formatDate, formatDateTime, ruleKey, statusKey } from './decisionLabels';
import { OutcomeForm } from './OutcomeForm';
import { PositionForm } from './PositionForm';
import { PositionsGlance } from './PositionsGlance';

interface DecisionCardProps {
  decision: DecisionSummary;
  entries: DecisionEntry[];
  onChanged: () => void;
}

export function DecisionCard({ decision, entries, onChanged }: DecisionCardProps) {
  const { t, language } = useI18n();
  const titleId = useId();
  const [recording, setRecording] = useState(false);
  const open = decision.status === 'open';
  const outcome = decision.outcome;

  return (
    <article className={`decision decision--${decision.status}`} aria-labelledby={titleId}>
      <h5 id={titleId} className="decision__title">
        {decision.title}
      </h5>
      <p className={`decision-status decision-status--${decision.status}`}>
        <span className="visually-hidden">{t('decisions.statusLabel')} </span>
        {t(statusKey(decision.status))}
      </p>
      <DecisionFacts decision={decision} />
      <PositionsGlance decision={decision} />
      {outcome && (
        <div className="decision__outcome">
          <p>
            <strong>{t('decisions.outcomeLabel')}</strong> {outcome.outcome}
          </p>
          <p className="muted">
            {t('decisions.outcomeRecorded', { name: outcome.recordedBy.displayName, date: formatDateTime(outcome.recordedAt, language) })}
          </p>
          <p>
            {t(ruleKey(outcome.ruleCheck.code))} {outcome.ruleCheck.consistent === false && <strong>{t('decisions.ruleNotFollowed')}</strong>}
          </p>
          {outcome.reviewDate && <p>{t('decisions.reviewOn', { date: formatDate(outcome.reviewDate, language) })}</p>}
          {outcome.minorityView && (
            <blockquote className="decision__minority">
              <p>
                <strong>{t('decisions.minorityView')}</strong> {outcome.minorityView}
              </p>
            </blockquote>
          )}
        </div>
      )}
      {open && decision.caller.canTakePosition && <PositionForm decision={decision} onTaken={onChanged} />}
      {open && decision.caller.canRecordOutcome && !recording && (
        <button type="button" className="button" onClick={() => setRecording(true)}>
          {t('decisions.recordOutcome')}
        </button>
      )}
      {open && decision.caller.canRecordOutcome && recording && (
        <OutcomeForm
          decision={decision}
          onCancel={() => setRecording(false)}
          onRecorded={() => {
            setRecording(false);
            onChanged();
          }}
        />
      )}
      <DecisionHistory decision={decision} entries={entries} onChanged={onChanged} />
    </article>
  );
}
