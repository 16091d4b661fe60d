/**
 * The workspace's "People" part: the members (everyone sees them; owners change roles and
 * permissions and remove people), leaving, and for owners the invitations.
 */
import { useRef, useState } from 'react';
import type { Member, Workspace } from '../../../shared/src/index';
import { api } from '../api';
import { useMe } from '../auth/SessionProvider';
import { useI18n } from '../i18n/I18nProvider';
import { lowerFirst, permissionKey, roleKey } from '../i18n/labels';
import { navigate, paths } from '../router';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { StatusNote } from '../ui/FormAlert';
import { LoadFailure, Loading } from '../ui/LoadFailure';
import { useLoad } from '../ui/useLoad';
import { MemberDocumentAccess, useAccessOverview } from '../life/MemberDocumentAccess';
import { InvitationsSection } from './InvitationsSection';
import { MemberRow } from './MemberRow';
import { membershipErrorMessage } from './membershipError';

interface PeoplePanelProps {
  workspace: Workspace;
  /** The caller's own role or permission changed: the workspace (and its tabs) must reload. */
  onAccessChanged: () => void;
}

export function PeoplePanel({ workspace, onAccessChanged }: PeoplePanelProps) {
  const { t } = useI18n();
  const me = useMe();
  const members = useLoad(() => api.listMembers(workspace.id), [workspace.id]);
  const heading = useRef<HTMLHeadingElement>(null);
  const [done, setDone] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  // Removed rows disappear at once (with the dialog), so focus can move to the heading.
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());
  const isOwner = workspace.permission === 'owner';
  const overview = useAccessOverview(workspace.id, isOwner);
  const leaving = removing?.userId === me.user.id;

  const changed = (member: Member) => {
    setDone(
      t('people.changed', {
        name: member.displayName,
        role: lowerFirst(t(roleKey(member.role))),
        permission: t(permissionKey(member.permission)),
      }),
    );
    members.reload();
    overview.reload();
    if (member.userId === me.user.id) onAccessChanged();
  };

  const remove = async (member: Member): Promise<string | null> => {
    try {
      await api.removeMember(workspace.id, member.userId);
    } catch (error) {
      return membershipErrorMessage(error, t);
    }
    setRemoved((ids) => new Set(ids).add(member.userId));
    setRemoving(null);
    if (member.userId === me.user.id) {
      navigate(paths.home());
    } else {
      setDone(t('people.removed', { name: member.displayName }));
      members.reload();
    }
    return null;
  };

  return (
    <>
      <section className="card people" aria-labelledby="people-title">
        <h2 id="people-title" ref={heading} tabIndex={-1}>
          {t('people.title')}
        </h2>
        <p className="muted">{t('people.intro')}</p>
        <StatusNote message={done} />
        {members.status === 'loading' && <Loading />}
        {members.status === 'failed' && <LoadFailure error={members.error} onRetry={members.reload} />}
        {members.status === 'ready' && (
          <ul className="member-list" aria-label={t('people.listLabel', { name: workspace.name })}>
            {members.data.members.filter((member) => !removed.has(member.userId)).map((member) => (
              <MemberRow
                key={member.userId}
                workspaceId={workspace.id}
                member={member}
                isSelf={member.userId === me.user.id}
                canManage={isOwner}
                onChanged={changed}
                onRemove={setRemoving}
                documentAccess={overview.status === 'ready' && overview.data && <MemberDocumentAccess member={member} overview={overview.data} />}
              />
            ))}
          </ul>
        )}
      </section>
      {isOwner && (
        <InvitationsSection workspace={workspace} members={members.status === 'ready' ? members.data.members : []} />
      )}
      {removing && (
        <ConfirmDialog
          title={leaving ? t('people.leaveTitle', { workspace: workspace.name }) : t('people.removeTitle', { name: removing.displayName })}
          confirmLabel={leaving ? t('people.leaveConfirm') : t('people.removeConfirm', { name: removing.displayName })}
          onConfirm={() => remove(removing)}
          onCancel={() => setRemoving(null)}
          fallbackFocus={() => heading.current?.focus()}
        >
          <p>{leaving ? t('people.leaveBody') : t('people.removeBody', { name: removing.displayName, workspace: workspace.name })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
