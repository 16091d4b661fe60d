/**
 * Taking (or changing) a position. Each stance comes with a plain explanation; a reason is
 * required to disagree or block, checked here first and by the server too.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { DECISION_LIMITS, STANCES, stanceNeedsReason, type DecisionSummary, type Stance } from '../../../../shared/src/index';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../ui/errorMessage';
import { FormAlert, StatusNote, focusFirstInvalid } from '../../ui/FormAlert';
import { RadioGroup } from '../../ui/RadioGroup';
import { panelsApi } from '../panelsApi';
import { usePanelScope } from '../panelScope';
import { TextAreaField } from '../../ui/Field';
import { stanceExplainKey, stanceKey } from './decisionLabels';

export function PositionForm({ decision, onTaken }: { decision: DecisionSummary; onTaken: () => void }) {
  const { t } = useI18n();
  const { selfId } = usePanelScope();
  const headingId = useId();
  const form = useRef<HTMLFormElement>(null);
  const mine = decision.positions.latest.find((position) => position.person.userId === selfId);
  const [stance, setStance] = useState<Stance | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ stance?: string; reason?: string }>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const stances = STANCES.filter((value) => value !== 'block' || decision.blockAllowed);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const found: typeof errors = {};
    if (!stance) found.stance = t('decisions.stanceRequired');
    if (stance && stanceNeedsReason(stance) && !reason.trim()) found.reason = t('decisions.reasonRequired');
    setErrors(found);
    if (!stance || Object.keys(found).length > 0) {
      setProblem(t('error.fixFields'));
      focusFirstInvalid(form.current);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await panelsApi.takePosition(decision.id, { stance, reason: reason.trim() || undefined });
      setDone(t('decisions.positionSaved', { stance: t(stanceKey(stance)) }));
      setStance(null);
      setReason('');
      onTaken();
    } catch (error) {
      setProblem(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} className="form panel-form" aria-labelledby={headingId} noValidate onSubmit={(event) => void submit(event)}>
      <h6 id={headingId} className="panel-form__title">
        {mine ? t('decisions.changePosition') : t('decisions.takePosition')}
      </h6>
      {mine && <p className="muted">{t('decisions.yourPosition', { stance: t(stanceKey(mine.stance)) })}</p>}
      <FormAlert message={problem} />
      <RadioGroup
        legend={t('decisions.stanceLegend')}
        options={stances.map((value) => ({ value, label: t(stanceKey(value)), description: t(stanceExplainKey(value)) }))}
        value={stance}
        onChange={setStance}
        error={errors.stance}
      />
      <TextAreaField
        label={stance && stanceNeedsReason(stance) ? t('decisions.reasonRequiredLabel') : t('decisions.reasonOptional')}
        hint={t('decisions.reasonHint')}
        value={reason}
        maxLength={DECISION_LIMITS.reason}
        error={errors.reason}
        required={stance !== null && stanceNeedsReason(stance)}
        onChange={(event) => setReason(event.target.value)}
      />
      <button type="submit" className="button button--primary" disabled={busy}>
        {t('decisions.savePosition')}
      </button>
      <StatusNote message={done} />
    </form>
  );
}
