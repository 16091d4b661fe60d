/** Owners' part of the People page: the invite form, the invitation just created, and the active ones. */
import { useRef, useState } from 'react';
import type { CreatedInvitation, Invitation, Member, Workspace } from '../../../shared/src/index';
import { api } from '../api';
import { useI18n } from '../i18n/I18nProvider';
import { FormAlert, StatusNote } from '../ui/FormAlert';
import { LoadFailure, Loading } from '../ui/LoadFailure';
import { errorMessage } from '../ui/errorMessage';
import { useLoad } from '../ui/useLoad';
import { CreatedInvitationCard } from './CreatedInvitationCard';
import { InvitationList } from './InvitationList';
import { InviteForm } from './InviteForm';

export function InvitationsSection({ workspace, members }: { workspace: Workspace; members: Member[] }) {
  const { t } = useI18n();
  const invitations = useLoad(() => api.listInvitations(workspace.id), [workspace.id]);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const [revokingId, setRevokingId] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);

  const revoke = async (invitation: Invitation) => {
    setRevokingId(invitation.id);
    setAlert(null);
    setNote(null);
    try {
      await api.revokeInvitation(workspace.id, invitation.id);
      setNote(t('invitations.revoked'));
      if (created?.id === invitation.id) setCreated(null);
      invitations.reload();
      // The revoked row (and its button) goes away: keep the keyboard user in the list.
      listHeading.current?.focus();
    } catch (error) {
      setAlert(errorMessage(error, t));
    } finally {
      setRevokingId(null);
    }
  };

  return (
    <>
      <section className="card">
        <InviteForm
          workspace={workspace}
          onCreated={(invitation) => {
            setCreated(invitation);
            invitations.reload();
          }}
        />
      </section>
      {created && (
        <CreatedInvitationCard
          invitation={created}
          onClose={() => {
            setCreated(null);
            listHeading.current?.focus();
          }}
        />
      )}
      <section className="card" aria-labelledby="invitations-title">
        <h2 id="invitations-title" ref={listHeading} tabIndex={-1}>
          {t('invitations.title')}
        </h2>
        <FormAlert message={alert} />
        <StatusNote message={note} />
        {invitations.status === 'loading' && <Loading />}
        {invitations.status === 'failed' && <LoadFailure error={invitations.error} onRetry={invitations.reload} />}
        {invitations.status === 'ready' && (
          <InvitationList invitations={invitations.data.invitations} members={members} onRevoke={revoke} busyId={revokingId} />
        )}
      </section>
    </>
  );
}
