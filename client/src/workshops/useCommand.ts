/**
 * Runs one workshop command from a control: busy while it runs, a translated sentence when it
 * fails, and a fresh state when it succeeds (without waiting for the live notice).
 */
import { useCallback, useState } from 'react';
import { ApiRequestError } from '../api';
import { useI18n } from '../i18n/I18nProvider';
import { errorMessage } from '../ui/errorMessage';

export function useCommand(refresh: () => void) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (action: () => Promise<unknown>): Promise<boolean> => {
      setBusy(true);
      setError(null);
      try {
        await action();
        return true;
      } catch (failure) {
        // The workshop moved on (voting closed, the idea is gone...): say so in plain words;
        // the fresh state fetched below shows where things are now.
        const conflict = failure instanceof ApiRequestError && failure.code === 'conflict';
        setError(conflict ? t('workshop.error.conflict') : errorMessage(failure, t));
        return false;
      } finally {
        setBusy(false);
        refresh();
      }
    },
    [refresh, t],
  );
  return { busy, error, run, clearError: () => setError(null) };
}
