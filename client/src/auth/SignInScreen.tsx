/** Sign in with email and password; the server sets the HttpOnly session cookie. */
import { useRef, useState, type FormEvent } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n/I18nProvider';
import { Link, paths } from '../router';
import { Page } from '../ui/Page';
import { ScreenHeading } from '../ui/ScreenHeading';
import { TextField } from '../ui/Field';
import { FormAlert, focusFirstInvalid } from '../ui/FormAlert';
import { errorMessage } from '../ui/errorMessage';
import { useSession } from './SessionProvider';
import { checkEmail, checkPassword, hasErrors, type FieldErrors } from './validate';
import { rememberSharedDevice } from '../life/deviceData';
import { ForgotPassword } from '../life/ForgotPassword';

type SignInField = 'email' | 'password';

export function SignInScreen() {
  const { t } = useI18n();
  const { state, completeSignIn } = useSession();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors<SignInField>>({});
  const notice = state.status === 'signedOut' && state.notice ? t(state.notice) : null;
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sharedDevice, setSharedDevice] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors<SignInField> = {
      email: checkEmail(values.email, t),
      password: checkPassword(values.password, t),
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
      await api.login({ email: values.email.trim(), password: values.password, ...(sharedDevice && { sharedDevice: true }) });
      rememberSharedDevice(sharedDevice);
      await completeSignIn();
    } catch (error) {
      setBusy(false);
      setAlert(errorMessage(error, t, 'signin'));
    }
  };

  return (
    <Page width="narrow">
      <ScreenHeading pageTitle={t('signin.pageTitle')}>{t('signin.title')}</ScreenHeading>
      <p className="lead">{t('signin.intro')}</p>
      <form ref={form} className="card form" noValidate onSubmit={submit}>
        <FormAlert message={alert ?? notice} />
        <TextField
          label={t('signin.email')}
          error={errors.email}
          type="email"
          autoComplete="username"
          value={values.email}
          onChange={(event) => setValues((v) => ({ ...v, email: event.target.value }))}
        />
        <TextField
          label={t('signin.password')}
          error={errors.password}
          type="password"
          autoComplete="current-password"
          value={values.password}
          onChange={(event) => setValues((v) => ({ ...v, password: event.target.value }))}
        />
        <div className="checkbox-field">
          <input
            id="signin-shared-device"
            type="checkbox"
            checked={sharedDevice}
            aria-describedby="signin-shared-device-hint"
            onChange={(event) => setSharedDevice(event.target.checked)}
          />
          <label htmlFor="signin-shared-device">{t('life.signin.shared')}</label>
          <p id="signin-shared-device-hint" className="field__hint">
            {t('life.signin.sharedHint')}
          </p>
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('signin.submit')}
        </button>
      </form>
      <ForgotPassword initialEmail={values.email} />
      <p className="signin__code">
        {t('signin.codeQuestion')} <Link to={paths.join()}>{t('signin.codeLink')}</Link>
      </p>
    </Page>
  );
}
