/** The workspaces where the caller is the only owner: erasure waits until each has another owner. */
import type { Workspace } from '../../../shared/src/index';
import { api } from '../api';

export async function soleOwnerships(): Promise<Workspace[]> {
  const { workspaces } = await api.listWorkspaces();
  const owned = workspaces.filter((w) => w.permission === 'owner');
  const checked = await Promise.all(
    owned.map(async (w) => ((await api.listMembers(w.id)).members.filter((m) => m.permission === 'owner').length <= 1 ? w : null)),
  );
  return checked.filter((w): w is Workspace => w !== null);
}
