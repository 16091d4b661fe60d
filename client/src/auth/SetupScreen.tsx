/** First run: create the first account. The server refuses (409) once any account exists. */
import { useRef, useState, type FormEvent } from 'react';
import { FIELD_LIMITS } from '../../../shared/src/index';
import { api, ApiRequestError } from '../api';
import { useI18n } from '../i18n/I18nProvider';
import { Page } from '../ui/Page';
import { ScreenHeading } from '../ui/ScreenHeading';
import { TextField } from '../ui/Field';
import { FormAlert, focusFirstInvalid } from '../ui/FormAlert';
import { errorMessage } from '../ui/errorMessage';
import { useSession } from './SessionProvider';
import { checkDisplayName, checkEmail, checkNewPassword, hasErrors, type FieldErrors } from './validate';

type SetupField = 'displayName' | 'email' | 'password';

export function SetupScreen() {
  const { t } = useI18n();
  const { completeSignIn, requireSignIn } = useSession();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ displayName: '', email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors<SetupField>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (field: SetupField) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors<SetupField> = {
      displayName: checkDisplayName(values.displayName, t),
      email: checkEmail(values.email, t),
      password: checkNewPassword(values.password, t),
    };
    setErrors(found);
    if (hasErrors(found)) {
      setAlert(t('error.fixFields'));
      focusFirstInvalid(form.current);
      return;
    }
    setBusy(true);
    setAlert(null);
    try {
      await api.setup({ displayName: values.displayName.trim(), email: values.email.trim(), password: values.password });
      await completeSignIn();
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiRequestError && error.code === 'conflict') {
        requireSignIn('error.setupDone');
        return;
      }
      setAlert(errorMessage(error, t));
    }
  };

  return (
    <Page width="narrow">
      <ScreenHeading pageTitle={t('setup.pageTitle')}>{t('setup.title')}</ScreenHeading>
      <p className="lead">{t('setup.intro')}</p>
      <form ref={form} className="card form" noValidate onSubmit={submit}>
        <FormAlert message={alert} />
        <TextField
          label={t('setup.displayName')}
          hint={t('setup.displayNameHint')}
          error={errors.displayName}
          autoComplete="name"
          maxLength={FIELD_LIMITS.displayName}
          value={values.displayName}
          onChange={set('displayName')}
        />
        <TextField
          label={t('setup.email')}
          error={errors.email}
          type="email"
          autoComplete="email"
          value={values.email}
          onChange={set('email')}
        />
        <TextField
          label={t('setup.password')}
          hint={t('setup.passwordHint', { min: FIELD_LIMITS.passwordMin })}
          error={errors.password}
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={set('password')}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('setup.submit')}
        </button>
      </form>
    </Page>
  );
}
