/**
 * Email and password, so a person who joined with only a name can sign in on another device.
 * When the account already has a password, the current one is asked for.
 */
import { useRef, useState, type FormEvent } from 'react';
import { FIELD_LIMITS } from '../../../shared/src/index';
import { api, ApiRequestError } from '../api';
import { useMe, useSession } from '../auth/SessionProvider';
import { checkEmail, checkNewPassword, checkPassword, hasErrors, type FieldErrors } from '../auth/validate';
import { useI18n } from '../i18n/I18nProvider';
import { TextField } from '../ui/Field';
import { FormAlert, StatusNote, focusFirstInvalid } from '../ui/FormAlert';
import { errorMessage } from '../ui/errorMessage';

type CredentialsField = 'email' | 'password' | 'currentPassword';

export function CredentialsForm() {
  const { t } = useI18n();
  const { updateUser } = useSession();
  const { user } = useMe();
  // Email and password are only ever set together, so an email means a password exists.
  const hasPassword = user.email !== null;
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ email: user.email ?? '', password: '', currentPassword: '' });
  const [errors, setErrors] = useState<FieldErrors<CredentialsField>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: CredentialsField) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));

  const refuse = (found: FieldErrors<CredentialsField>, message: string) => {
    setErrors(found);
    setAlert(message);
    focusFirstInvalid(form.current);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const found: FieldErrors<CredentialsField> = {
      email: checkEmail(values.email, t),
      password: checkNewPassword(values.password, t),
      currentPassword: hasPassword ? checkPassword(values.currentPassword, t) : undefined,
    };
    if (hasErrors(found)) return refuse(found, t('error.fixFields'));
    setErrors({});
    setBusy(true);
    setAlert(null);
    try {
      const email = values.email.trim();
      const saved = await api.setCredentials({ email, password: values.password, ...(hasPassword && { currentPassword: values.currentPassword }) });
      updateUser(saved.user);
      setValues({ email: saved.user.email ?? email, password: '', currentPassword: '' });
      setDone(t('credentials.saved', { email: saved.user.email ?? email }));
    } catch (error) {
      const code = error instanceof ApiRequestError ? error.code : null;
      if (code === 'forbidden') refuse({ currentPassword: t('credentials.wrongCurrent') }, t('credentials.wrongCurrent'));
      else if (code === 'conflict') refuse({ email: t('credentials.emailTaken') }, t('credentials.emailTaken'));
      else setAlert(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} className="card form" noValidate onSubmit={submit} aria-labelledby="credentials-title">
      <h2 id="credentials-title">{hasPassword ? t('credentials.titleChange') : t('credentials.titleAdd')}</h2>
      <p className="muted">{hasPassword ? t('credentials.introChange', { email: user.email ?? '' }) : t('credentials.introAdd')}</p>
      <FormAlert message={alert} />
      <StatusNote message={done} />
      <TextField label={t('credentials.email')} error={errors.email} type="email" autoComplete="email" value={values.email} onChange={set('email')} />
      <TextField
        label={t('credentials.password')}
        hint={t('setup.passwordHint', { min: FIELD_LIMITS.passwordMin })}
        error={errors.password}
        type="password"
        autoComplete="new-password"
        value={values.password}
        onChange={set('password')}
      />
      {hasPassword && (
        <TextField
          label={t('credentials.currentPassword')}
          hint={t('credentials.currentPasswordHint')}
          error={errors.currentPassword}
          type="password"
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={set('currentPassword')}
        />
      )}
      <button type="submit" className="button button--primary" disabled={busy}>
        {t('credentials.submit')}
      </button>
    </form>
  );
}
