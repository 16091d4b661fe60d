/**
 * A fetch that may be asked for again when the editor meets someone it does not know yet (a
 * client id, a suggestion's author that just arrived): `askSoon` schedules one more fetch, at
 * most once every few seconds, however often it is called meanwhile.
 */
import { useCallback, useRef } from 'react';

const REFETCH_GAP_MS = 3000;

export interface RefetchSoon {
  /** Fetches now (and starts the gap before the next one). */
  fetchNow: () => void;
  /** Fetches again once the gap after the last fetch is over, unless a fetch is already waiting. */
  askSoon: () => void;
  /** Drops the fetch that is waiting, if any (on unmount, or when the fetch stops being wanted). */
  cancel: () => void;
}

/** `load` must be stable between renders (useCallback), as `fetchNow` and `askSoon` follow it. */
export function useRefetchSoon(load: () => void): RefetchSoon {
  const lastFetch = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const fetchNow = useCallback(() => {
    lastFetch.current = Date.now();
    load();
  }, [load]);

  const askSoon = useCallback(() => {
    if (pending.current !== undefined) return;
    const wait = Math.max(0, lastFetch.current + REFETCH_GAP_MS - Date.now());
    pending.current = setTimeout(() => {
      pending.current = undefined;
      fetchNow();
    }, wait);
  }, [fetchNow]);

  const cancel = useCallback(() => {
    clearTimeout(pending.current);
    pending.current = undefined;
  }, []);

  return { fetchNow, askSoon, cancel };
}
