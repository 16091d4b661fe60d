/**
 * The join page (`/join/<token or code>`): who invited you, to what, in which role, and one
 * field, your name. It speaks the inviter's language unless this device already chose one.
 * Accepting signs the person in (a new account without email or password, or the current one)
 * and opens the workspace.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { FIELD_LIMITS, perspectiveOf, type InvitationPreview, type Language } from '../../../shared/src/index';
import { api, ApiRequestError } from '../api';
import { useSession } from '../auth/SessionProvider';
import { checkDisplayName } from '../auth/validate';
import { useI18n } from '../i18n/I18nProvider';
import { hasChosenLanguage } from '../i18n/language';
import { lowerFirst, permissionExplanationKey, permissionKey, roleExplanationKey, roleKey, upperFirst } from '../i18n/labels';
import { navigate, paths } from '../router';
import { TextField } from '../ui/Field';
import { FormAlert, focusFirstInvalid } from '../ui/FormAlert';
import { LoadFailure, Loading } from '../ui/LoadFailure';
import { Page } from '../ui/Page';
import { ScreenHeading } from '../ui/ScreenHeading';
import { errorMessage } from '../ui/errorMessage';
import { useLoad } from '../ui/useLoad';
import { InvitationUnavailable } from './InvitationUnavailable';
import { PerspectiveBadge } from './PerspectiveBadge';

/** Shows the page in the inviter's language, without making it this device's remembered choice. */
function useInviterLanguage(inviterLanguage: Language | null) {
  const { setLanguage } = useI18n();
  useEffect(() => {
    if (inviterLanguage && !hasChosenLanguage()) setLanguage(inviterLanguage, { remember: false });
  }, [inviterLanguage, setLanguage]);
}

export function JoinScreen({ invitation }: { invitation: string }) {
  const preview = useLoad(() => api.previewInvitation(invitation), [invitation]);
  useInviterLanguage(preview.status === 'ready' ? preview.data.inviterLanguage : null);
  if (preview.status === 'ready') return <JoinForm invitation={invitation} preview={preview.data} />;
  if (preview.status === 'failed' && preview.error instanceof ApiRequestError && preview.error.code === 'not_found') {
    return <InvitationUnavailable />;
  }
  return (
    <Page width="narrow">
      {preview.status === 'loading' ? <Loading /> : <LoadFailure error={preview.error} onRetry={preview.reload} />}
    </Page>
  );
}

function JoinForm({ invitation, preview }: { invitation: string; preview: InvitationPreview }) {
  const { t } = useI18n();
  const { state, completeSignIn } = useSession();
  const signedInName = state.status === 'signedIn' ? state.me.user.displayName : null;
  const form = useRef<HTMLFormElement>(null);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const role = t(roleKey(preview.role));
  const permission = t(permissionKey(preview.permission));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = signedInName ? undefined : checkDisplayName(name, t);
    setNameError(problem);
    if (problem) {
      setAlert(problem);
      focusFirstInvalid(form.current);
      return;
    }
    setBusy(true);
    setAlert(null);
    try {
      const joined = await api.acceptInvitation(invitation, { displayName: signedInName ?? name.trim() });
      await completeSignIn();
      navigate(paths.workspace(joined.membership.workspaceId), { replace: true });
    } catch (error) {
      setBusy(false);
      const unavailable = error instanceof ApiRequestError && error.code === 'not_found';
      setAlert(unavailable ? t('join.unavailableBody') : errorMessage(error, t));
    }
  };

  return (
    <Page width="narrow">
      <ScreenHeading pageTitle={t('join.pageTitle')}>{t('join.title', { workspace: preview.workspaceName })}</ScreenHeading>
      <p className="lead">
        {t('join.invitedBy', {
          inviter: preview.inviterName || t('common.someone'),
          workspace: preview.workspaceName,
          role: lowerFirst(role),
          permission,
        })}
      </p>
      <dl className="join-facts card">
        <div className="join-facts__item">
          <dt>{t('join.yourRole')}</dt>
          <dd>
            <span className="join-facts__value">{role}</span> <PerspectiveBadge perspective={perspectiveOf(preview.role)} />
            <br />
            {t(roleExplanationKey(preview.role))}
          </dd>
        </div>
        <div className="join-facts__item">
          <dt>{t('join.whatYouCanDo')}</dt>
          <dd>
            <span className="join-facts__value">{upperFirst(permission)}</span>
            <br />
            {t(permissionExplanationKey(preview.permission))}
          </dd>
        </div>
      </dl>
      <form ref={form} className="card form" noValidate onSubmit={submit}>
        <FormAlert message={alert} />
        {signedInName ? (
          <p>{t('join.signedInAs', { name: signedInName })}</p>
        ) : (
          <TextField
            label={t('join.name')}
            hint={t('join.nameHint')}
            error={nameError}
            autoComplete="name"
            maxLength={FIELD_LIMITS.displayName}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        )}
        <button type="submit" className="button button--primary" disabled={busy}>
          {signedInName ? t('join.submitAs', { name: signedInName }) : t('join.submit')}
        </button>
      </form>
    </Page>
  );
}
