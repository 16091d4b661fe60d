/** The invitations that can still be used, with who created them, their limits, and Revoke. */
import type { Invitation, Member } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import { permissionKey, roleKey, upperFirst } from '../i18n/labels';
import { formatDate } from '../workspace/DocumentList';

export function isActive(invitation: Invitation, now: number = Date.now()): boolean {
  return (
    invitation.revokedAt === null &&
    new Date(invitation.expiresAt).getTime() > now &&
    (invitation.maxUses === null || invitation.uses < invitation.maxUses)
  );
}

interface InvitationListProps {
  invitations: Invitation[];
  members: Member[];
  onRevoke: (invitation: Invitation) => void;
  busyId: string | null;
}

export function InvitationList({ invitations, members, onRevoke, busyId }: InvitationListProps) {
  const { t, language } = useI18n();
  const active = invitations.filter((invitation) => isActive(invitation));
  if (active.length === 0) return <p className="muted">{t('invitations.empty')}</p>;
  const nameOf = (userId: string) => members.find((m) => m.userId === userId)?.displayName ?? t('common.someone');
  return (
    <ul className="invitation-list">
      {active.map((invitation) => {
        const summary = `${t(roleKey(invitation.role))} — ${upperFirst(t(permissionKey(invitation.permission)))}`;
        return (
          <li key={invitation.id} className="invitation-list__item">
            <div>
              <p className="invitation-list__summary">{summary}</p>
              <p className="invitation-list__meta">
                {invitation.maxUses === null
                  ? t('invitations.usesUnlimited', { uses: invitation.uses })
                  : t('invitations.uses', { uses: invitation.uses, max: invitation.maxUses })}
                {' · '}
                {t('invitations.expires', { date: formatDate(invitation.expiresAt, language) })}
                {' · '}
                {t('invitations.createdBy', { name: nameOf(invitation.createdBy) })}
              </p>
            </div>
            <button type="button" className="button button--quiet" disabled={busyId === invitation.id} onClick={() => onRevoke(invitation)}>
              {t('invitations.revoke')}
              <span className="visually-hidden"> ({summary})</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
