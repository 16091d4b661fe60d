/**
 * The frame of every screen: a skip link, a banner (brand, navigation, language, account) and
 * the main landmark. The document screen passes its own banner.
 */
import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../auth/SessionProvider';
import { Link, paths } from '../router';
import { LanguageSwitch } from './LanguageSwitch';
import { errorMessage } from './errorMessage';

export function SkipLink() {
  const { t } = useI18n();
  return (
    <a className="skip-link" href="#main">
      {t('skip.toMain')}
    </a>
  );
}

function AppHeader() {
  const { t } = useI18n();
  const { state, signOut } = useSession();
  const [signOutError, setSignOutError] = useState<string | null>(null);
  const signedIn = state.status === 'signedIn';
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <p className="brand">
          <Link to="/" className="brand__link">
            <span className="brand__mark" aria-hidden="true" />
            {t('app.name')}
          </Link>
        </p>
        {signedIn && (
          <nav aria-label={t('nav.label')} className="app-header__nav">
            <Link to="/">{t('nav.home')}</Link>
          </nav>
        )}
        <div className="app-header__tools">
          <LanguageSwitch />
          {signedIn && (
            <div className="account">
              <span className="account__name">{t('account.signedInAs', { name: state.me.user.displayName })}</span>
              <Link to={paths.profile()} className="account__profile">
                {t('account.profile')}
              </Link>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => signOut().catch((error: unknown) => setSignOutError(errorMessage(error, t)))}
              >
                {t('account.signOut')}
              </button>
            </div>
          )}
        </div>
      </div>
      {signOutError && (
        <p role="alert" className="alert alert--error app-header__alert">
          {signOutError}
        </p>
      )}
    </header>
  );
}

export function Page({ children, header, width = 'wide' }: { children: ReactNode; header?: ReactNode; width?: 'narrow' | 'wide' }) {
  return (
    <>
      <SkipLink />
      {header ?? <AppHeader />}
      <main id="main" tabIndex={-1} className={`main main--${width}`}>
        {children}
      </main>
    </>
  );
}
