/**
 * A fieldset of radio buttons, each with a label and an optional one-line explanation linked to
 * it by aria-describedby, so the explanation is read with the choice but not part of its name.
 */
import { useId } from 'react';

export interface RadioOption<T extends string> {
  value: T;
  label: string;
  description?: string;
}

interface RadioGroupProps<T extends string> {
  legend: string;
  options: Array<RadioOption<T>>;
  /** null: nothing chosen yet. */
  value: T | null;
  onChange: (value: T) => void;
  /** A note under the choices (e.g. why a value was proposed), announced politely when it appears. */
  note?: string | null;
  error?: string | undefined;
}

export function RadioGroup<T extends string>({ legend, options, value, onChange, note, error }: RadioGroupProps<T>) {
  const name = useId();
  return (
    <fieldset className={`choice-group${error ? ' choice-group--invalid' : ''}`} aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="choice-group__legend">{legend}</legend>
      {error && (
        <p className="field__error" id={`${name}-error`}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      <ul className="choice-list">
        {options.map((option) => {
          const id = `${name}-${option.value}`;
          return (
            <li key={option.value} className="choice">
              <input
                id={id}
                type="radio"
                name={name}
                value={option.value}
                checked={value === option.value}
                aria-invalid={error ? true : undefined}
                aria-describedby={option.description ? `${id}-description` : undefined}
                onChange={() => onChange(option.value)}
              />
              <label htmlFor={id} className="choice__label">
                {option.label}
              </label>
              {option.description && (
                <p id={`${id}-description`} className="choice__description">
                  {option.description}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <div aria-live="polite">{note && <p className="note choice-group__note">{note}</p>}</div>
    </fieldset>
  );
}
