/**
 * Chooses the screen from the session and the path, and redirects where a screen does not
 * apply (first run -> setup, signed out -> sign in, signed in -> away from sign in).
 */
import { lazy, Suspense, useEffect } from 'react';
import { useSession, type SessionState } from './auth/SessionProvider';
import { SetupScreen } from './auth/SetupScreen';
import { SignInScreen } from './auth/SignInScreen';
import { useI18n } from './i18n/I18nProvider';
import { matchRoute, navigate, paths, safeNextPath, useLocation, type Route } from './router';
import { Loading } from './ui/LoadFailure';
import { Page } from './ui/Page';
import { ScreenHeading } from './ui/ScreenHeading';
import { JoinScreen } from './people/JoinScreen';
import { JoinWithCodeScreen } from './people/JoinWithCodeScreen';
import { ProfileScreen } from './profile/ProfileScreen';
import { RecoveryScreen } from './life/RecoveryScreen';
import { HomeScreen } from './workspace/HomeScreen';
import { WorkspaceScreen } from './workspace/WorkspaceScreen';

// The editor (Tiptap, Yjs) is the heaviest part; load it only when a document opens.
const DocumentScreen = lazy(() => import('./workspace/DocumentScreen').then((m) => ({ default: m.DocumentScreen })));
const WorkshopRoutes = lazy(() => import('./workshops/WorkshopRoutes').then((m) => ({ default: m.WorkshopRoutes })));

function redirectFor(state: SessionState, route: Route, pathname: string, search: string): string | null {
  switch (state.status) {
    case 'needsSetup':
      return route.name === 'setup' ? null : paths.setup();
    case 'signedOut':
      // Joining needs no account: the invitation is the way in.
      if (route.name === 'signin' || route.name === 'join' || route.name === 'recover') return null;
      return paths.signin(route.name === 'setup' || route.name === 'notFound' ? undefined : pathname + search);
    case 'signedIn':
      return route.name === 'signin' || route.name === 'setup' ? safeNextPath(search) : null;
    default:
      return null;
  }
}

function Unreachable() {
  const { t } = useI18n();
  const { retry } = useSession();
  return (
    <Page width="narrow">
      <ScreenHeading pageTitle={t('app.name')}>{t('app.name')}</ScreenHeading>
      <div role="alert" className="alert alert--error">
        <p>{t('boot.unreachable')}</p>
      </div>
      <button type="button" className="button button--primary" onClick={retry}>
        {t('common.retry')}
      </button>
    </Page>
  );
}

function NotFoundScreen() {
  const { t } = useI18n();
  return (
    <Page>
      <ScreenHeading pageTitle={t('notFound.pageTitle')}>{t('notFound.title')}</ScreenHeading>
      <p>{t('notFound.body')}</p>
    </Page>
  );
}

export function App() {
  const { state } = useSession();
  const { pathname, search } = useLocation();
  const route = matchRoute(pathname);
  const redirect = redirectFor(state, route, pathname, search);

  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true });
  }, [redirect]);

  if (state.status === 'loading' || redirect) {
    return (
      <Page width="narrow">
        <Loading />
      </Page>
    );
  }
  if (state.status === 'unreachable') return <Unreachable />;
  switch (route.name) {
    case 'setup':
      return <SetupScreen />;
    case 'signin':
      return <SignInScreen />;
    case 'home':
      return <HomeScreen />;
    case 'join':
      return route.invitation ? <JoinScreen key={route.invitation} invitation={route.invitation} /> : <JoinWithCodeScreen />;
    case 'profile':
      return <ProfileScreen />;
    case 'recover':
      return <RecoveryScreen key={route.token} token={route.token} />;
    case 'workspace':
      return <WorkspaceScreen key={route.workspaceId} workspaceId={route.workspaceId} section={route.section} />;
    case 'document':
      return (
        <Suspense fallback={<Page><Loading /></Page>}>
          <DocumentScreen key={route.documentId} documentId={route.documentId} />
        </Suspense>
      );
    case 'workshops':
    case 'workshop':
      return (
        <Suspense fallback={<Page><Loading /></Page>}>
          <WorkshopRoutes route={route} />
        </Suspense>
      );
    default:
      return <NotFoundScreen />;
  }
}
