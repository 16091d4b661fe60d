/**
 * Who is here, from awareness. The server stamps each state's `user` with the authenticated
 * identity, so names, colours and roles come from the server, not from the other clients.
 * One entry per person: several tabs or devices of the same account count once.
 */
import { useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { AwarenessUserSchema, type AwarenessUser } from '../../../shared/src/index';

export interface PresentPerson {
  key: string;
  user: AwarenessUser;
  isSelf: boolean;
}

const PartialUserSchema = AwarenessUserSchema.partial();

function readPeople(awareness: Awareness, selfId: string): PresentPerson[] {
  const people = new Map<string, PresentPerson>();
  for (const [clientId, state] of awareness.getStates()) {
    const parsed = PartialUserSchema.safeParse((state as { user?: unknown }).user);
    if (!parsed.success || !parsed.data.name) continue;
    const user: AwarenessUser = {
      id: parsed.data.id ?? `client-${clientId}`,
      name: parsed.data.name,
      color: parsed.data.color ?? '#5b6b70',
      role: parsed.data.role ?? null,
    };
    const isSelf = clientId === awareness.clientID || user.id === selfId;
    const existing = people.get(user.id);
    if (!existing || (clientId === awareness.clientID && !existing.isSelf)) {
      people.set(user.id, { key: user.id, user, isSelf });
    }
  }
  return [...people.values()].sort((a, b) =>
    a.isSelf !== b.isSelf ? (a.isSelf ? -1 : 1) : a.user.name.localeCompare(b.user.name),
  );
}

const caches = new WeakMap<Awareness, { key: string; people: PresentPerson[] }>();

export function usePresence(awareness: Awareness, selfId: string): PresentPerson[] {
  return useSyncExternalStore(
    (listener) => {
      awareness.on('change', listener);
      return () => awareness.off('change', listener);
    },
    () => {
      const people = readPeople(awareness, selfId);
      const key = JSON.stringify(people);
      const cached = caches.get(awareness);
      if (cached && cached.key === key) return cached.people;
      caches.set(awareness, { key, people });
      return people;
    },
  );
}
