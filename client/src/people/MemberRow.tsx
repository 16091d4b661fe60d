/**
 * One member: colour dot (decoration), name, role with its perspective (words and icon),
 * permission and last visit. Owners get role and permission selects, applied with "Save" (a
 * select that acted on every arrow key would change someone's access by accident).
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { PERMISSIONS, ROLES, type Member, type Permission, type Role } from '../../../shared/src/index';
import { api } from '../api';
import { useI18n } from '../i18n/I18nProvider';
import { permissionKey, roleKey, upperFirst } from '../i18n/labels';
import { safeColor } from '../ui/color';
import { SelectField } from '../ui/Field';
import { FormAlert } from '../ui/FormAlert';
import { relativeTime } from '../ui/relativeTime';
import { membershipErrorMessage } from './membershipError';
import { PerspectiveBadge } from './PerspectiveBadge';
import { RecoveryLinkButton } from '../life/RecoveryLinkButton';

interface MemberRowProps {
  workspaceId: string;
  member: Member;
  isSelf: boolean;
  /** The caller is an owner: they may change and remove anyone. */
  canManage: boolean;
  onChanged: (member: Member) => void;
  /** Asks to remove this member (or to leave, for one's own row); the panel confirms first. */
  onRemove: (member: Member) => void;
  /** Owners: the documents where this member's access differs from the workspace. */
  documentAccess?: ReactNode;
}

/** A label that reads "Role (Bob)" to assistive technology and "Role" on screen. */
function labelFor(text: string, name: string): ReactNode {
  return (
    <>
      {text}
      <span className="visually-hidden"> ({name})</span>
    </>
  );
}

export function MemberRow({ workspaceId, member, isSelf, canManage, onChanged, onRemove, documentAccess }: MemberRowProps) {
  const { t, language } = useI18n();
  const [role, setRole] = useState<Role>(member.role);
  const [permission, setPermission] = useState<Permission>(member.permission);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dirty = role !== member.role || permission !== member.permission;
  const name = member.displayName;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setAlert(null);
    try {
      const changes = { ...(role !== member.role && { role }), ...(permission !== member.permission && { permission }) };
      onChanged(await api.updateMember(workspaceId, member.userId, changes));
    } catch (error) {
      setAlert(membershipErrorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="member">
      <div className="member__who">
        <h3 className="member__name">
          <span className="member__dot" style={{ backgroundColor: safeColor(member.color) }} aria-hidden="true" />
          {name}
          {isSelf && <span className="member__you"> ({t('people.you')})</span>}
        </h3>
        <p className="member__facts">
          {!canManage && <span className="member__role">{t(roleKey(member.role))}</span>}
          <PerspectiveBadge perspective={member.perspective} />
          {!canManage && (
            <span className="member__permission">
              {t('people.permissionIs', { permission: t(permissionKey(member.permission)) })}
            </span>
          )}
        </p>
        <p className="member__seen">
          {member.lastSeenAt ? t('people.lastSeen', { when: relativeTime(member.lastSeenAt, language, t) }) : t('people.neverSeen')}
        </p>
        {documentAccess}
      </div>
      {canManage && (
        <form className="member__controls" onSubmit={save}>
          <SelectField
            label={labelFor(t('people.role'), name)}
            value={role}
            onChange={(event) => setRole(event.target.value as Role)}
            options={ROLES.map((value) => ({ value, label: t(roleKey(value)) }))}
          />
          <SelectField
            label={labelFor(t('people.permission'), name)}
            value={permission}
            onChange={(event) => setPermission(event.target.value as Permission)}
            options={PERMISSIONS.map((value) => ({ value, label: upperFirst(t(permissionKey(value))) }))}
          />
          <button type="submit" className="button" disabled={!dirty || busy}>
            {t('common.save')}
            <span className="visually-hidden"> ({name})</span>
          </button>
        </form>
      )}
      <div className="member__actions">
        {isSelf ? (
          <button type="button" className="button button--quiet" onClick={() => onRemove(member)}>
            {t('people.leave')}
          </button>
        ) : (
          canManage && (
            <>
              <RecoveryLinkButton workspaceId={workspaceId} member={member} />
              <button type="button" className="button button--quiet button--danger-quiet" onClick={() => onRemove(member)}>
                {t('people.remove')}
                <span className="visually-hidden"> {name}</span>
              </button>
            </>
          )
        )}
      </div>
      <FormAlert message={alert} />
    </li>
  );
}
