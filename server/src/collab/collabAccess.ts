/**
 * Who may open which document's room, and with which rights: the bridge between people and
 * permissions (auth/, people/, workspaces/) and the feature-agnostic sync core.
 */
import type http from 'node:http';
import { CLOSE_CODES, canEditContent, type AwarenessUser } from '../../../shared/src/index';
import type { AuthService } from '../auth/authService';
import type { MembershipEffects } from '../people/peopleService';
import type { Store } from '../storage/store';
import type { RoomManager } from '../sync/roomManager';
import type { CollabAuthorization } from '../transport/collabSocket';
import { sessionToken } from '../transport/httpPipeline';
import { hashToken, type Clock } from '../util/ids';
import type { DocumentAccess, WorkspaceService } from '../workspaces/workspaceService';

export function collabAuthorizer(deps: {
  auth: AuthService;
  workspaces: WorkspaceService;
  store: Store;
  clock: Clock;
  allowedOrigins(req: http.IncomingMessage): Set<string>;
  /** Writes the access log entry of this opening (privacy/accessLog.ts). */
  recordOpening?(userId: string, access: DocumentAccess): Promise<void>;
}) {
  return async (req: http.IncomingMessage, documentId: string, queryToken: string | null): Promise<CollabAuthorization> => {
    const credentials = queryToken ? { token: queryToken, via: 'query' as const } : sessionToken(req);
    if (credentials?.via === 'cookie' && req.headers.origin && !deps.allowedOrigins(req).has(req.headers.origin)) {
      return { ok: false, code: CLOSE_CODES.unauthenticated, reason: 'This connection did not come from Ensemble itself.' };
    }
    const user = credentials ? await deps.auth.authenticate(credentials.token) : null;
    if (!user || !credentials) return { ok: false, code: CLOSE_CODES.unauthenticated, reason: 'Not signed in, or the session has ended.' };
    const access = await deps.workspaces.documentAccess(user.id, documentId);
    if (!access) return { ok: false, code: CLOSE_CODES.notFound, reason: 'No such document.' };
    await deps.store.touchMember(access.document.workspaceId, user.id, deps.clock.now());
    // An opening that cannot be logged is not served (1011: a server error, worth retrying).
    if (deps.recordOpening && !(await deps.recordOpening(user.id, access).then(() => true, () => false))) {
      return { ok: false, code: 1011, reason: 'The document could not be opened. Try again later.' };
    }
    const identity: AwarenessUser = { id: user.id, name: user.displayName, color: user.color, role: access.membership.role };
    return {
      ok: true,
      access: {
        memberId: user.id,
        sessionId: hashToken(credentials.token),
        canWrite: canEditContent(access.permission),
        canSuggest: access.permission === 'commenter',
        identity,
      },
    };
  };
}

/**
 * Re-checks live connections after anything that changes access (membership, a document's
 * access list, archive, trash): each connection gets the permission the gate now gives, or is
 * closed with 4403 when the gate now refuses.
 */
export class LiveAccess implements MembershipEffects {
  constructor(
    private readonly store: Store,
    private readonly workspaces: WorkspaceService,
    private readonly rooms: RoomManager,
  ) {}

  async refresh(documentId: string, userIds: string[] = this.rooms.membersOn(documentId)): Promise<void> {
    for (const userId of userIds) {
      const access = await this.workspaces.documentAccess(userId, documentId);
      const match = (doc: string, a: { memberId: string }) => doc === documentId && a.memberId === userId;
      if (!access) {
        this.rooms.disconnect(match, CLOSE_CODES.accessEnded, 'Your access to this document has ended.');
        continue;
      }
      const changed = this.rooms.updateAccess(match, { canWrite: canEditContent(access.permission), canSuggest: access.permission === 'commenter' });
      if (changed > 0) this.rooms.notify(documentId, { kind: 'access', documentId }, match);
      this.rooms.updateIdentity(match, { role: access.membership.role });
    }
  }

  async changed(workspaceId: string, userId: string): Promise<void> {
    for (const document of await this.store.listDocuments(workspaceId)) await this.refresh(document.id, [userId]);
  }

  async removed(workspaceId: string, userId: string): Promise<void> {
    const documents = new Set((await this.store.listDocuments(workspaceId)).map((d) => d.id));
    this.rooms.disconnect(
      (documentId, access) => access.memberId === userId && documents.has(documentId),
      CLOSE_CODES.accessEnded,
      'Your access to this workspace has ended.',
    );
  }
}
