import type { Translate } from '../i18n/I18nProvider';
import { ApiRequestError } from '../api';
import { errorMessage } from '../ui/errorMessage';

/** A refused membership change in the interface language; the last-owner rule has its own code. */
export function membershipErrorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiRequestError && error.code === 'last_owner') return t('people.lastOwner');
  return errorMessage(error, t);
}
