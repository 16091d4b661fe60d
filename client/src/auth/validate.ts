/**
 * Field checks before sending, with the limits and email rule of the shared schemas. They
 * return catalog messages; the server validates again and its message is shown if it differs.
 */
import { FIELD_LIMITS, SetupRequestSchema } from '../../../shared/src/index';
import type { Translate } from '../i18n/I18nProvider';

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

export function checkDisplayName(value: string, t: Translate): string | undefined {
  const trimmed = value.trim();
  if (trimmed.length === 0) return t('field.displayName.required');
  if (trimmed.length > FIELD_LIMITS.displayName) return t('field.displayName.tooLong', { max: FIELD_LIMITS.displayName });
  return undefined;
}

export function checkEmail(value: string, t: Translate): string | undefined {
  return SetupRequestSchema.shape.email.safeParse(value).success ? undefined : t('field.email.invalid');
}

export function checkNewPassword(value: string, t: Translate): string | undefined {
  if (value.length < FIELD_LIMITS.passwordMin) return t('field.password.tooShort', { min: FIELD_LIMITS.passwordMin });
  if (value.length > FIELD_LIMITS.passwordMax) return t('field.password.tooLong', { max: FIELD_LIMITS.passwordMax });
  return undefined;
}

export function checkPassword(value: string, t: Translate): string | undefined {
  return value.length === 0 ? t('field.password.required') : undefined;
}

export function hasErrors<K extends string>(errors: FieldErrors<K>): boolean {
  return Object.values(errors).some(Boolean);
}
