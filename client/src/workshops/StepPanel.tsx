/** What a participant does at a step, chosen by the step's kind, with one plain sentence of help. */
import type { Step, WorkshopState } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import { Link, paths } from '../router';
import { CheckinPanel } from './CheckinPanel';
import { GroupingPanel } from './GroupingPanel';
import { IdeasPanel } from './IdeasPanel';
import { OutcomesList, ResultsPanel } from './ResultsList';
import { VotingPanel } from './VotingPanel';

export interface PanelProps {
  state: WorkshopState;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
  busy: boolean;
}

export function StepPanel({ state, step, run, busy }: PanelProps & { step: Step }) {
  const { t } = useI18n();
  const props = { state, run, busy };
  return (
    <section className="step-panel" aria-labelledby="step-panel-title">
      <h2 id="step-panel-title" tabIndex={-1}>{step.title}</h2>
      <p className="step-panel__help">{t(`workshop.help.${step.kind}`)}</p>
      {step.kind === 'welcome' && <CheckinPanel {...props} phase="in" />}
      {step.kind === 'ideas' && <IdeasPanel {...props} />}
      {step.kind === 'grouping' && <GroupingPanel {...props} />}
      {step.kind === 'voting' && <VotingPanel {...props} />}
      {step.kind === 'discussion' && <ResultsPanel state={state} />}
      {step.kind === 'decisions' && (
        <>
          <OutcomesList state={state} />
          <ResultsPanel state={state} />
        </>
      )}
      {step.kind === 'close' && (
        <>
          <CheckinPanel {...props} phase="out" />
          {state.summaryDocumentId && (
            <p>
              <Link to={paths.document(state.summaryDocumentId)}>{t('workshop.readRecord')}</Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}
