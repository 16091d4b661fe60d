/**
 * A document's life: rename, archive (read-only, hidden from the default list), trash and
 * restore within 30 days, purge, move to another workspace, and its own access list. Every
 * change is in the workspace audit log and is applied to live connections at once. Nothing is
 * lost by one click: purging needs the document in the trash and its title typed again.
 */
import type { AccessEntry, LifecycleStore } from './lifecycleStore';
import type { DocumentAccessList, Permission, UpdateDocumentRequest, WorkspaceAccessOverview } from '../../../shared/src/index';
import { AppError, notFound } from '../errors';
import type { AuditKind, Store } from '../storage/store';
import type { Clock } from '../util/ids';
import type { DocumentAccess, WorkspaceService } from '../workspaces/workspaceService';

export const TRASH_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const iso = (ms: number) => new Date(ms).toISOString();

export interface AccessRefresher {
  refresh(documentId: string, userIds?: string[]): Promise<void>;
}

export class LifecycleService {
  constructor(
    private readonly store: Store,
    private readonly lifecycle: LifecycleStore,
    private readonly workspaces: WorkspaceService,
    private readonly live: AccessRefresher,
    private readonly clock: Clock,
    /** Tells live clients that the document's record changed (record notice `document`). */
    private readonly notify: (documentId: string) => void = () => {},
  ) {}

  async update(userId: string, documentId: string, request: UpdateDocumentRequest): Promise<void> {
    const access = await this.require(userId, documentId, ['owner', 'editor']);
    const now = this.clock.now();
    if (request.title !== undefined && request.title !== access.document.title) {
      await this.lifecycle.updateDocument(documentId, { title: request.title }, this.audit(access, userId, 'document_renamed', { from: access.document.title, to: request.title }));
      this.notify(documentId);
    }
    if (request.archived !== undefined && request.archived !== Boolean(access.document.archivedAt)) {
      const kind = request.archived ? 'document_archived' : 'document_unarchived';
      await this.lifecycle.updateDocument(documentId, { archivedAt: request.archived ? now : null }, this.audit(access, userId, kind, {}));
      await this.live.refresh(documentId);
      this.notify(documentId);
    }
  }

  async trash(userId: string, documentId: string): Promise<void> {
    const access = await this.require(userId, documentId, ['owner']);
    await this.lifecycle.updateDocument(documentId, { trashedAt: this.clock.now() }, this.audit(access, userId, 'document_trashed', {}));
    await this.live.refresh(documentId);
  }

  async restoreFromTrash(userId: string, documentId: string): Promise<void> {
    const access = await this.require(userId, documentId, ['owner'], true);
    if (!access.document.trashedAt) throw new AppError('conflict', 'This document is not in the trash.');
    await this.lifecycle.updateDocument(documentId, { trashedAt: null }, this.audit(access, userId, 'document_restored', {}));
  }

  async purge(userId: string, documentId: string, confirmTitle: string): Promise<void> {
    const access = await this.require(userId, documentId, ['owner'], true);
    if (!access.document.trashedAt) throw new AppError('conflict', 'Put the document in the trash before deleting it for good.');
    if (confirmTitle.trim() !== access.document.title) throw new AppError('validation_failed', 'Type the exact title of the document to delete it for good.');
    await this.lifecycle.purgeContent(documentId, this.clock.now(), this.audit(access, userId, 'document_purged', { title: access.document.title }));
  }

  async listTrash(userId: string, workspaceId: string) {
    const membership = await this.workspaces.requireMembership(userId, workspaceId);
    if (membership.permission !== 'owner') throw new AppError('forbidden', 'Only owners can see the trash.');
    const documents = await this.lifecycle.listTrash(workspaceId);
    return documents.map((d) => ({ id: d.id, title: d.title, trashedAt: iso(d.trashedAt), purgeAfter: iso(d.trashedAt + TRASH_DAYS * DAY_MS) }));
  }

  /** Purges documents that have been in the trash longer than the grace period. */
  async sweepTrash(): Promise<number> {
    const now = this.clock.now();
    const expired = await this.lifecycle.trashedBefore(now - TRASH_DAYS * DAY_MS);
    for (const document of expired) {
      await this.lifecycle.purgeContent(document.id, now, {
        workspaceId: document.workspaceId,
        kind: 'document_purged',
        actorId: null,
        subjectId: null,
        details: { documentId: document.id, title: document.title, reason: `in the trash for more than ${TRASH_DAYS} days` },
        at: now,
      });
    }
    return expired.length;
  }

