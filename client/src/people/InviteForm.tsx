/**
 * Owners invite someone: a role and a permission, each with a plain explanation, and optional
 * limits (number of uses, lifetime). In a care trajectory, choosing "person receiving care"
 * proposes owner: it is their plan. The permission follows the role until the owner picks one.
 */
import { useRef, useState, type FormEvent } from 'react';
import { PERMISSIONS, ROLES, type CreatedInvitation, type Permission, type Role, type Workspace } from '../../../shared/src/index';
import { api } from '../api';
import { useI18n } from '../i18n/I18nProvider';
import { permissionExplanationKey, permissionKey, roleExplanationKey, roleKey, upperFirst } from '../i18n/labels';
import { SelectField, TextField } from '../ui/Field';
import { FormAlert, focusFirstInvalid } from '../ui/FormAlert';
import { RadioGroup } from '../ui/RadioGroup';
import { errorMessage } from '../ui/errorMessage';

const MAX_USES = 500;
const LIFETIMES = [24, 168, 720, 2160] as const;
type Lifetime = (typeof LIFETIMES)[number];

/** The server's default, shown before sending so the owner sees what they will get. */
function proposedPermission(workspace: Workspace, role: Role): Permission {
  return workspace.purpose === 'care-trajectory' && role === 'person' ? 'owner' : 'editor';
}

export function InviteForm({ workspace, onCreated }: { workspace: Workspace; onCreated: (invitation: CreatedInvitation) => void }) {
  const { t } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const [role, setRole] = useState<Role | null>(null);
  const [permission, setPermission] = useState<Permission>('editor');
  const [permissionChosen, setPermissionChosen] = useState(false);
  const [maxUses, setMaxUses] = useState('');
  const [lifetime, setLifetime] = useState<Lifetime>(168);
  const [errors, setErrors] = useState<{ role?: string; maxUses?: string }>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ownerProposed = role !== null && proposedPermission(workspace, role) === 'owner';

  const chooseRole = (next: Role) => {
    setRole(next);
    setErrors((current) => ({ ...current, role: undefined }));
    if (!permissionChosen) setPermission(proposedPermission(workspace, next));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const uses = maxUses.trim() === '' ? undefined : Number(maxUses.trim());
    const found = {
      role: role === null ? t('invite.roleRequired') : undefined,
      maxUses: uses !== undefined && !(Number.isInteger(uses) && uses >= 1 && uses <= MAX_USES) ? t('invite.maxUsesInvalid', { max: MAX_USES }) : undefined,
    };
    setErrors(found);
    if (role === null || found.maxUses) {
      setAlert(t('error.fixFields'));
      focusFirstInvalid(form.current);
      return;
    }
    setBusy(true);
    setAlert(null);
    try {
      const created = await api.createInvitation(workspace.id, { role, permission, expiresInHours: lifetime, ...(uses !== undefined && { maxUses: uses }) });
      setRole(null);
      setPermission('editor');
      setPermissionChosen(false);
      setMaxUses('');
      onCreated(created);
    } catch (error) {
      setAlert(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} className="form invite-form" noValidate onSubmit={submit} aria-labelledby="invite-title">
      <h2 id="invite-title">{t('invite.title')}</h2>
      <p className="muted">{t('invite.intro')}</p>
      <FormAlert message={alert} />
      <RadioGroup
        legend={t('invite.role')}
        value={role}
        onChange={chooseRole}
        error={errors.role}
        options={ROLES.map((value) => ({ value, label: t(roleKey(value)), description: t(roleExplanationKey(value)) }))}
      />
      <RadioGroup
        legend={t('invite.permission')}
        value={permission}
        onChange={(next) => {
          setPermission(next);
          setPermissionChosen(true);
        }}
        note={ownerProposed ? t('invite.ownerProposed') : null}
        options={PERMISSIONS.map((value) => ({
          value,
          label: upperFirst(t(permissionKey(value))),
          description: t(permissionExplanationKey(value)),
        }))}
      />
      <fieldset className="choice-group">
        <legend className="choice-group__legend">{t('invite.options')}</legend>
        <div className="form__row">
          <TextField
            label={t('invite.maxUses')}
            hint={t('invite.maxUsesHint')}
            error={errors.maxUses}
            inputMode="numeric"
            autoComplete="off"
            value={maxUses}
            onChange={(event) => setMaxUses(event.target.value)}
          />
          <SelectField
            label={t('invite.expires')}
            value={String(lifetime)}
            onChange={(event) => setLifetime(Number(event.target.value) as Lifetime)}
            options={LIFETIMES.map((hours) => ({ value: String(hours), label: t(`invite.expires.${hours}`) }))}
          />
        </div>
      </fieldset>
      <button type="submit" className="button button--primary" disabled={busy}>
        {t('invite.submit')}
      </button>
    </form>
  );
}
