/**
 * Recording the outcome (owners and facilitators). The person first sees the positions and
 * whether the method's rule is met, then writes the outcome; dissent can be kept as a
 * minority view, and a review date set.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { DECISION_LIMITS, OUTCOME_STATUSES, type DecisionSummary, type OutcomeStatus } from '../../../../shared/src/index';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../ui/errorMessage';
import { TextField } from '../../ui/Field';
import { FormAlert, focusFirstInvalid } from '../../ui/FormAlert';
import { FormActions } from '../../ui/FormActions';
import { RadioGroup } from '../../ui/RadioGroup';
import { panelsApi } from '../panelsApi';
import { TextAreaField } from '../../ui/Field';
import { countsSentence, methodKey, ruleKey, stanceKey, statusKey } from './decisionLabels';

interface OutcomeFormProps {
  decision: DecisionSummary;
  onCancel: () => void;
  onRecorded: () => void;
}

export function OutcomeForm({ decision, onCancel, onRecorded }: OutcomeFormProps) {
  const { t } = useI18n();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const [status, setStatus] = useState<OutcomeStatus | null>(null);
  const [outcome, setOutcome] = useState('');
  const [reviewDate, setReviewDate] = useState('');
  const [minorityView, setMinorityView] = useState('');
  const [errors, setErrors] = useState<{ status?: string; outcome?: string }>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const rule = decision.ruleCheck;
  const dissent = decision.positions.latest.filter((p) => p.stance === 'disagree' || p.stance === 'block' || p.stance === 'reservations');

  useEffect(() => heading.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!status) found.status = t('decisions.outcomeStatusRequired');
    if (!outcome.trim()) found.outcome = t('decisions.outcomeRequired');
    setErrors(found);
    if (!status || Object.keys(found).length > 0) {
      setProblem(t('error.fixFields'));
      focusFirstInvalid(form.current);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await panelsApi.recordOutcome(decision.id, {
        status,
        outcome: outcome.trim(),
        reviewDate: reviewDate || undefined,
        minorityView: minorityView.trim() || undefined,
      });
      onRecorded();
    } catch (error) {
      setProblem(errorMessage(error, t));
      setBusy(false);
    }
  };

  return (
    <form ref={form} className="form panel-form" aria-labelledby={headingId} noValidate onSubmit={(event) => void submit(event)}>
      <h6 id={headingId} ref={heading} tabIndex={-1} className="panel-form__title">
        {t('decisions.recordOutcome')}
      </h6>
      <div className="note">
        <p>{t('decisions.beforeOutcome', { method: t(methodKey(decision.method)).toLocaleLowerCase() })}</p>
        <p>
          {t('decisions.positionsSummary', { counts: countsSentence(rule.counts, t) })}
        </p>
        <p>
          <span aria-hidden="true">{rule.met ? '✔ ' : '✖ '}</span>
          <strong>{t(rule.met ? 'decisions.ruleMet' : 'decisions.ruleUnmet')}</strong> {t(ruleKey(rule.code))}
        </p>
        {dissent.length > 0 && (
          <ul>
            {dissent.map((p) => (
              <li key={p.person.userId}>
                {p.reason
                  ? t('decisions.dissentWithReason', { name: p.person.displayName, stance: t(stanceKey(p.stance)), reason: p.reason })
                  : t('decisions.dissent', { name: p.person.displayName, stance: t(stanceKey(p.stance)) })}
              </li>
            ))}
          </ul>
        )}
      </div>
      <FormAlert message={problem} />
      <RadioGroup
        legend={t('decisions.outcomeStatus')}
        options={OUTCOME_STATUSES.map((value) => ({ value, label: t(statusKey(value)) }))}
        value={status}
        onChange={setStatus}
        error={errors.status}
      />
      <TextAreaField label={t('decisions.outcomeText')} value={outcome} maxLength={DECISION_LIMITS.outcome} error={errors.outcome} onChange={(e) => setOutcome(e.target.value)} />
      <TextField label={t('decisions.reviewDate')} hint={t('decisions.reviewDateHint')} type="date" value={reviewDate} onChange={(e) => setReviewDate(e.target.value)} />
      <TextAreaField
        label={t('decisions.minorityViewLabel')}
        hint={t('decisions.minorityViewHint')}
        value={minorityView}
        maxLength={DECISION_LIMITS.minorityView}
        onChange={(e) => setMinorityView(e.target.value)}
      />
      <FormActions submitLabel={t('decisions.saveOutcome')} busy={busy} onCancel={onCancel} />
    </form>
  );
}
