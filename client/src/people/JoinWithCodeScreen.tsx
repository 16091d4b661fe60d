/**
 * "Join with a code" (`/join`): for the short code read aloud or printed (K7QM-3WXP). The code is
 * checked first, so a typo is explained next to the field; then the join page opens.
 */
import { useRef, useState, type FormEvent } from 'react';
import { api, ApiRequestError } from '../api';
import { useSession } from '../auth/SessionProvider';
import { useI18n } from '../i18n/I18nProvider';
import { Link, navigate, paths } from '../router';
import { TextField } from '../ui/Field';
import { FormAlert, focusFirstInvalid } from '../ui/FormAlert';
import { Page } from '../ui/Page';
import { ScreenHeading } from '../ui/ScreenHeading';
import { errorMessage } from '../ui/errorMessage';

const CODE_LENGTH = 8;

/** People type codes as they hear them: case, spaces and dashes do not matter (as on the server). */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export function JoinWithCodeScreen() {
  const { t } = useI18n();
  const { state } = useSession();
  const form = useRef<HTMLFormElement>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | undefined>();
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refuse = (message: string) => {
    setCodeError(message);
    setAlert(message);
    focusFirstInvalid(form.current);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const cleaned = normalizeCode(code);
    if (cleaned.length === 0) return refuse(t('joinCode.required'));
    if (cleaned.length !== CODE_LENGTH || !/^[A-Z0-9]+$/.test(cleaned)) return refuse(t('joinCode.malformed'));
    setBusy(true);
    setCodeError(undefined);
    setAlert(null);
    try {
      await api.previewInvitation(cleaned);
      navigate(paths.join(`${cleaned.slice(0, 4)}-${cleaned.slice(4)}`));
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiRequestError && error.code === 'not_found') refuse(t('joinCode.notFound'));
      else setAlert(errorMessage(error, t));
    }
  };

  return (
    <Page width="narrow">
      <ScreenHeading pageTitle={t('joinCode.pageTitle')}>{t('joinCode.title')}</ScreenHeading>
      <p className="lead">{t('joinCode.intro')}</p>
      <form ref={form} className="card form" noValidate onSubmit={submit}>
        <FormAlert message={alert} />
        <TextField
          label={t('joinCode.label')}
          hint={t('joinCode.hint')}
          error={codeError}
          className="field__control field__control--code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={20}
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('joinCode.submit')}
        </button>
      </form>
      {state.status !== 'signedIn' && (
        <p>
          <Link to={paths.signin()}>{t('joinCode.signIn')}</Link>
        </p>
      )}
    </Page>
  );
}
