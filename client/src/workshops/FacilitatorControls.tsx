/** Facilitator controls that move the whole group: the step, the countdown, and what is revealed. */
import { useId, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { Countdown } from './Countdown';
import type { PanelProps } from './StepPanel';
import { workshopApi } from './workshopApi';

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card control" aria-labelledby={id}>
      <h2 id={id} className="control__title">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function StepControls({ state, run, busy }: PanelProps) {
  const { t } = useI18n();
  const index = state.steps.findIndex((s) => s.id === state.currentStepId);
  const next = state.steps[index + 1];
  const open = state.status === 'open';
  return (
    <Section title={t('workshop.facilitate.steps')}>
      {next && open && (
        <button type="button" className="button button--primary button--big" disabled={busy} onClick={() => run(() => workshopApi.goToStep(state.id, next.id))}>
          {t('workshop.facilitate.next', { step: next.title })}
        </button>
      )}
      <ol className="agenda__list">
        {state.steps.map((step) => (
          <li key={step.id} className="agenda__item" aria-current={step.id === state.currentStepId ? 'step' : undefined}>
            <span>
              {step.title} <span className="muted">({t('workshop.minutes', { minutes: step.minutes })})</span>
              {step.id === state.currentStepId && <strong className="agenda__here"> — {t('workshop.agenda.groupHere')}</strong>}
            </span>
            {step.id !== state.currentStepId && open && (
              <button type="button" className="button button--quiet" disabled={busy} onClick={() => run(() => workshopApi.goToStep(state.id, step.id))}>
                {t('workshop.facilitate.goTo')}
                <span className="visually-hidden"> — {step.title}</span>
              </button>
            )}
          </li>
        ))}
      </ol>
    </Section>
  );
}

export function TimerControls({ state, run, busy, receivedAt }: PanelProps & { receivedAt: number }) {
  const { t } = useI18n();
  const timer = (action: 'start' | 'pause' | 'resume' | 'extend' | 'reset', minutes?: number) => run(() => workshopApi.timer(state.id, { action, ...(minutes ? { minutes } : {}) }));
  const s = state.timer.state;
  if (state.status !== 'open') return null;
  return (
    <Section title={t('workshop.facilitate.timer')}>
      <Countdown timer={state.timer} receivedAt={receivedAt} />
      <div className="button-row">
        {(s === 'idle' || s === 'done') && (
          <button type="button" className="button button--primary" disabled={busy} onClick={() => timer('start')}>
            {t('workshop.timer.start')}
          </button>
        )}
        {s === 'running' && (
          <button type="button" className="button" disabled={busy} onClick={() => timer('pause')}>
            {t('workshop.timer.pause')}
          </button>
        )}
        {s === 'paused' && (
          <button type="button" className="button button--primary" disabled={busy} onClick={() => timer('resume')}>
            {t('workshop.timer.resume')}
          </button>
        )}
        <button type="button" className="button" disabled={busy} onClick={() => timer('extend', 1)}>
          {t('workshop.timer.extend', { minutes: 1 })}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => timer('extend', 5)}>
          {t('workshop.timer.extend', { minutes: 5 })}
        </button>
        {s !== 'idle' && (
          <button type="button" className="button button--quiet" disabled={busy} onClick={() => timer('reset')}>
            {t('workshop.timer.reset')}
          </button>
        )}
      </div>
    </Section>
  );
}

export function RevealControls({ state, run, busy }: PanelProps) {
  const { t } = useI18n();
  const reveal = (what: 'cards' | 'authorship' | 'votes') => run(() => workshopApi.reveal(state.id, what));
  const open = state.status === 'open';
  const shared = state.cards.filter((c) => c.revealed).length;
  return (
    <Section title={t('workshop.facilitate.reveal')}>
      <p>{t('workshop.facilitate.ideaCounts', { shared, hidden: state.hiddenCards })}</p>
      {open && (
        <button type="button" className="button button--primary" disabled={busy || state.hiddenCards === 0} onClick={() => reveal('cards')}>
          {t('workshop.facilitate.revealCards', { count: state.hiddenCards })}
        </button>
      )}
      {!state.allowAuthorshipReveal ? (
        <p className="muted">{t('workshop.facilitate.anonymous')}</p>
      ) : state.revealed.authorship ? (
        <p>{t('workshop.facilitate.authorshipShown')}</p>
      ) : (
        open && (
          <button type="button" className="button" disabled={busy} onClick={() => reveal('authorship')}>
            {t('workshop.facilitate.revealAuthorship')}
          </button>
        )
      )}
      <p>{t('workshop.voting.progress', { dots: state.voting.dots, voters: state.voting.voters })}</p>
      {state.revealed.votes ? (
        <p>{t('workshop.facilitate.votesShown')}</p>
      ) : (
        open && (
          <button type="button" className="button" disabled={busy} onClick={() => reveal('votes')}>
            {t('workshop.facilitate.revealVotes')}
          </button>
        )
      )}
    </Section>
  );
}

export { Section };
