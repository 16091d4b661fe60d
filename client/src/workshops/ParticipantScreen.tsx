/**
 * A participant's workshop, phone first: where the group is and how long is left, the step's
 * activity with big targets, and a raised hand. The screen follows the group from step to step;
 * a person may look at another step and come back with "Back to the group".
 */
import { useEffect, useRef, useState } from 'react';
import type { WorkshopState } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import { Link, paths } from '../router';
import { FormAlert } from '../ui/FormAlert';
import { Page } from '../ui/Page';
import { ScreenHeading } from '../ui/ScreenHeading';
import { Countdown } from './Countdown';
import { HandButton } from './HandButton';
import { StepPanel } from './StepPanel';
import { useCommand } from './useCommand';
import { useWorkshop } from './useWorkshop';
import { LiveBadge, WorkshopFrame } from './WorkshopFrame';

export function ParticipantScreen({ workspaceId, workshopId }: { workspaceId: string; workshopId: string }) {
  const load = useWorkshop(workshopId);
  return (
    <Page width="narrow">
      <WorkshopFrame load={load}>
        {(state) => <Participant state={state} workspaceId={workspaceId} receivedAt={load.receivedAt} live={load.live} refresh={load.refresh} />}
      </WorkshopFrame>
    </Page>
  );
}

function Participant({ state, workspaceId, receivedAt, live, refresh }: { state: WorkshopState; workspaceId: string; receivedAt: number; live: ReturnType<typeof useWorkshop>['live']; refresh: () => void }) {
  const { t } = useI18n();
  const command = useCommand(refresh);
  const [lookingAt, setLookingAt] = useState<string | null>(null);
  const [moved, setMoved] = useState('');
  const groupStepIndex = Math.max(0, state.steps.findIndex((s) => s.id === state.currentStepId));
  const groupStep = state.steps[groupStepIndex];
  const viewed = state.steps.find((s) => s.id === (lookingAt ?? state.currentStepId)) ?? groupStep;
  const elsewhere = viewed !== undefined && viewed.id !== state.currentStepId;
  // The button pressed disappears with the change, so focus goes to the step now shown.
  const look = (stepId: string | null) => {
    setLookingAt(stepId === state.currentStepId ? null : stepId);
    requestAnimationFrame(() => document.getElementById('step-panel-title')?.focus());
  };

  // Tell screen reader users (politely) when the facilitator moves the group on.
  const previous = useRef(state.currentStepId);
  useEffect(() => {
    if (previous.current !== state.currentStepId && groupStep) setMoved(t('workshop.movedTo', { step: groupStep.title }));
    previous.current = state.currentStepId;
  }, [state.currentStepId, groupStep, t]);

  return (
    <div className="participant">
      <ScreenHeading pageTitle={state.title}>{state.title}</ScreenHeading>
      <div className="participant__meta">
        <LiveBadge live={live} />
        {state.you.facilitating && <Link to={paths.workshop(workspaceId, state.id, 'facilitate')}>{t('workshop.toControls')}</Link>}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {moved}
      </p>
      {state.status === 'closed' && (
        <div className="note note--success">
          <p>{t('workshop.closed')}</p>
          {state.summaryDocumentId && <Link to={paths.document(state.summaryDocumentId)}>{t('workshop.readRecord')}</Link>}
        </div>
      )}
      <section className="group-now" aria-labelledby="group-now">
        <h2 id="group-now" className="group-now__label">
          {t('workshop.groupIsAt', { number: groupStepIndex + 1, total: state.steps.length })}
        </h2>
        <p className="group-now__step">{groupStep?.title}</p>
        <Countdown timer={state.timer} receivedAt={receivedAt} />
      </section>
      {elsewhere && (
        <div className="elsewhere" role="region" aria-label={t('workshop.elsewhere.label')}>
          <p>{t('workshop.elsewhere.text', { step: viewed.title })}</p>
          <button type="button" className="button button--primary button--big" onClick={() => look(null)}>
            {t('workshop.backToGroup')}
          </button>
        </div>
      )}
      <details className="agenda">
        <summary>{t('workshop.agenda.open', { count: state.steps.length })}</summary>
        <ol className="agenda__list">
          {state.steps.map((step) => (
            <li key={step.id} className="agenda__item" aria-current={step.id === state.currentStepId ? 'step' : undefined}>
              <span>
                {step.title} <span className="muted">({t('workshop.minutes', { minutes: step.minutes })})</span>
                {step.id === state.currentStepId && <strong className="agenda__here"> — {t('workshop.agenda.groupHere')}</strong>}
              </span>
              {step.id !== viewed?.id && (
                <button type="button" className="button button--quiet" onClick={() => look(step.id)}>
                  {t('workshop.agenda.look')}
                  <span className="visually-hidden"> — {step.title}</span>
                </button>
              )}
            </li>
          ))}
        </ol>
      </details>
      <FormAlert message={command.error} />
      {viewed && <StepPanel state={state} step={viewed} run={command.run} busy={command.busy} />}
      {state.you.canParticipate && <HandButton state={state} run={command.run} busy={command.busy} />}
    </div>
  );
}
