/** A form's closing row: its submit button (disabled while the form is busy) and, when given, Cancel. */
import { useI18n } from '../i18n/I18nProvider';

interface FormActionsProps {
  submitLabel: string;
  busy: boolean;
  onCancel?: () => void;
}

export function FormActions({ submitLabel, busy, onCancel }: FormActionsProps) {
  const { t } = useI18n();
  return (
    <div className="form__row">
      <button type="submit" className="button button--primary" disabled={busy}>
        {submitLabel}
      </button>
      {onCancel && (
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      )}
    </div>
  );
}
