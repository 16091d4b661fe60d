/**
 * Maps Yjs client ids to people with `GET /api/documents/:id/authorship` (the server's
 * bindings). A client id it does not know yet (someone just started typing) makes it ask
 * again, at most once every few seconds.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AuthorshipResponse } from '../../../../shared/src/index';
import { useI18n } from '../../i18n/I18nProvider';
import { perspectiveKey, roleKey } from '../../i18n/labels';
import { panelsApi } from '../../panels/panelsApi';
import { safeColor } from '../../ui/color';
import { useRefetchSoon } from '../useRefetchSoon';
import type { AuthorInfo } from './authorshipPlugin';

export interface Authors {
  /** Everyone who wrote in the document, for the legend. */
  people: AuthorInfo[];
  authorOf: (client: number) => AuthorInfo | null;
  failed: boolean;
}

export function useAuthors(documentId: string, active: boolean): Authors {
  const { t } = useI18n();
  const [answer, setAnswer] = useState<AuthorshipResponse | null>(null);
  const [failed, setFailed] = useState(false);
  const load = useCallback(() => {
    panelsApi.authorship(documentId).then(
      (next) => {
        setAnswer(next);
        setFailed(false);
      },
      () => setFailed(true),
    );
  }, [documentId]);
  const { fetchNow, askSoon: askAgainSoon, cancel } = useRefetchSoon(load);

  useEffect(() => {
    if (active) fetchNow();
    return cancel;
  }, [active, fetchNow, cancel]);

  return useMemo(() => {
    const people = new Map<string, AuthorInfo>();
    for (const person of answer?.people ?? []) {
      const role = t(roleKey(person.role));
      people.set(person.userId, {
        userId: person.userId,
        name: person.displayName || t('common.someone'),
        roleLabel: person.perspective ? `${role} · ${t(perspectiveKey(person.perspective))}` : role,
        perspective: person.perspective,
        color: safeColor(person.color),
      });
    }
    const byClient = new Map((answer?.clients ?? []).map((c) => [c.clientId, c.userId]));
    const authorOf = (client: number): AuthorInfo | null => {
      const userId = byClient.get(client);
      if (userId === undefined) {
        askAgainSoon();
        return null;
      }
      return people.get(userId) ?? null;
    };
    return { people: [...people.values()], authorOf, failed };
  }, [answer, failed, t, askAgainSoon]);
}
