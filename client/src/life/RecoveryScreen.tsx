/**
 * `/recover/:token`: the page a recovery link opens. It signs the person back in as the same
 * member (their name, workspaces and contributions stay theirs), optionally with a new password
 * for accounts that had an email address, then goes home. The link works once. A link asked for
 * by email ("Forgot your password?", `?reset=1`) is for choosing a new password: the field is
 * there from the start and required.
 */
import { useRef, useState, type FormEvent } from 'react';
import { FIELD_LIMITS } from '../../../shared/src/index';
import { ApiRequestError } from '../api';
import { useSession } from '../auth/SessionProvider';
import { checkNewPassword } from '../auth/validate';
import { useI18n } from '../i18n/I18nProvider';
import { navigate, paths, useLocation } from '../router';
import { TextField } from '../ui/Field';
import { FormAlert, focusFirstInvalid } from '../ui/FormAlert';
import { Page } from '../ui/Page';
import { ScreenHeading } from '../ui/ScreenHeading';
import { errorMessage } from '../ui/errorMessage';
import { clearDeviceData } from './deviceData';
import { lifeApi } from './lifeApi';
import './life.css';

export function RecoveryScreen({ token }: { token: string }) {
  const { t } = useI18n();
  const { completeSignIn } = useSession();
  const form = useRef<HTMLFormElement>(null);
  const reset = new URLSearchParams(useLocation().search).get('reset') === '1';
  const [newPassword, setNewPassword] = useState(reset);
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | undefined>();
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = newPassword ? checkNewPassword(password, t) : undefined;
    setPasswordError(problem);
    if (problem) {
      setAlert(t('error.fixFields'));
      focusFirstInvalid(form.current);
      return;
    }
    setBusy(true);
    setAlert(null);
    try {
      await lifeApi.useRecovery(token, newPassword ? { password } : {});
      // Whoever used this browser before must not leave their copies to the person coming back.
      await clearDeviceData();
      await completeSignIn();
      navigate(paths.home(), { replace: true });
    } catch (error) {
      setBusy(false);
      setAlert(recoveryError(error));
    }
  };

  const recoveryError = (error: unknown): string => {
    if (!(error instanceof ApiRequestError)) return errorMessage(error, t);
    if (error.code === 'not_found') return t(reset ? 'life.recover.resetInvalid' : 'life.recover.invalid');
    if (error.code === 'validation_failed' && newPassword) return t('life.recover.noEmail');
    return errorMessage(error, t);
  };

  return (
    <Page width="narrow">
      <ScreenHeading pageTitle={t('life.recover.pageTitle')}>{t(reset ? 'life.recover.resetTitle' : 'life.recover.title')}</ScreenHeading>
      <p className="lead">{t(reset ? 'life.recover.resetIntro' : 'life.recover.intro')}</p>
      <form ref={form} className="card form" noValidate onSubmit={submit} aria-label={t(reset ? 'life.recover.resetTitle' : 'life.recover.title')}>
        <FormAlert message={alert} />
        {!reset && (
          <div className="checkbox-field">
            <input id="recover-new-password" type="checkbox" checked={newPassword} onChange={(event) => setNewPassword(event.target.checked)} aria-describedby="recover-new-password-hint" />
            <label htmlFor="recover-new-password">{t('life.recover.newPassword')}</label>
            <p id="recover-new-password-hint" className="field__hint">
              {t('life.recover.newPasswordHint')}
            </p>
          </div>
        )}
        {newPassword && (
          <TextField
            label={t(reset ? 'life.recover.resetPassword' : 'credentials.password')}
            hint={t('setup.passwordHint', { min: FIELD_LIMITS.passwordMin })}
            error={passwordError}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        )}
        <button type="submit" className="button button--primary" disabled={busy}>
          {t(reset ? 'life.recover.resetSubmit' : 'life.recover.submit')}
        </button>
      </form>
    </Page>
  );
}
