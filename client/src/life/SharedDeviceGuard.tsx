/**
 * On a shared device (a clinic tablet), nothing of one person may stay for the next. The server
 * ends such a session with the browser or after 15 idle minutes; this guard does the same on the
 * screen: it signs out after 15 minutes without a key press or a touch, and whenever the session
 * is found to be over (expired, or the browser was closed), it clears what the device kept.
 */
import { useEffect } from 'react';
import { useSession } from '../auth/SessionProvider';
import { clearDeviceData, isSharedDevice } from './deviceData';

const IDLE_MS = 15 * 60 * 1000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export function SharedDeviceGuard() {
  const { state, signOut, requireSignIn } = useSession();
  const status = state.status;

  useEffect(() => {
    if (status === 'signedOut' && isSharedDevice()) void clearDeviceData();
  }, [status]);

  useEffect(() => {
    if (status !== 'signedIn' || !isSharedDevice()) return;
    let timer = setTimeout(expire, IDLE_MS);
    function expire(): void {
      void signOut()
        .catch(() => clearDeviceData())
        .finally(() => requireSignIn('life.shared.idleEnded'));
    }
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(expire, IDLE_MS);
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, restart, { passive: true, capture: true });
    return () => {
      clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, restart, { capture: true });
    };
  }, [status, signOut, requireSignIn]);

  return null;
}
