/**
 * Workspaces and their documents. Every read checks membership: a non-member gets the same
 * "not found" as for something that does not exist.
 */
import {
  TEMPLATE_IDS,
  isTemplateId,
  type CreateDocumentRequest,
  type CreateWorkspaceRequest,
  type CreatedDocument,
  type CreatedWorkspace,
  type DocumentInfo,
  type DocumentSummary,
  type Permission,
  type Role,
  type Workspace,
  type WorkspacePurpose,
} from '../../../shared/src/index';
import { AppError, notFound } from '../errors';
import type { LifecycleStore } from '../documents/lifecycleStore';
import type { DocumentRecord, MembershipRecord, Store } from '../storage/store';
import { templateUpdate } from '../templates/templateContent';
import { newId, type Clock } from '../util/ids';

const DEFAULT_CREATOR_ROLE: Record<WorkspacePurpose, Role> = {
  'care-trajectory': 'person',
  committee: 'facilitator',
  'workshop-series': 'facilitator',
  other: 'facilitator',
};

export interface DocumentAccess {
  document: DocumentRecord;
  membership: MembershipRecord;
  /**
   * The caller's permission on this document: from its access list when it has an entry for
   * them, else their workspace permission; never more than viewer while archived.
   */
  permission: Permission;
}

export class WorkspaceService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly lifecycle: Pick<LifecycleStore, 'accessList'> | null = null,
  ) {}

  async createWorkspace(userId: string, request: CreateWorkspaceRequest): Promise<CreatedWorkspace> {
    const purpose = request.purpose ?? 'other';
    const now = this.clock.now();
    const id = newId();
    await this.store.createWorkspace(
      { id, name: request.name, purpose, createdAt: now, createdBy: userId },
      { workspaceId: id, userId, role: request.role ?? DEFAULT_CREATOR_ROLE[purpose], permission: 'owner', createdAt: now },
    );
    return { id, name: request.name, purpose };
  }

  async listWorkspaces(userId: string): Promise<Workspace[]> {
    const rows = await this.store.listWorkspacesOf(userId);
    return rows.map((w) => ({
      id: w.id,
      name: w.name,
      purpose: w.purpose,
      createdAt: new Date(w.createdAt).toISOString(),
      role: w.membership.role,
      permission: w.membership.permission,
    }));
  }

  async getWorkspace(userId: string, workspaceId: string): Promise<Workspace> {
    const membership = await this.requireMembership(userId, workspaceId);
    const workspace = await this.store.getWorkspace(workspaceId);
    if (!workspace) throw notFound('This workspace');
    return {
      id: workspace.id,
      name: workspace.name,
      purpose: workspace.purpose,
      createdAt: new Date(workspace.createdAt).toISOString(),
      role: membership.role,
      permission: membership.permission,
    };
  }

  async requireMembership(userId: string, workspaceId: string): Promise<MembershipRecord> {
    const membership = await this.store.getMembership(workspaceId, userId);
    if (!membership) throw notFound('This workspace');
    return membership;
  }

  /** The documents the caller may open; archived ones only when asked for. */
  async listDocuments(userId: string, workspaceId: string, options: { includeArchived?: boolean } = {}): Promise<DocumentSummary[]> {
    const membership = await this.requireMembership(userId, workspaceId);
    const visible: DocumentSummary[] = [];
    for (const document of await this.store.listDocuments(workspaceId)) {
      if (document.trashedAt || (document.archivedAt && !options.includeArchived)) continue;
      const access = await this.accessFor(document, membership, userId);
      if (access) visible.push(toSummary(document));
    }
    return visible;
  }

  async createDocument(userId: string, workspaceId: string, request: CreateDocumentRequest): Promise<CreatedDocument> {
    const membership = await this.requireMembership(userId, workspaceId);
    if (membership.permission !== 'owner' && membership.permission !== 'editor') {
      throw new AppError('forbidden', 'Only owners and editors can create documents in this workspace.');
    }
    const template = request.template ?? null;
    if (template !== null && !isTemplateId(template)) {
      throw new AppError('validation_failed', `Unknown template "${template}". Known templates: ${TEMPLATE_IDS.join(', ')}.`);
    }
    const language = request.language ?? (await this.store.getUser(userId))?.language ?? 'en';
    const content = template === null ? null : templateUpdate(template, language, { newGoalId: newId });
    const now = this.clock.now();
    const id = newId();
    await this.store.createDocument({ id, workspaceId, title: request.title, template, createdAt: now, updatedAt: now });
    // The room is not loaded before the document exists, so writing straight to the log is safe;
    // the template's client id is bound to the creator like any client id they write under.
    if (content) {
      await this.store.appendUpdates([{ documentId: id, memberId: userId, update: content.update, time: now, bindClients: [content.clientId] }]);
    }
    return { id, title: request.title };
  }

  /** The document and the caller's membership of its workspace, or null (indistinguishable cases). */
  /**
   * The one gate to a document, used by every route and socket: null (shown as "not found")
   * when it does not exist, is purged or in the trash, or when the caller is not a member or
   * not on its access list.
   */
  async documentAccess(userId: string, documentId: string, options: { includeTrashed?: boolean } = {}): Promise<DocumentAccess | null> {
    const document = await this.store.getDocument(documentId);
    if (!document || document.purgedAt || (document.trashedAt && !options.includeTrashed)) return null;
    const membership = await this.store.getMembership(document.workspaceId, userId);
    return membership ? this.accessFor(document, membership, userId) : null;
  }

  private async accessFor(document: DocumentRecord, membership: MembershipRecord, userId: string): Promise<DocumentAccess | null> {
    if (document.purgedAt) return null;
    const entries = this.lifecycle ? await this.lifecycle.accessList(document.id) : [];
    const entry = entries.find((e) => e.userId === userId);
    if (document.restricted && !entry) return null;
    let permission: Permission = entry?.permission ?? membership.permission;
    if (document.archivedAt && permission !== 'viewer') permission = 'viewer';
    return { document, membership, permission };
  }

  async documentInfo(userId: string, documentId: string): Promise<DocumentInfo> {
    const access = await this.documentAccess(userId, documentId);
    if (!access) throw notFound('This document');
    const workspace = await this.store.getWorkspace(access.document.workspaceId);
    return { ...toSummary(access.document), workspaceName: workspace?.name ?? '', permission: access.permission, role: access.membership.role };
  }
}

function toSummary(d: DocumentRecord): DocumentSummary {
  return {
    id: d.id,
    workspaceId: d.workspaceId,
    title: d.title,
    template: d.template,
    createdAt: new Date(d.createdAt).toISOString(),
    updatedAt: new Date(d.updatedAt).toISOString(),
    archived: d.archivedAt !== null && d.archivedAt !== undefined,
    restricted: Boolean(d.restricted),
  };
}