  async move(userId: string, documentId: string, targetWorkspaceId: string): Promise<void> {
    const access = await this.require(userId, documentId, ['owner']);
    const target = await this.store.getMembership(targetWorkspaceId, userId);
    if (!target) throw notFound('That workspace');
    if (target.permission !== 'owner') throw new AppError('forbidden', 'You can only move a document to a workspace you own.');
    if (targetWorkspaceId === access.document.workspaceId) return;
    const details = { from: access.document.workspaceId, to: targetWorkspaceId, title: access.document.title };
    await this.lifecycle.updateDocument(documentId, { workspaceId: targetWorkspaceId }, this.audit(access, userId, 'document_moved', details));
    await this.store.appendAudit({ workspaceId: targetWorkspaceId, kind: 'document_moved', actorId: userId, subjectId: null, details: { ...details, documentId }, at: this.clock.now() });
    // The old access list named people of the old workspace: it no longer applies.
    await this.lifecycle.setAccessList(documentId, false, [], this.audit({ ...access, document: { ...access.document, workspaceId: targetWorkspaceId } }, userId, 'document_access_changed', { reason: 'moved' }));
    await this.live.refresh(documentId);
  }

  async accessList(userId: string, documentId: string): Promise<DocumentAccessList> {
    const access = await this.require(userId, documentId, ['owner', 'editor', 'commenter', 'viewer']);
    return { restricted: Boolean(access.document.restricted), people: await this.lifecycle.accessList(documentId) };
  }

  async setAccessList(userId: string, documentId: string, list: DocumentAccessList): Promise<DocumentAccessList> {
    const access = await this.require(userId, documentId, ['owner']);
    if (access.membership.permission !== 'owner') throw new AppError('forbidden', 'Only the owners of the workspace can change who may open this document.');
    const members = new Set((await this.store.listMembers(access.document.workspaceId)).map((m) => m.userId));
    const people: AccessEntry[] = [];
    for (const entry of list.people) {
      if (!members.has(entry.userId)) throw new AppError('validation_failed', 'Everyone on the list must be a member of the workspace.');
      if (!people.some((p) => p.userId === entry.userId)) people.push({ userId: entry.userId, permission: entry.permission as Permission });
    }
    if (list.restricted && !people.some((p) => p.userId === userId)) {
      throw new AppError('validation_failed', 'Keep yourself on the list, or you would lose access to this document.');
    }
    await this.lifecycle.setAccessList(documentId, list.restricted, people, this.audit(access, userId, 'document_access_changed', { restricted: list.restricted, people: people.length }));
    await this.live.refresh(documentId);
    return { restricted: list.restricted, people };
  }

  /**
   * For the owners' People panel: the documents that do not simply follow workspace permissions,
   * with their access lists. A document the owner cannot open stays invisible here too.
   */
  async accessOverview(userId: string, workspaceId: string): Promise<WorkspaceAccessOverview> {
    const membership = await this.workspaces.requireMembership(userId, workspaceId);
    if (membership.permission !== 'owner') throw new AppError('forbidden', 'Only the owners of the workspace can see who may open each document.');
    const documents: WorkspaceAccessOverview['documents'] = [];
    for (const document of await this.store.listDocuments(workspaceId)) {
      if (document.trashedAt || document.purgedAt || !(await this.workspaces.documentAccess(userId, document.id))) continue;
      const people = await this.lifecycle.accessList(document.id);
      if (!document.restricted && people.length === 0) continue;
      documents.push({ id: document.id, title: document.title, archived: Boolean(document.archivedAt), restricted: Boolean(document.restricted), people });
    }
    return { documents };
  }

  private async require(userId: string, documentId: string, allowed: Permission[], includeTrashed = false): Promise<DocumentAccess> {
    const access = await this.workspaces.documentAccess(userId, documentId, { includeTrashed });
    if (!access) throw notFound('This document');
    // Lifecycle rights follow the workspace permission (an archived document is read-only, not unmanageable).
    if (!allowed.includes(access.membership.permission)) throw new AppError('forbidden', 'You do not have the permission to do this with this document.');
    return access;
  }

  private audit(access: DocumentAccess, actorId: string, kind: AuditKind, details: Record<string, unknown>) {
    return { workspaceId: access.document.workspaceId, kind, actorId, subjectId: null, details: { documentId: access.document.id, ...details }, at: this.clock.now() };
  }
}
