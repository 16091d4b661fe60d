/** Radio buttons over the palette: a swatch and a name for each colour. */
import { useId } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { safeColor } from '../ui/color';
import { PALETTE } from './palette';

export function ColorChoice({ value, onChange }: { value: string; onChange: (color: string) => void }) {
  const { t } = useI18n();
  const name = useId();
  const known = PALETTE.some((option) => option.color === value.toLowerCase());
  // A colour from before the palette existed stays selectable until the person changes it.
  const options = known ? PALETTE : [{ color: value, name: 'profile.colorCurrent' as const }, ...PALETTE];
  return (
    <fieldset className="choice-group" aria-describedby={`${name}-hint`}>
      <legend className="choice-group__legend">{t('profile.color')}</legend>
      <p id={`${name}-hint`} className="field__hint">
        {t('profile.colorHint')}
      </p>
      <ul className="color-choice">
        {options.map((option) => {
          const id = `${name}-${option.color.slice(1)}`;
          return (
            <li key={option.color} className="color-choice__item">
              <input
                id={id}
                type="radio"
                name={name}
                value={option.color}
                checked={value.toLowerCase() === option.color.toLowerCase()}
                onChange={() => onChange(option.color)}
              />
              <label htmlFor={id} className="color-choice__label">
                <span className="color-choice__swatch" style={{ backgroundColor: safeColor(option.color) }} aria-hidden="true" />
                {t(option.name)}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
