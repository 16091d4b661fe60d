/**
 * Moves focus to `target` once a list has been reloaded after a change that removed the focused
 * row (trashed, archived, restored, deleted). Waiting for the new data, rather than a frame,
 * lets any dialog hand focus back to its opener first.
 */
import { useEffect, useRef, type RefObject } from 'react';

export function useFocusAfterReload(target: RefObject<HTMLElement | null>, data: unknown): () => void {
  const pending = useRef(false);
  useEffect(() => {
    if (!pending.current || data === null) return;
    pending.current = false;
    target.current?.focus();
  }, [data, target]);
  return () => {
    pending.current = true;
  };
}
