/** The signed-in person's own page: how others see them, how they sign in, signing out everywhere. */
import { useState } from 'react';
import { useMe, useSession } from '../auth/SessionProvider';
import { useI18n } from '../i18n/I18nProvider';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Page } from '../ui/Page';
import { ScreenHeading } from '../ui/ScreenHeading';
import { errorMessage } from '../ui/errorMessage';
import { CredentialsForm } from './CredentialsForm';
import { ProfileForm } from './ProfileForm';
import { PrivacySections } from '../privacy/PrivacySections';
import './profile.css';

export function ProfileScreen() {
  const { t } = useI18n();
  return (
    <Page>
      <ScreenHeading pageTitle={t('profile.pageTitle')}>{t('profile.title')}</ScreenHeading>
      <p className="lead">{t('profile.intro')}</p>
      <div className="profile">
        <ProfileForm />
        <div className="profile__aside">
          <CredentialsForm />
          <SignOutEverywhere />
        </div>
      </div>
      <PrivacySections />
    </Page>
  );
}

function SignOutEverywhere() {
  const { t } = useI18n();
  const { user } = useMe();
  const { signOutEverywhere } = useSession();
  const [confirming, setConfirming] = useState(false);
  const warning = user.email === null ? t('everywhere.noPassword') : null;

  const confirm = async (): Promise<string | null> => {
    try {
      await signOutEverywhere();
      return null;
    } catch (error) {
      return errorMessage(error, t);
    }
  };

  return (
    <section className="card" aria-labelledby="everywhere-title">
      <h2 id="everywhere-title">{t('everywhere.title')}</h2>
      <p>{t('everywhere.body')}</p>
      {warning && <p className="note note--warning">{warning}</p>}
      <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
        {t('everywhere.button')}
      </button>
      {confirming && (
        <ConfirmDialog title={t('everywhere.confirmTitle')} confirmLabel={t('everywhere.button')} onConfirm={confirm} onCancel={() => setConfirming(false)}>
          <p>{t('everywhere.body')}</p>
          {warning && <p className="note note--warning">{warning}</p>}
        </ConfirmDialog>
      )}
    </section>
  );
}
