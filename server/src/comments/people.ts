/**
 * Names and roles of the people comments, rounds and suggestions mention, resolved once per
 * answer. Former members keep their name (their user row stays, even erased, as a pseudonym).
 */
import type { PersonRef } from '../../../shared/src/index';
import { personRef, type PeopleDirectory } from '../decisions/decisionView';
import type { Store } from '../storage/store';

export async function loadPeople(store: Store, workspaceId: string, ids: Iterable<string>): Promise<PeopleDirectory> {
  const names = new Map<string, string>();
  const currentRoles: PeopleDirectory['currentRoles'] = new Map();
  for (const m of await store.listMembers(workspaceId)) {
    names.set(m.userId, m.displayName);
    currentRoles.set(m.userId, m.role);
  }
  for (const id of new Set(ids)) {
    if (names.has(id)) continue;
    const user = await store.getUser(id);
    if (user) names.set(id, user.displayName);
  }
  return { names, currentRoles };
}

/** A person as shown beside a record; `roleAtTheTime` wins over their current role. */
export function person(people: PeopleDirectory, userId: string, roleAtTheTime?: string | null): PersonRef {
  return personRef(people, userId, roleAtTheTime);
}
