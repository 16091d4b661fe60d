/**
 * Retention of closed workspaces: owners close a workspace when the collaboration ends and set
 * how many days it is kept; a background sweep then deletes it with everything in it. Health
 * records must not be kept longer than needed (Law 25 s. 23, GDPR art. 5(1)(e)), and the
 * institution, not the software, decides how long that is.
 */
import { CLOSE_CODES, type UpdateWorkspaceRequest, type WorkspaceRetention } from '../../../shared/src/index';
import { AppError, notFound } from '../errors';
import type { Logger } from '../log';
import type { NewAuditEvent, Store } from '../storage/store';
import type { ConnectionMatch } from '../sync/roomManager';
import type { Clock } from '../util/ids';
import type { PrivacyStore, RetentionRecord } from './privacyStore';

const DAY_MS = 86_400_000;

/** What the sweep needs from the rooms (RoomManager's public methods). */
export interface LiveRooms {
  isLoaded(documentId: string): boolean;
  disconnect(match: ConnectionMatch, code: number, reason: string): number;
}

export class RetentionService {
  constructor(
    private readonly store: Store,
    private readonly privacy: PrivacyStore,
    private readonly rooms: LiveRooms,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  async get(actorId: string, workspaceId: string): Promise<WorkspaceRetention> {
    if (!(await this.store.getMembership(workspaceId, actorId))) throw notFound('This workspace');
    return this.view(await this.require(workspaceId));
  }

  async update(actorId: string, workspaceId: string, request: UpdateWorkspaceRequest): Promise<WorkspaceRetention> {
    const membership = await this.store.getMembership(workspaceId, actorId);
    if (!membership) throw notFound('This workspace');
    if (membership.permission !== 'owner') throw new AppError('forbidden', 'Only the owners of this workspace can close it or set how long it is kept.');
    const before = await this.require(workspaceId);
    const now = this.clock.now();
    const patch: { closedAt?: number | null; retentionDays?: number | null } = {};
    const audit: NewAuditEvent[] = [];
    const event = (kind: NewAuditEvent['kind'], details: Record<string, unknown>) => audit.push({ workspaceId, kind, actorId, subjectId: null, details, at: now });
    if (request.closed === true && before.closedAt === null) {
      patch.closedAt = now;
      event('workspace_closed', {});
    } else if (request.closed === false && before.closedAt !== null) {
      patch.closedAt = null;
      event('workspace_reopened', {});
    }
    if (request.retentionDays !== undefined && request.retentionDays !== before.retentionDays) {
      patch.retentionDays = request.retentionDays;
      event('retention_changed', { before: before.retentionDays, after: request.retentionDays });
    }
    const after = await this.privacy.setRetention(workspaceId, patch, audit);
    if (!after) throw notFound('This workspace');
    return this.view(after);
  }

  /**
   * Deletes every closed workspace whose retention period has ended. A workspace with a room
   * still loaded is disconnected now and deleted at a later sweep, once its rooms have unloaded,
   * so nothing is appended or checkpointed into a document while it is deleted.
   */
  async sweep(): Promise<number> {
    let deleted = 0;
    for (const workspaceId of await this.privacy.expiredWorkspaces(this.clock.now())) {
      const documents = new Set((await this.store.listDocuments(workspaceId)).map((d) => d.id));
      // A room still loaded (someone there, or left moments ago) would write a checkpoint into a
      // deleted document: wait for the next sweep.
      if ([...documents].some((id) => this.rooms.isLoaded(id))) {
        this.rooms.disconnect((documentId) => documents.has(documentId), CLOSE_CODES.accessEnded, 'This workspace has reached the end of its retention period.');
        continue;
      }
      const result = await this.privacy.deleteWorkspace(workspaceId);
      deleted++;
      // Ids and counts only: a workspace's name can say whose care it is.
      this.log.info('workspace_deleted_by_retention', { workspaceId, documents: result.documents });
    }
    return deleted;
  }

  private async require(workspaceId: string): Promise<RetentionRecord> {
    const record = await this.privacy.getRetention(workspaceId);
    if (!record) throw notFound('This workspace');
    return record;
  }

  private view(r: RetentionRecord): WorkspaceRetention {
    const deleteAfter = r.closedAt !== null && r.retentionDays !== null ? new Date(r.closedAt + r.retentionDays * DAY_MS).toISOString() : null;
    return {
      workspaceId: r.workspaceId,
      closedAt: r.closedAt === null ? null : new Date(r.closedAt).toISOString(),
      retentionDays: r.retentionDays,
      deleteAfter,
    };
  }
}
