/** The comments written during a review round, kept with the round as its record (read-only here). */
import type { CommentThread } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import { plural } from '../panels/plural';
import { CommentView } from './CommentView';
import { threadHeading } from './ThreadCard';

export function RoundComments({ threads, count }: { threads: CommentThread[]; count: number }) {
  const { t, language } = useI18n();
  if (count === 0 && threads.length === 0) return <p className="muted">{t('reviews.noComments')}</p>;
  return (
    <details className="review-round__comments">
      <summary>{plural(t, language, 'reviews.comments', count)}</summary>
      <ul className="thread-list">
        {threads.map((thread) => (
          <li key={thread.id} className="round-thread">
            <p className="round-thread__title">
              {threadHeading(thread, t)}{' '}
              <span className="muted">({thread.status === 'open' ? t('comments.status.open') : t('comments.status.resolved')})</span>
            </p>
            {thread.comments.map((comment) => (
              <CommentView key={comment.id} comment={comment} />
            ))}
          </li>
        ))}
      </ul>
    </details>
  );
}
