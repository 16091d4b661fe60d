import type { Translate } from '../i18n/I18nProvider';
import { ApiRequestError } from '../api';

/**
 * The sentence to show for a failed request. The server's messages are English, so known codes
 * get the client's own translated wording; validation messages are specific, so they are shown.
 */
export function errorMessage(error: unknown, t: Translate, context: 'signin' | 'default' = 'default'): string {
  if (!(error instanceof ApiRequestError)) return t('error.generic');
  switch (error.code) {
    case 'network':
      return t('error.network');
    case 'unauthenticated':
      return context === 'signin' ? t('error.badCredentials') : t('error.sessionEnded');
    case 'rate_limited':
      return t('error.rateLimited');
    case 'forbidden':
      return t('error.forbidden');
    case 'not_found':
      return t('error.notFound');
    case 'conflict':
      return t('error.conflict');
    case 'payload_too_large':
      return t('error.payloadTooLarge');
    case 'validation_failed':
    case 'bad_request':
      return error.message || t('error.generic');
    default:
      return t('error.generic');
  }
}
