/**
 * Opens the realtime session of a document for as long as the component is mounted. If the
 * server refuses a change from this copy (close code 4422, ADR 0005), the copy (and its offline
 * copy) is discarded and the document opened again from the server; the new session says so.
 */
import { useEffect, useState } from 'react';
import type { AwarenessUser } from '../../../shared/src/index';
import { openCollabSession, type CollabSession } from './session';

/** Reopening more often than this in one visit means something keeps failing: stop instead. */
const MAX_REOPENS = 3;

export function useCollabSession(documentId: string | null, localUser: AwarenessUser): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null);
  const { id, name, color, role } = localUser;
  useEffect(() => {
    if (!documentId) return;
    const live = { current: null as CollabSession | null, closed: false, reopens: 0 };
    const open = (afterRefusal: boolean) => {
      const opened = openCollabSession(documentId, { id, name, color, role }, afterRefusal);
      live.current = opened;
      if (live.reopens < MAX_REOPENS) {
        opened.onRefused(() => {
          live.reopens += 1;
          live.current = null;
          setSession(null);
          void opened.discard().finally(() => {
            if (!live.closed) open(true);
          });
        });
      }
      setSession(opened);
    };
    open(false);
    return () => {
      live.closed = true;
      setSession(null);
      live.current?.destroy();
    };
  }, [documentId, id, name, color, role]);
  return session;
}
