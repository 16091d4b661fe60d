/**
 * A goal's facts as form controls: status (in words), target date and who expressed it (chosen
 * among the workspace's members). Each change is one attribute update of the block, so the
 * last choice wins when two people change the same fact at once.
 */
import { useId, type ChangeEvent } from 'react';
import { FIELD_LIMITS, GOAL_STATUSES, GoalDateSchema, GoalStatusSchema, type Member } from '../../../../shared/src/index';
import { useI18n } from '../../i18n/I18nProvider';
import { lowerFirst, roleKey } from '../../i18n/labels';
import { useGoalMembers } from './goalMembers';
import type { GoalFactsChange, GoalFactsValue } from './NegotiatedGoalView';

interface GoalControlsProps {
  facts: GoalFactsValue;
  onChange: (change: GoalFactsChange) => void;
}

export function GoalControls({ facts, onChange }: GoalControlsProps) {
  const { t } = useI18n();
  const id = useId();

  const changeStatus = (event: ChangeEvent<HTMLSelectElement>) => {
    const status = GoalStatusSchema.safeParse(event.target.value);
    if (status.success) onChange({ status: status.data });
  };
  // A date input reports '' until the date is complete; only whole, real dates are stored.
  const changeDate = (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.target.value;
    if (value === '') onChange({ targetDate: null });
    else if (GoalDateSchema.safeParse(value).success) onChange({ targetDate: value });
  };

  return (
    <div className="goal__controls">
      <div className="goal__control">
        <label htmlFor={`${id}-status`}>{t('goal.status')}</label>
        <select id={`${id}-status`} className="goal__select" value={facts.status} onChange={changeStatus}>
          {GOAL_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`goal.status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="goal__control">
        <label htmlFor={`${id}-date`}>{t('goal.targetDate')}</label>
        <input id={`${id}-date`} className="goal__date" type="date" value={facts.targetDate ?? ''} onChange={changeDate} />
      </div>
      <ExpressedByPicker id={`${id}-by`} facts={facts} onChange={onChange} />
    </div>
  );
}

function ExpressedByPicker({ id, facts, onChange }: { id: string } & GoalControlsProps) {
  const { t } = useI18n();
  const members = useGoalMembers();
  const list: Member[] = members.status === 'ready' ? members.members : [];
  const known = facts.expressedBy === null || list.some((member) => member.userId === facts.expressedBy);
  // Someone chosen earlier who has left (or whom the list does not show yet) stays visible by name.
  const formerLabel =
    members.status === 'ready'
      ? t('goal.expressedBy.former', { name: facts.expressedByName ?? '?' })
      : (facts.expressedByName ?? t('goal.expressedBy.unknown'));

  const change = (event: ChangeEvent<HTMLSelectElement>) => {
    const member = list.find((candidate) => candidate.userId === event.target.value);
    if (event.target.value === '') onChange({ expressedBy: null, expressedByName: null });
    else if (member) onChange({ expressedBy: member.userId, expressedByName: member.displayName.slice(0, FIELD_LIMITS.displayName) });
  };

  return (
    <div className="goal__control goal__control--wide">
      <label htmlFor={id}>{t('goal.expressedBy')}</label>
      <select
        id={id}
        className="goal__select"
        value={facts.expressedBy ?? ''}
        onChange={change}
        aria-describedby={members.status === 'failed' ? `${id}-failed` : undefined}
      >
        <option value="">{t('goal.expressedBy.none')}</option>
        {!known && facts.expressedBy && <option value={facts.expressedBy}>{formerLabel}</option>}
        {list.map((member) => (
          <option key={member.userId} value={member.userId}>
            {t('goal.expressedBy.member', { name: member.displayName, role: lowerFirst(t(roleKey(member.role))) })}
          </option>
        ))}
      </select>
      {members.status === 'failed' && (
        <p id={`${id}-failed`} className="goal__control-note">
          {t('goal.membersFailed')}
        </p>
      )}
    </div>
  );
}
