/**
 * The template choice of the new-document form: one radio per template, with its title and a
 * one-line description in the interface language (GET /api/templates). "Blank document" comes
 * first and is the default. If the list cannot be loaded, a blank document can still be made.
 */
import type { TemplateId } from '../../../shared/src/index';
import { api } from '../api';
import { useI18n } from '../i18n/I18nProvider';
import { RadioGroup } from '../ui/RadioGroup';
import { useLoad } from '../ui/useLoad';
import './templatePicker.css';

interface TemplatePickerProps {
  value: TemplateId;
  onChange: (template: TemplateId) => void;
}

export function TemplatePicker({ value, onChange }: TemplatePickerProps) {
  const { t, language } = useI18n();
  const templates = useLoad(() => api.listTemplates(language), [language]);

  if (templates.status === 'loading') {
    return (
      <p className="muted" role="status">
        {t('template.loading')}
      </p>
    );
  }
  if (templates.status === 'failed') return <p className="note">{t('template.failed')}</p>;
  return (
    <div className="template-picker">
      <RadioGroup
        legend={t('template.legend')}
        options={templates.data.map((template) => ({ value: template.id, label: template.title, description: template.description }))}
        value={value}
        onChange={onChange}
      />
    </div>
  );
}
