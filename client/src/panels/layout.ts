/** Where the side panel goes (beside the text on wide screens, a sheet below) and what is remembered. */
import { useCallback, useState, useSyncExternalStore } from 'react';

/** 1100 px at the default font size; in rem so that zooming in switches to the sheet. */
const WIDE_QUERY = '(min-width: 68.75rem)';

export function useWideScreen(): boolean {
  return useSyncExternalStore(
    (changed) => {
      const query = window.matchMedia(WIDE_QUERY);
      query.addEventListener('change', changed);
      return () => query.removeEventListener('change', changed);
    },
    () => window.matchMedia(WIDE_QUERY).matches,
  );
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private browsing or a full quota: the choice lasts for this visit only.
  }
}

/** A choice remembered on this device, from a fixed set of values. */
export function useRemembered<T extends string>(key: string, values: readonly T[], fallback: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => {
    const stored = read(key);
    return values.includes(stored as T) ? (stored as T) : fallback;
  });
  const set = useCallback(
    (next: T) => {
      write(key, next);
      setValue(next);
    },
    [key],
  );
  return [value, set];
}
