/**
 * One review round: what is asked (questions, date), who reviews and who is done, the caller's
 * part (mark my review done; close the round for owners) and, once closed, the record: summary,
 * suggestions still open at closing, and the comments written during the round.
 */
import { useId, useState } from 'react';
import { COMMENT_LIMITS, type ReviewRound } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import { formatDate } from '../panels/decisions/decisionLabels';
import { usePanelScope } from '../panels/panelScope';
import { plural } from '../panels/plural';
import { commentsApi } from './commentsApi';
import { useComments } from './CommentsContext';
import { PersonLine, When } from './CommentView';
import { RoundActionForm } from './RoundActionForm';
import { RoundComments } from './RoundComments';

export function ReviewRoundCard({ round, onChanged }: { round: ReviewRound; onChanged: () => void }) {
  const { t, language } = useI18n();
  const { info } = usePanelScope();
  const { threads } = useComments();
  const titleId = useId();
  const [closing, setClosing] = useState(false);
  const open = round.status === 'open';
  const roundThreads = threads.status === 'ready' ? threads.data.threads.filter((thread) => thread.roundId === round.id || thread.comments.some((c) => c.roundId === round.id)) : [];

  const markDone = async (note: string | undefined) => {
    await commentsApi.reviewDone(info.id, round.id, { note });
    onChanged();
  };
  const close = async (summary: string | undefined) => {
    await commentsApi.closeRound(info.id, round.id, { summary });
    setClosing(false);
    onChanged();
  };

  return (
    <article className={`decision review-round review-round--${round.status}`} aria-labelledby={titleId} data-testid="review-round" data-round-id={round.id} data-status={round.status}>
      <h5 id={titleId} className="decision__title">
        {round.title}
      </h5>
      <p className={`thread-status thread-status--${open ? 'open' : 'resolved'}`}>
        <span className="visually-hidden">{t('comments.statusLabel')} </span>
        {open ? t('reviews.status.open') : t('reviews.status.closed')}
      </p>
      <p className="muted">
        {t('reviews.openedBy', { name: round.openedBy.displayName })} <When at={round.openedAt} />
      </p>
      {round.dueDate && <p>{t('reviews.due', { date: formatDate(round.dueDate, language) })}</p>}
      {round.questions.length > 0 && (
        <>
          <p className="review-round__label">{t('reviews.questions')}</p>
          <ol className="review-round__questions">
            {round.questions.map((question, index) => (
              <li key={index}>{question}</li>
            ))}
          </ol>
        </>
      )}
      <p className="review-round__progress" data-testid="round-progress">
        {t('reviews.progress', { done: round.progress.done, total: round.progress.total })}
      </p>
      <ul className="review-round__reviewers" aria-label={t('reviews.reviewersList')}>
        {round.reviewers.map((reviewer) => (
          <li key={reviewer.person.userId}>
            <PersonLine person={reviewer.person} />{' '}
            <span className={`review-state review-state--${reviewer.done ? 'done' : 'waiting'}`}>
              <span aria-hidden="true">{reviewer.done ? '✓ ' : '… '}</span>
              {reviewer.done ? t('reviews.reviewerDone') : t('reviews.reviewerWaiting')}
            </span>
            {reviewer.doneAt && (
              <>
                {' '}
                <When at={reviewer.doneAt} />
              </>
            )}
            {reviewer.note && <blockquote className="review-round__note">{reviewer.note}</blockquote>}
          </li>
        ))}
      </ul>
      {open && round.caller.isReviewer && !round.caller.done && (
        <div className="review-round__ask">
          <p>
            <strong>{t('reviews.youAreAsked')}</strong> {t('reviews.howToReview')}
          </p>
          <RoundActionForm
            title={t('reviews.markDone')}
            label={t('reviews.noteLabel')}
            maxLength={COMMENT_LIMITS.note}
            submitLabel={t('reviews.submitDone')}
            onSubmit={markDone}
            testId="review-done-form"
          />
        </div>
      )}
      {open && round.caller.isReviewer && round.caller.done && <p className="note note--success">{t('reviews.youAreDone')}</p>}
      {open && round.caller.canClose && !closing && (
        <button type="button" className="button" onClick={() => setClosing(true)}>
          {t('reviews.close')}
        </button>
      )}
      {open && round.caller.canClose && closing && (
        <RoundActionForm
          title={t('reviews.close')}
          label={t('reviews.summaryLabel')}
          maxLength={COMMENT_LIMITS.summary}
          submitLabel={t('reviews.submitClose')}
          onSubmit={close}
          onCancel={() => setClosing(false)}
          testId="close-round-form"
        />
      )}
      {!open && round.closedBy && round.closedAt && (
        <p className="muted">
          {t('reviews.closedBy', { name: round.closedBy.displayName })} <When at={round.closedAt} />
        </p>
      )}
      {round.summary && (
        <p>
          <strong>{t('reviews.summary')}</strong> {round.summary}
        </p>
      )}
      {round.suggestionsAtClose && round.suggestionsAtClose.length > 0 && (
        <>
          <p className="review-round__label">{plural(t, language, 'reviews.suggestionsAtClose', round.suggestionsAtClose.length)}</p>
          <ul className="review-round__suggestions">
            {round.suggestionsAtClose.map((suggestion) => (
              <li key={suggestion.id}>
                {t(suggestion.kind === 'insert' ? 'reviews.suggestedInsert' : 'reviews.suggestedDelete', { name: suggestion.author.displayName })}{' '}
                <q>{suggestion.text}</q>
              </li>
            ))}
          </ul>
        </>
      )}
      <RoundComments threads={roundThreads} count={round.commentCount} />
    </article>
  );
}
