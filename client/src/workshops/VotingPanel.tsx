/**
 * Dot voting: N votes to spread freely, more than one on an idea if it matters most. The
 * buttons stop at N here; the server enforces it whatever a client sends.
 */
import type { CardView } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import { usePlural } from './plural';
import { IdeaCard } from './IdeaCard';
import { ResultsList } from './ResultsList';
import type { PanelProps } from './StepPanel';
import { workshopApi } from './workshopApi';

export function VotingPanel({ state, run, busy }: PanelProps) {
  const { t } = useI18n();
  const cards = state.cards.filter((c) => c.revealed);
  const left = state.votesPerPerson - state.you.votesUsed;
  if (state.results) {
    return (
      <>
        <p className="note">{t('workshop.voting.over')}</p>
        <ResultsList state={state} />
      </>
    );
  }
  return (
    <div className="voting">
      <p className="voting__progress muted">{t('workshop.voting.progress', { dots: state.voting.dots, voters: state.voting.voters })}</p>
      {state.you.canParticipate && (
        <p className="voting__left" aria-live="polite">
          {t('workshop.voting.left', { left, total: state.votesPerPerson })}
        </p>
      )}
      {cards.length === 0 ? (
        <p className="empty">{t('workshop.ideas.noneShared')}</p>
      ) : (
        <ul className="card-list">
          {cards.map((card) => (
            <li key={card.id}>
              <VoteCard card={card} mine={state.you.votes[card.id] ?? 0} left={left} canVote={state.you.canParticipate} busy={busy} onSet={(dots) => run(() => workshopApi.setVotes(state.id, card.id, dots))} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function VoteCard({ card, mine, left, canVote, busy, onSet }: { card: CardView; mine: number; left: number; canVote: boolean; busy: boolean; onSet: (dots: number) => void }) {
  const { t } = useI18n();
  const plural = usePlural();
  return (
    <IdeaCard card={card}>
      {canVote && (
        <div className="vote-controls">
          <button type="button" className="button button--big vote-controls__button" disabled={busy || mine === 0} onClick={() => onSet(mine - 1)}>
            <span aria-hidden="true">−</span>
            <span className="visually-hidden">{t('workshop.voting.remove', { idea: card.text })}</span>
          </button>
          <span className="vote-controls__count">{plural('workshop.voting.mine', mine)}</span>
          <button type="button" className="button button--big vote-controls__button" disabled={busy || left === 0} onClick={() => onSet(mine + 1)}>
            <span aria-hidden="true">+</span>
            <span className="visually-hidden">{t('workshop.voting.add', { idea: card.text })}</span>
          </button>
        </div>
      )}
    </IdeaCard>
  );
}
