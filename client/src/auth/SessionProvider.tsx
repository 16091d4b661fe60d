/**
 * Who is signed in. Boot order: GET /api/setup (first run?), then GET /api/me. The account's
 * language, when set, wins over the device's at sign-in; a switch is saved to both.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Language, MeResponse, User } from '../../../shared/src/index';
import { api, ApiRequestError } from '../api';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/catalog';
import { clearDeviceData } from '../life/deviceData';

export type SessionState =
  | { status: 'loading' }
  | { status: 'unreachable' }
  | { status: 'needsSetup' }
  | { status: 'signedOut'; notice?: MessageKey }
  | { status: 'signedIn'; me: MeResponse };

interface SessionValue {
  state: SessionState;
  /** Call after a successful setup or login: loads the caller and applies their language. */
  completeSignIn: () => Promise<void>;
  signOut: () => Promise<void>;
  /** Ends every session of the account (all devices), then shows sign-in with a notice. */
  signOutEverywhere: () => Promise<void>;
  /** Replaces the signed-in user after a profile change, so the header and screens follow. */
  updateUser: (user: User) => void;
  /** Show the sign-in screen with a notice, e.g. the server said the session is gone (401, 4401). */
  requireSignIn: (notice?: MessageKey) => void;
  changeLanguage: (language: Language) => void;
  retry: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const { language, setLanguage } = useI18n();
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  const adoptAccountLanguage = useCallback(
    (me: MeResponse) => {
      if (me.user.language) setLanguage(me.user.language);
      else void api.updateMe({ language }).catch(() => undefined);
    },
    [language, setLanguage],
  );

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const { needsSetup } = await api.getSetupStatus();
        if (cancelled) return;
        if (needsSetup) return setState({ status: 'needsSetup' });
        const me = await api.getMe();
        if (cancelled) return;
        if (me.user.language) setLanguage(me.user.language);
        setState({ status: 'signedIn', me });
      } catch (error) {
        if (cancelled) return;
        if (error instanceof ApiRequestError && error.code === 'unauthenticated') setState({ status: 'signedOut' });
        else setState({ status: 'unreachable' });
      }
    })();
    return () => {
      cancelled = true;
    };
    // Runs once per boot attempt; language changes must not re-run it.
  }, [attempt]);

  const completeSignIn = useCallback(async () => {
    const me = await api.getMe();
    adoptAccountLanguage(me);
    setState({ status: 'signedIn', me });
  }, [adoptAccountLanguage]);

  const signOut = useCallback(async () => {
    await api.logout().catch((error: unknown) => {
      // Already signed out on the server is fine; anything else is worth telling.
      if (!(error instanceof ApiRequestError && error.code === 'unauthenticated')) throw error;
    });
    // The offline copies always; on a shared device, everything this browser kept.
    await clearDeviceData();
    setState({ status: 'signedOut' });
  }, []);

  const signOutEverywhere = useCallback(async () => {
    await api.logoutEverywhere();
    await clearDeviceData();
    setState({ status: 'signedOut', notice: 'profile.signedOutEverywhere' });
  }, []);

  const updateUser = useCallback(
    (user: User) => setState((current) => (current.status === 'signedIn' ? { status: 'signedIn', me: { ...current.me, user } } : current)),
    [],
  );

  const requireSignIn = useCallback(
    (notice: MessageKey = 'error.sessionEnded') => setState({ status: 'signedOut', notice }),
    [],
  );

  const changeLanguage = useCallback(
    (next: Language) => {
      setLanguage(next);
      if (state.status === 'signedIn') void api.updateMe({ language: next }).catch(() => undefined);
    },
    [setLanguage, state.status],
  );

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(
    () => ({ state, completeSignIn, signOut, signOutEverywhere, updateUser, requireSignIn, changeLanguage, retry }),
    [state, completeSignIn, signOut, signOutEverywhere, updateUser, requireSignIn, changeLanguage, retry],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in caller; only for screens rendered behind the sign-in gate. */
export function useMe(): MeResponse {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useMe used while signed out');
  return state.me;
}
