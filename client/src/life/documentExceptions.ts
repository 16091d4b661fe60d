/** Where a member's access to a document differs from their permission in the workspace. */
import type { Member, Permission, WorkspaceAccessOverview } from '../../../shared/src/index';

export interface DocumentException {
  documentId: string;
  title: string;
  archived: boolean;
  /** Their permission on this document; null when they cannot open it. */
  permission: Permission | null;
}

/**
 * An entry on a document's list is their permission there; without one, a restricted document
 * is closed to them and any other follows the workspace. Only the differences are returned.
 */
export function exceptionsFor(overview: WorkspaceAccessOverview, member: Pick<Member, 'userId' | 'permission'>): DocumentException[] {
  const found: DocumentException[] = [];
  for (const doc of overview.documents) {
    const entry = doc.people.find((p) => p.userId === member.userId);
    const permission = entry ? entry.permission : doc.restricted ? null : member.permission;
    if (permission !== member.permission) found.push({ documentId: doc.id, title: doc.title, archived: doc.archived, permission });
  }
  return found;
}
