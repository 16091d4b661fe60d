/**
 * The workspace's members, for "expressed by". Loaded once per open document, and only when a
 * goal's controls are shown (most documents have no goal; readers never need the list). The editor knows its document id (the
 * room name); the workspace id comes from the document.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Member } from '../../../../shared/src/index';
import { api } from '../../api';

type MemberLoader = () => Promise<Member[]>;

const GoalMembersContext = createContext<MemberLoader>(() => Promise.resolve([]));

export function GoalMembersProvider({ documentId, children }: { documentId: string; children: ReactNode }) {
  const load = useMemo(() => {
    let pending: Promise<Member[]> | null = null;
    return () => {
      pending ??= api
        .getDocument(documentId)
        .then((document) => api.listMembers(document.workspaceId))
        .then((list) => list.members)
        .catch((error: unknown) => {
          pending = null; // try again next time
          throw error;
        });
      return pending;
    };
  }, [documentId]);
  return <GoalMembersContext.Provider value={load}>{children}</GoalMembersContext.Provider>;
}

export type MembersState = { status: 'loading' } | { status: 'ready'; members: Member[] } | { status: 'failed' };

/** Loads the members when a goal's controls appear (read-only views never ask). */
export function useGoalMembers(): MembersState {
  const load = useContext(GoalMembersContext);
  const [state, setState] = useState<MembersState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    load().then(
      (members) => current && setState({ status: 'ready', members }),
      () => current && setState({ status: 'failed' }),
    );
    return () => {
      current = false;
    };
  }, [load]);
  return state;
}
