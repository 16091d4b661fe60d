/**
 * Choosing members to mention (they are notified on their home screen): a disclosure with one
 * checkbox per member, so it works with the keyboard and a screen reader like any form field.
 */
import type { Member } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import { ParticipantsField } from '../panels/decisions/ParticipantsField';
import { usePanelScope } from '../panels/panelScope';

interface MentionPickerProps {
  members: Member[];
  chosen: string[];
  onChange: (ids: string[]) => void;
}

export function MentionPicker({ members, chosen, onChange }: MentionPickerProps) {
  const { t } = useI18n();
  const { selfId } = usePanelScope();
  const others = members.filter((member) => member.userId !== selfId);
  if (others.length === 0) return null;
  const names = others.filter((member) => chosen.includes(member.userId)).map((member) => member.displayName);
  return (
    <details className="mention-picker" data-testid="mention-picker">
      <summary className="mention-picker__summary">
        {names.length > 0 ? t('comments.mentioning', { names: names.join(', ') }) : t('comments.mention')}
      </summary>
      <ParticipantsField members={others} chosen={chosen} onChange={onChange} legend={t('comments.mentionLegend')} />
    </details>
  );
}
