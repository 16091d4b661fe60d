/** Opens the realtime session of a document for as long as the component is mounted. */
import { useEffect, useState } from 'react';
import type { AwarenessUser } from '../../../shared/src/index';
import { openCollabSession, type CollabSession } from './session';

export function useCollabSession(documentId: string | null, localUser: AwarenessUser): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null);
  const { id, name, color, role } = localUser;
  useEffect(() => {
    if (!documentId) return;
    const opened = openCollabSession(documentId, { id, name, color, role });
    setSession(opened);
    return () => {
      setSession(null);
      opened.destroy();
    };
  }, [documentId, id, name, color, role]);
  return session;
}
