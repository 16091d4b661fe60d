/**
 * The facilitator's screen: the controls that move the group (steps, timer, reveals, speaking
 * queue, decisions, summary) beside the board of the current step, which facilitators use like
 * everyone else. Only facilitators of this workshop get here; others are sent to the
 * participant view (the server refuses their commands anyway).
 */
import { useEffect } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { Link, navigate, paths } from '../router';
import { FormAlert } from '../ui/FormAlert';
import { Page } from '../ui/Page';
import { ScreenHeading } from '../ui/ScreenHeading';
import { RevealControls, StepControls, TimerControls } from './FacilitatorControls';
import { OutcomesSection, PromptsSection, QueueSection, SummarySection } from './FacilitatorTools';
import { StepPanel } from './StepPanel';
import { useCommand } from './useCommand';
import { useWorkshop } from './useWorkshop';
import { LiveBadge, WorkshopFrame } from './WorkshopFrame';

export function FacilitatorScreen({ workspaceId, workshopId }: { workspaceId: string; workshopId: string }) {
  const { t } = useI18n();
  const load = useWorkshop(workshopId);
  const command = useCommand(load.refresh);
  const notFacilitating = load.state !== null && !load.state.you.facilitating;
  useEffect(() => {
    if (notFacilitating) navigate(paths.workshop(workspaceId, workshopId), { replace: true });
  }, [notFacilitating, workspaceId, workshopId]);

  return (
    <Page>
      <WorkshopFrame load={load}>
        {(state) => {
          const step = state.steps.find((s) => s.id === state.currentStepId) ?? state.steps[0];
          const props = { state, run: command.run, busy: command.busy };
          return (
            <div className="facilitator">
              <p className="breadcrumb">
                <Link to={paths.workshops(workspaceId)}>{t('workshops.title')}</Link>
              </p>
              <ScreenHeading pageTitle={`${t('workshop.facilitate.title')} — ${state.title}`}>{state.title}</ScreenHeading>
              <div className="participant__meta">
                <LiveBadge live={load.live} />
                <Link to={paths.workshop(workspaceId, state.id)}>{t('workshop.facilitate.participantView')}</Link>
                <a href={paths.workshop(workspaceId, state.id, 'projector')} target="_blank" rel="noopener">
                  {t('workshop.facilitate.projectorView')}
                </a>
              </div>
              <p className="muted">{t('workshop.facilitate.by', { names: state.facilitators.map((f) => f.displayName).join(t('workshop.facilitate.and')) })}</p>
              <FormAlert message={command.error} />
              <div className="facilitator__layout">
                <div className="facilitator__controls">
                  <StepControls {...props} />
                  <TimerControls {...props} receivedAt={load.receivedAt} />
                  <RevealControls {...props} />
                  <QueueSection {...props} />
                  <OutcomesSection {...props} />
                  <PromptsSection {...props} />
                  <SummarySection {...props} />
                </div>
                <div className="facilitator__board">{step && <StepPanel {...props} step={step} />}</div>
              </div>
            </div>
          );
        }}
      </WorkshopFrame>
    </Page>
  );
}
