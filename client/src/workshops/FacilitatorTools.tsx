/** Facilitator tools: the speaking queue, decisions taken, prompts, and the one-click summary. */
import { useId, useState, type FormEvent } from 'react';
import { WORKSHOP_LIMITS } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import { Link, paths } from '../router';
import { Section } from './FacilitatorControls';
import { OutcomesList } from './ResultsList';
import type { PanelProps } from './StepPanel';
import { workshopApi } from './workshopApi';

export function QueueSection({ state, run, busy }: PanelProps) {
  const { t } = useI18n();
  return (
    <Section title={t('workshop.facilitate.queue')}>
      {state.queue.length === 0 ? (
        <p className="empty">{t('workshop.facilitate.queueEmpty')}</p>
      ) : (
        <ol className="queue">
          {state.queue.map((entry, i) => (
            <li key={entry.person?.userId ?? i} className="queue__item">
              <span>{entry.person?.displayName || t('common.someone')}</span>
              {entry.person && (
                <button type="button" className="button button--quiet" disabled={busy} onClick={() => run(() => workshopApi.lowerHand(state.id, entry.person!.userId))}>
                  {i === 0 ? t('workshop.facilitate.giveFloor') : t('workshop.facilitate.lowerHand')}
                  <span className="visually-hidden"> — {entry.person.displayName}</span>
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

/** A one-field form that clears itself once the command succeeded. */
function OneFieldForm({ label, submitLabel, max, onSubmit, busy }: { label: string; submitLabel: string; max: number; onSubmit: (value: string) => Promise<boolean>; busy: boolean }) {
  const id = useId();
  const [value, setValue] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (value.trim() && (await onSubmit(value.trim()))) setValue('');
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
        <input id={id} className="field__control" maxLength={max} value={value} onChange={(e) => setValue(e.target.value)} />
      </div>
      <button type="submit" className="button" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}

export function OutcomesSection({ state, run, busy }: PanelProps) {
  const { t } = useI18n();
  return (
    <Section title={t('workshop.facilitate.decisions')}>
      <OutcomesList state={state} titled={false} />
      {state.status === 'open' && (
        <OneFieldForm
          label={t('workshop.facilitate.decisionLabel')}
          submitLabel={t('workshop.facilitate.decisionAdd')}
          max={WORKSHOP_LIMITS.outcomeText}
          busy={busy}
          onSubmit={(text) => run(() => workshopApi.addOutcome(state.id, text))}
        />
      )}
    </Section>
  );
}

export function PromptsSection({ state, run, busy }: PanelProps) {
  const { t } = useI18n();
  if (state.status !== 'open') return null;
  return (
    <Section title={t('workshop.facilitate.prompts')}>
      <ul>
        {state.columns.map((c) => (
          <li key={c.id}>{c.prompt}</li>
        ))}
      </ul>
      {state.columns.length < WORKSHOP_LIMITS.columns && (
        <OneFieldForm
          label={t('workshop.facilitate.promptLabel')}
          submitLabel={t('workshop.facilitate.promptAdd')}
          max={WORKSHOP_LIMITS.prompt}
          busy={busy}
          onSubmit={(prompt) => run(() => workshopApi.addColumn(state.id, prompt))}
        />
      )}
    </Section>
  );
}

export function SummarySection({ state, run, busy }: PanelProps) {
  const { t } = useI18n();
  const [written, setWritten] = useState<number | null>(null);
  return (
    <Section title={t('workshop.facilitate.summary')}>
      {state.summaryDocumentId ? (
        <>
          <p role="status">{written === null ? t('workshop.facilitate.summaryDone') : t('workshop.facilitate.summaryWritten', { count: written })}</p>
          <p>
            <Link to={paths.document(state.summaryDocumentId)}>{t('workshop.readRecord')}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{t('workshop.facilitate.summaryExplain')}</p>
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => run(async () => setWritten((await workshopApi.summary(state.id)).decisionIds.length))}
          >
            {t('workshop.facilitate.summaryWrite')}
          </button>
        </>
      )}
    </Section>
  );
}
