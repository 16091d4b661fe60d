/** What every workshop screen shares: loading, failure (a stranger gets "not found"), live status. */
import type { ReactNode } from 'react';
import { ApiRequestError } from '../api';
import type { WorkshopState } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import { Link, paths } from '../router';
import { LoadFailure, Loading } from '../ui/LoadFailure';
import { ScreenHeading } from '../ui/ScreenHeading';
import type { LiveStatus, WorkshopLoad } from './useWorkshop';

export function WorkshopFrame({ load, children }: { load: WorkshopLoad; children: (state: WorkshopState) => ReactNode }) {
  const { t } = useI18n();
  // A lost session or a lost membership ends the screen even when an earlier state is shown.
  const gone = load.error instanceof ApiRequestError && (load.error.code === 'not_found' || load.error.code === 'unauthenticated');
  if (load.state && !gone) return <>{children(load.state)}</>;
  if (!load.error) return <Loading />;
  if (load.error instanceof ApiRequestError && load.error.code === 'not_found') {
    return (
      <>
        <ScreenHeading pageTitle={t('notFound.pageTitle')}>{t('notFound.title')}</ScreenHeading>
        <p>{t('workshop.notFound')}</p>
        <p>
          <Link to={paths.home()}>{t('common.backHome')}</Link>
        </p>
      </>
    );
  }
  return <LoadFailure error={load.error} onRetry={load.refresh} />;
}

const LIVE_KEYS = { connecting: 'workshop.live.connecting', live: 'workshop.live.live', reconnecting: 'workshop.live.reconnecting' } as const;

/** Whether this screen follows the group live, in words (with a dot that is never the only sign). */
export function LiveBadge({ live }: { live: LiveStatus }) {
  const { t } = useI18n();
  return (
    <p className={`live-badge live-badge--${live}`} role="status">
      <span className="live-badge__dot" aria-hidden="true" />
      {t(LIVE_KEYS[live])}
    </p>
  );
}
