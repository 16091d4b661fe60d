import type { Translate } from '../i18n/I18nProvider';
import { ApiRequestError } from '../api';
import { errorMessage } from '../ui/errorMessage';

/**
 * A refused membership change in the interface language. The server's only conflict here is the
 * last-owner rule ("A workspace needs at least one owner…"), translated in the catalogs.
 */
export function membershipErrorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiRequestError && error.code === 'conflict') return t('people.lastOwner');
  return errorMessage(error, t);
}
