/**
 * Loads data for a screen; `reload()` fetches again. Stale answers are ignored. After a change
 * that other parts of the screen show (a document renamed from its top bar), `refreshScreenData()`
 * fetches every mounted load again; the old data stays shown until the new answer arrives.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';

export type Load<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed'; error: unknown };

let screenVersion = 0;
const screenListeners = new Set<() => void>();

export function refreshScreenData(): void {
  screenVersion += 1;
  for (const listener of screenListeners) listener();
}

function subscribeScreen(listener: () => void): () => void {
  screenListeners.add(listener);
  return () => screenListeners.delete(listener);
}

export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Load<T> & { reload: () => void } {
  const [state, setState] = useState<Load<T>>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const screen = useSyncExternalStore(subscribeScreen, () => screenVersion);
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setState({ status: 'ready', data }),
      (error: unknown) => current && setState({ status: 'failed', error }),
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure on every render; the caller's deps say when it really changes.
  }, [...deps, version, screen]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, reload };
}
