/**
 * Workspaces and their documents. Every read checks membership: a non-member gets the same
 * "not found" as for something that does not exist.
 */
import {
  TEMPLATE_IDS,
  type CreateDocumentRequest,
  type CreateWorkspaceRequest,
  type CreatedDocument,
  type CreatedWorkspace,
  type DocumentInfo,
  type DocumentSummary,
  type Role,
  type Workspace,
  type WorkspacePurpose,
} from '../../../shared/src/index';
import { AppError, notFound } from '../errors';
import type { DocumentRecord, MembershipRecord, Store } from '../storage/store';
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
}

export class WorkspaceService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
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

  async listDocuments(userId: string, workspaceId: string): Promise<DocumentSummary[]> {
    await this.requireMembership(userId, workspaceId);
    return (await this.store.listDocuments(workspaceId)).map(toSummary);
  }

  async createDocument(userId: string, workspaceId: string, request: CreateDocumentRequest): Promise<CreatedDocument> {
    const membership = await this.requireMembership(userId, workspaceId);
    if (membership.permission !== 'owner' && membership.permission !== 'editor') {
      throw new AppError('forbidden', 'Only owners and editors can create documents in this workspace.');
    }
    const template = request.template ?? null;
    if (template !== null && !(TEMPLATE_IDS as readonly string[]).includes(template)) {
      throw new AppError('validation_failed', `Unknown template "${template}". Known templates: ${TEMPLATE_IDS.join(', ')}.`);
    }
    const now = this.clock.now();
    const id = newId();
    await this.store.createDocument({ id, workspaceId, title: request.title, template, createdAt: now, updatedAt: now });
    return { id, title: request.title };
  }

  /** The document and the caller's membership of its workspace, or null (indistinguishable cases). */
  async documentAccess(userId: string, documentId: string): Promise<DocumentAccess | null> {
    const document = await this.store.getDocument(documentId);
    if (!document) return null;
    const membership = await this.store.getMembership(document.workspaceId, userId);
    return membership ? { document, membership } : null;
  }

  async documentInfo(userId: string, documentId: string): Promise<DocumentInfo> {
    const access = await this.documentAccess(userId, documentId);
    if (!access) throw notFound('This document');
    const workspace = await this.store.getWorkspace(access.document.workspaceId);
    return { ...toSummary(access.document), workspaceName: workspace?.name ?? '', permission: access.membership.permission, role: access.membership.role };
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
  };
}
