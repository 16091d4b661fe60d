/**
 * The Review tab (issue 9): owners ask members to review the document (a review round); each
 * reviewer sees what is asked of them and marks their review done; the owner follows who is done
 * and closes the round. Closed rounds stay listed with their comments, as a record. Reloaded on
 * `reviews` and `comments` notices (a round counts the comments written during it).
 */
import { useId, useRef, useState } from 'react';
import type { ReviewRoundList } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import { useLiveLoad, usePanelScope } from '../panels/panelScope';
import { LoadFailure, Loading } from '../ui/LoadFailure';
import { commentsApi } from './commentsApi';
import { OpenRoundForm } from './OpenRoundForm';
import { ReviewRoundCard } from './ReviewRoundCard';

export function ReviewsTab() {
  const { t } = useI18n();
  const { info, permission } = usePanelScope();
  const rounds = useLiveLoad(() => commentsApi.rounds(info.id), ['reviews', 'comments']);
  const [opening, setOpening] = useState(false);
  const headingId = useId();
  const openButton = useRef<HTMLButtonElement>(null);

  const finish = () => {
    setOpening(false);
    requestAnimationFrame(() => openButton.current?.focus());
  };

  return (
    <section aria-labelledby={headingId} className="panel-section" data-testid="reviews-tab">
      <div className="panel-section__head">
        <h3 id={headingId}>{t('reviews.title')}</h3>
        {permission === 'owner' && !opening && (
          <button ref={openButton} type="button" className="button button--quiet" onClick={() => setOpening(true)}>
            {t('reviews.open')}
          </button>
        )}
      </div>
      <p className="muted">{t('reviews.intro')}</p>
      {opening && (
        <OpenRoundForm
          onCancel={finish}
          onOpened={() => {
            rounds.reload();
            finish();
          }}
        />
      )}
      {rounds.status === 'loading' && <Loading />}
      {rounds.status === 'failed' && <LoadFailure error={rounds.error} onRetry={rounds.reload} />}
      {rounds.status === 'ready' && <RoundList list={rounds.data} onChanged={rounds.reload} />}
    </section>
  );
}

function RoundList({ list, onChanged }: { list: ReviewRoundList; onChanged: () => void }) {
  const { t } = useI18n();
  const open = list.rounds.filter((round) => round.status === 'open').reverse();
  const closed = list.rounds.filter((round) => round.status === 'closed').reverse();
  if (list.rounds.length === 0) return <p className="muted">{t('reviews.none')}</p>;
  return (
    <>
      {open.length > 0 && (
        <>
          <h4 className="panel-subhead">{t('reviews.openHeading', { count: open.length })}</h4>
          <ul className="decision-list" aria-label={t('reviews.openList')}>
            {open.map((round) => (
              <li key={round.id}>
                <ReviewRoundCard round={round} onChanged={onChanged} />
              </li>
            ))}
          </ul>
        </>
      )}
      {closed.length > 0 && (
        <>
          <h4 className="panel-subhead">{t('reviews.closedHeading', { count: closed.length })}</h4>
          <ul className="decision-list" aria-label={t('reviews.closedList')}>
            {closed.map((round) => (
              <li key={round.id}>
                <ReviewRoundCard round={round} onChanged={onChanged} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
