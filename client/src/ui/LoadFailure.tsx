/** What a screen shows when loading failed; a lost session sends the person to sign in. */
import { useEffect } from 'react';
import { ApiRequestError } from '../api';
import { useSession } from '../auth/SessionProvider';
import { useI18n } from '../i18n/I18nProvider';
import { errorMessage } from './errorMessage';

export function LoadFailure({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const { requireSignIn } = useSession();
  const lostSession = error instanceof ApiRequestError && error.code === 'unauthenticated';
  useEffect(() => {
    if (lostSession) requireSignIn();
  }, [lostSession, requireSignIn]);
  if (lostSession) return null;
  return (
    <div role="alert" className="alert alert--error">
      <p>{errorMessage(error, t)}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}
