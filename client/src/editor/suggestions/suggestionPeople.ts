/**
 * Names of the people behind suggestions. A mark holds only the author's user id, so names come
 * from `GET /api/documents/:id/suggestions` (which also names former members). A suggestion by
 * someone not known yet (it just arrived) makes it ask again, at most once every few seconds.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { SuggestionListSchema } from '../../../../shared/src/index';
import { request } from '../../api';

const REFETCH_GAP_MS = 3000;

export const suggestionsApi = {
  list: (documentId: string) => request('GET', `/api/documents/${encodeURIComponent(documentId)}/suggestions`, SuggestionListSchema),
};

export interface SuggestionPeople {
  /** The person's name, or null while not known. */
  nameOf: (userId: string) => string | null;
  /** Changes whenever names arrive, so views can refresh. */
  version: number;
}

export function useSuggestionPeople(documentId: string, self: { id: string; name: string }): SuggestionPeople {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(() => new Map([[self.id, self.name]]));
  const lastFetch = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const live = useRef(true);

  const fetchNow = useCallback(() => {
    lastFetch.current = Date.now();
    suggestionsApi.list(documentId).then(
      (list) => {
        if (!live.current) return;
        setNames((previous) => {
          const next = new Map(previous);
          for (const s of list.suggestions) next.set(s.author.userId, s.author.displayName);
          return next;
        });
      },
      () => undefined,
    );
  }, [documentId]);

  useEffect(() => {
    live.current = true;
    fetchNow();
    return () => {
      live.current = false;
      clearTimeout(pending.current);
    };
  }, [fetchNow]);

  const askSoon = useCallback(() => {
    if (pending.current !== undefined) return;
    const wait = Math.max(0, lastFetch.current + REFETCH_GAP_MS - Date.now());
    pending.current = setTimeout(() => {
      pending.current = undefined;
      fetchNow();
    }, wait);
  }, [fetchNow]);

  return useMemo(
    () => ({
      nameOf: (userId: string) => {
        const name = names.get(userId);
        if (name === undefined) askSoon();
        return name ?? null;
      },
      version: names.size,
    }),
    [names, askSoon],
  );
}
