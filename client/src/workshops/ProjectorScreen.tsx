/**
 * The room's screen: large and read-only, with no names anywhere. It asks the server for the
 * projector view, which leaves out names and even the signed-in person's own private ideas, so
 * a facilitator can put it on the wall from their own session.
 */
import type { ReactNode } from 'react';
import type { CardView, WorkshopState } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import { usePlural } from './plural';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { Page } from '../ui/Page';
import { ScreenHeading } from '../ui/ScreenHeading';
import { CheckinSummaryView } from './CheckinPanel';
import { Countdown } from './Countdown';
import { OutcomesList, ResultsList } from './ResultsList';
import { useWorkshop } from './useWorkshop';
import { LiveBadge, WorkshopFrame } from './WorkshopFrame';

export function ProjectorScreen({ workshopId }: { workspaceId: string; workshopId: string }) {
  const { t } = useI18n();
  const load = useWorkshop(workshopId, true);
  const header = (
    <header className="projector-bar">
      <p className="brand">{t('app.name')}</p>
      <LiveBadge live={load.live} />
      <LanguageSwitch />
    </header>
  );
  return (
    <Page header={header}>
      <WorkshopFrame load={load}>{(state) => <Projector state={state} receivedAt={load.receivedAt} />}</WorkshopFrame>
    </Page>
  );
}

function Projector({ state, receivedAt }: { state: WorkshopState; receivedAt: number }) {
  const { t } = useI18n();
  const plural = usePlural();
  const index = Math.max(0, state.steps.findIndex((s) => s.id === state.currentStepId));
  const step = state.steps[index];
  const revealed = state.cards.filter((c) => c.revealed);
  let body: ReactNode = null;
  switch (step?.kind) {
    case 'welcome':
      body = <CheckinSummaryView summary={state.checkins.in} large />;
      break;
    case 'close':
      body = <CheckinSummaryView summary={state.checkins.out} large />;
      break;
    case 'ideas':
      body = (
        <>
          <p className="projector__fact">{plural('workshop.projector.ideaCount', revealed.length + state.hiddenCards)}</p>
          {state.columns.map((column) => (
            <CardWall key={column.id} title={column.prompt} cards={revealed.filter((c) => c.columnId === column.id)} />
          ))}
        </>
      );
      break;
    case 'grouping':
      body = (
        <>
          {state.themes.map((theme) => (
            <CardWall key={theme.id} title={theme.name} cards={revealed.filter((c) => c.themeId === theme.id)} />
          ))}
          <CardWall title={t('workshop.grouping.ungrouped')} cards={revealed.filter((c) => c.themeId === null)} />
        </>
      );
      break;
    case 'voting':
      body = state.results ? (
        <ResultsList state={state} large />
      ) : (
        <>
          <p className="projector__fact">{t('workshop.voting.progress', { dots: state.voting.dots, voters: state.voting.voters })}</p>
          <CardWall title={t('workshop.ideas.shared')} cards={revealed} />
        </>
      );
      break;
    default:
      body = (
        <>
          {state.results ? <ResultsList state={state} large /> : <p className="projector__fact">{t('workshop.results.hidden')}</p>}
          <OutcomesList state={state} />
        </>
      );
  }
  return (
    <div className="projector">
      <ScreenHeading pageTitle={`${t('workshop.projector.title')} — ${state.title}`}>{state.title}</ScreenHeading>
      <div className="projector__now">
        <div>
          <p className="projector__step-number">{t('workshop.groupIsAt', { number: index + 1, total: state.steps.length })}</p>
          <p className="projector__step">{step?.title}</p>
        </div>
        <Countdown timer={state.timer} receivedAt={receivedAt} large />
      </div>
      {state.queue.length > 0 && <p className="projector__fact">{plural('workshop.hand.waiting', state.queue.length)}</p>}
      <section className="projector__body" aria-label={step?.title}>
        {body}
      </section>
    </div>
  );
}

function CardWall({ title, cards }: { title: string; cards: CardView[] }) {
  const { t } = useI18n();
  return (
    <section className="card-wall" aria-label={title}>
      <h2>{title}</h2>
      {cards.length === 0 ? (
        <p className="empty">{t('workshop.ideas.noneShared')}</p>
      ) : (
        <ul className="card-wall__list">
          {cards.map((card) => (
            <li key={card.id} className="card-wall__card">
              {card.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
