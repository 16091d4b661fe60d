/**
 * Names of the people behind suggestions. A mark holds only the author's user id, so names come
 * from `GET /api/documents/:id/suggestions` (which also names former members). A suggestion by
 * someone not known yet (it just arrived) makes it ask again, at most once every few seconds.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { SuggestionListSchema } from '../../../../shared/src/index';
import { request } from '../../api';
import { useRefetchSoon } from '../useRefetchSoon';

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
  const live = useRef(true);

  const load = useCallback(() => {
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
  const { fetchNow, askSoon, cancel } = useRefetchSoon(load);

  useEffect(() => {
    live.current = true;
    fetchNow();
    return () => {
      live.current = false;
      cancel();
    };
  }, [fetchNow, cancel]);

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
