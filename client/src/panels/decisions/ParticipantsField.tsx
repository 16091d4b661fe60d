/** Who takes part in a decision (or is asked to sign): one checkbox per member, with role and perspective. */
import { useId } from 'react';
import type { Member } from '../../../../shared/src/index';
import { useI18n } from '../../i18n/I18nProvider';
import { roleKey } from '../../i18n/labels';
import { PerspectiveBadge } from '../../people/PerspectiveBadge';

interface ParticipantsFieldProps {
  members: Member[];
  chosen: string[];
  onChange: (ids: string[]) => void;
  legend?: string;
  error?: string | undefined;
}

export function ParticipantsField({ members, chosen, onChange, legend, error }: ParticipantsFieldProps) {
  const { t } = useI18n();
  const name = useId();
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((value) => value !== id));
  return (
    <fieldset className={`choice-group${error ? ' choice-group--invalid' : ''}`} aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="choice-group__legend">{legend ?? t('decisions.participants')}</legend>
      {error && (
        <p className="field__error" id={`${name}-error`}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      <ul className="choice-list">
        {members.map((member) => {
          const id = `${name}-${member.userId}`;
          return (
            <li key={member.userId} className="choice">
              <input id={id} type="checkbox" checked={chosen.includes(member.userId)} onChange={(e) => toggle(member.userId, e.target.checked)} />
              <label htmlFor={id} className="choice__label">
                {member.displayName}
              </label>
              <p className="choice__description">
                {t(roleKey(member.role))} <PerspectiveBadge perspective={member.perspective} />
              </p>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
