/** The options considered, each with its benefits and risks in plain language (information shared). */
import { DECISION_LIMITS } from '../../../../shared/src/index';
import { useI18n } from '../../i18n/I18nProvider';
import { TextField } from '../../ui/Field';
import { TextAreaField } from '../../ui/Field';

export interface OptionDraft {
  title: string;
  benefits: string;
  risks: string;
}

export function OptionsEditor({ options, onChange }: { options: OptionDraft[]; onChange: (options: OptionDraft[]) => void }) {
  const { t } = useI18n();
  const update = (index: number, change: Partial<OptionDraft>) => onChange(options.map((option, i) => (i === index ? { ...option, ...change } : option)));
  return (
    <fieldset className="choice-group options-editor">
      <legend className="choice-group__legend">{t('decisions.options')}</legend>
      <p className="field__hint">{t('decisions.optionsHint')}</p>
      {options.map((option, index) => {
        const n = index + 1;
        return (
          <div key={index} className="options-editor__option" role="group" aria-label={t('decisions.optionN', { n })}>
            <TextField
              label={t('decisions.optionTitle', { n })}
              value={option.title}
              maxLength={DECISION_LIMITS.optionTitle}
              onChange={(e) => update(index, { title: e.target.value })}
            />
            <TextAreaField label={t('decisions.optionBenefitsLabel', { n })} rows={2} value={option.benefits} onChange={(e) => update(index, { benefits: e.target.value })} />
            <TextAreaField label={t('decisions.optionRisksLabel', { n })} rows={2} value={option.risks} onChange={(e) => update(index, { risks: e.target.value })} />
            <button type="button" className="button button--quiet" onClick={() => onChange(options.filter((_, i) => i !== index))}>
              {t('decisions.removeOption', { n })}
            </button>
          </div>
        );
      })}
      {options.length < DECISION_LIMITS.options && (
        <button type="button" className="button button--quiet" onClick={() => onChange([...options, { title: '', benefits: '', risks: '' }])}>
          {t('decisions.addOption')}
        </button>
      )}
    </fieldset>
  );
}
