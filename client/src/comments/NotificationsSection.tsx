/**
 * "For you", on the home screen: reviews asked of me, comments that mention me (new ones marked
 * since my last visit of the document), and documents others changed since my last visit. Each
 * item links to its document. From `GET /api/me/notifications`.
 */
import { useId } from 'react';
import type { Notifications } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import { formatDate } from '../panels/decisions/decisionLabels';
import { Link, paths } from '../router';
import { LoadFailure, Loading } from '../ui/LoadFailure';
import { useLoad } from '../ui/useLoad';
import { commentsApi } from './commentsApi';
import { When } from './CommentView';
import { threadLink } from './CommentsContext';
import './comments.css';

export function NotificationsSection() {
  const { t } = useI18n();
  const headingId = useId();
  const notifications = useLoad(() => commentsApi.notifications(), []);
  return (
    <section className="card notifications" aria-labelledby={headingId} data-testid="notifications">
      <h2 id={headingId} className="section-title">
        {t('notifications.title')}
      </h2>
      {notifications.status === 'loading' && <Loading />}
      {notifications.status === 'failed' && <LoadFailure error={notifications.error} onRetry={notifications.reload} />}
      {notifications.status === 'ready' && <NotificationLists data={notifications.data} />}
    </section>
  );
}

function NotificationLists({ data }: { data: Notifications }) {
  const { t, language } = useI18n();
  if (data.reviews.length === 0 && data.mentions.length === 0 && data.changed.length === 0) {
    return <p className="muted">{t('notifications.nothing')}</p>;
  }
  return (
    <>
      {data.reviews.length > 0 && (
        <>
          <h3 className="notifications__heading">{t('notifications.reviews')}</h3>
          <ul className="notifications__list" aria-label={t('notifications.reviews')} data-testid="notifications-reviews">
            {data.reviews.map((review) => (
              <li key={review.roundId}>
                <Link to={paths.document(review.documentId)}>{review.documentTitle}</Link>
                <p>
                  {t('notifications.reviewAsked', { name: review.openedBy.displayName, title: review.title })}
                  {review.dueDate && <> {t('notifications.reviewDue', { date: formatDate(review.dueDate, language) })}</>}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
      {data.mentions.length > 0 && (
        <>
          <h3 className="notifications__heading">{t('notifications.mentions')}</h3>
          <ul className="notifications__list" aria-label={t('notifications.mentions')} data-testid="notifications-mentions">
            {data.mentions.map((mention) => (
              <li key={mention.commentId} data-unseen={mention.unseen}>
                {mention.unseen && <span className="notifications__new">{t('notifications.new')}</span>}{' '}
                <Link to={threadLink(paths.document(mention.documentId), mention.threadId)}>{mention.documentTitle}</Link>
                <p>
                  {t('notifications.mentionBy', { name: mention.by.displayName })} <When at={mention.at} />
                </p>
                <blockquote className="notifications__excerpt">{mention.excerpt}</blockquote>
              </li>
            ))}
          </ul>
        </>
      )}
      {data.changed.length > 0 && (
        <>
          <h3 className="notifications__heading">{t('notifications.changed')}</h3>
          <ul className="notifications__list" aria-label={t('notifications.changed')} data-testid="notifications-changed">
            {data.changed.map((change) => (
              <li key={change.documentId}>
                <Link to={paths.document(change.documentId)}>{change.documentTitle}</Link>
                <p>
                  {t(change.lastVisitAt ? 'notifications.changedBy' : 'notifications.neverOpened', {
                    names: change.by.map((person) => person.displayName).join(', '),
                  })}{' '}
                  <When at={change.changedAt} />
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
