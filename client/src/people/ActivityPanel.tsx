/** Owners' "Activity": the workspace's membership events, newest first, as plain sentences. */
import type { Workspace } from '../../../shared/src/index';
import { api } from '../api';
import { useI18n } from '../i18n/I18nProvider';
import { LoadFailure, Loading } from '../ui/LoadFailure';
import { relativeTime } from '../ui/relativeTime';
import { useLoad } from '../ui/useLoad';
import { formatDate } from '../workspace/DocumentList';
import { auditSentences } from './auditSentence';

export function ActivityPanel({ workspace }: { workspace: Workspace }) {
  const { t, language } = useI18n();
  const log = useLoad(() => api.getAuditLog(workspace.id), [workspace.id]);
  return (
    <section className="card activity" aria-labelledby="activity-title">
      <h2 id="activity-title">{t('activity.title')}</h2>
      <p className="muted">{t('activity.intro')}</p>
      {log.status === 'loading' && <Loading />}
      {log.status === 'failed' && <LoadFailure error={log.error} onRetry={log.reload} />}
      {log.status === 'ready' &&
        (log.data.events.length === 0 ? (
          <p className="muted">{t('activity.empty')}</p>
        ) : (
          <ol className="activity-list" aria-label={t('activity.listLabel')}>
            {log.data.events.map((event) => (
              <li key={event.id} className="activity-list__item">
                <p className="activity-list__text">{auditSentences(event, t).join(' ')}</p>
                <p className="activity-list__time">
                  <time dateTime={event.at}>{formatDate(event.at, language)}</time> ({relativeTime(event.at, language, t)})
                </p>
              </li>
            ))}
          </ol>
        ))}
    </section>
  );
}
