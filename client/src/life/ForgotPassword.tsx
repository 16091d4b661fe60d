/**
 * "Forgot your password?" under the sign-in form, only when the server can send email
 * (`emailReset` of GET /api/setup). The person gives their address; the answer is always the
 * same, whether or not an account uses it. The emailed link opens the recovery screen.
 */
import { useRef, useState, type FormEvent } from 'react';
import { api } from '../api';
import { checkEmail } from '../auth/validate';
import { useI18n } from '../i18n/I18nProvider';
import { TextField } from '../ui/Field';
import { FormAlert, StatusNote, focusFirstInvalid } from '../ui/FormAlert';
import { errorMessage } from '../ui/errorMessage';
import { useLoad } from '../ui/useLoad';
import { lifeApi } from './lifeApi';

export function ForgotPassword({ initialEmail }: { initialEmail: string }) {
  const { t } = useI18n();
  const status = useLoad(() => api.getSetupStatus(), []);
  const [open, setOpen] = useState(false);
  if (status.status !== 'ready' || !status.data.emailReset) return null;
  return (
    <div className="forgot-password">
      <button type="button" className="button button--quiet" aria-expanded={open} aria-controls="forgot-password-form" onClick={() => setOpen((o) => !o)}>
        {t('life.forgot.question')}
      </button>
      {open && <ForgotPasswordForm initialEmail={initialEmail} />}
    </div>
  );
}

function ForgotPasswordForm({ initialEmail }: { initialEmail: string }) {
  const { t } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState(initialEmail);
  const [error, setError] = useState<string | undefined>();
  const [alert, setAlert] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = checkEmail(email, t);
    setError(problem);
    setSent(null);
    if (problem) {
      focusFirstInvalid(form.current);
      return;
    }
    setBusy(true);
    setAlert(null);
    try {
      await lifeApi.requestPasswordReset(email.trim());
      setSent(t('life.forgot.sent', { email: email.trim() }));
    } catch (failure) {
      setAlert(errorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form id="forgot-password-form" ref={form} className="card form" noValidate onSubmit={submit} aria-label={t('life.forgot.title')}>
      <p>{t('life.forgot.intro')}</p>
      <FormAlert message={alert} />
      <TextField label={t('signin.email')} error={error} type="email" autoComplete="username" value={email} onChange={(event) => setEmail(event.target.value)} />
      <button type="submit" className="button" disabled={busy}>
        {t('life.forgot.submit')}
      </button>
      <StatusNote message={sent} />
    </form>
  );
}
