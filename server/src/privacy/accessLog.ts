/**
 * The access log: every opening of a document (a live connection, its details, an export, an
 * earlier version) with who, when and in which role. Health services owe the person receiving
 * care an answer to "who consulted my file?" (Québec's Law 25, GDPR art. 15), so the log is
 * shown to them and to the workspace's owners, and to nobody else.
 */
import { perspectiveOf, type AccessChannel, type AccessLog, type AccessLogEntry } from '../../../shared/src/index';
import { AppError, notFound } from '../errors';
import type { Store } from '../storage/store';
import type { Clock } from '../util/ids';
import type { DocumentAccess, WorkspaceService } from '../workspaces/workspaceService';
import type { AccessLogRecord, PrivacyStore } from './privacyStore';

const MAX_ENTRIES = 1000;

export class AccessLogService {
  constructor(
    private readonly store: Store,
    private readonly privacy: PrivacyStore,
    private readonly workspaces: WorkspaceService,
    private readonly clock: Clock,
  ) {}

  /** Records an opening the gate has just allowed. */
  async record(userId: string, access: DocumentAccess, via: AccessChannel): Promise<void> {
    await this.privacy.recordOpening({
      documentId: access.document.id,
      userId,
      role: access.membership.role,
      permission: access.permission,
      via,
      at: this.clock.now(),
    });
  }

  /** Records an opening through a route that has already answered successfully. */
  async recordFor(userId: string, documentId: string, via: AccessChannel): Promise<void> {
    const access = await this.workspaces.documentAccess(userId, documentId);
    if (access) await this.record(userId, access, via);
  }

  async list(actorId: string, documentId: string): Promise<AccessLog> {
    const access = await this.workspaces.documentAccess(actorId, documentId);
    if (!access) throw notFound('This document');
    if (!mayReadAccessLog(access)) {
      throw new AppError('forbidden', 'Only the person receiving care and the owners of this workspace can see who opened this document.');
    }
    return { documentId, entries: await this.named(await this.privacy.listOpenings(documentId, MAX_ENTRIES)) };
  }

  /** Turns records into entries with each person's current name (or pseudonym). */
  async named(records: AccessLogRecord[]): Promise<AccessLogEntry[]> {
    const names = new Map<string, string>();
    for (const id of new Set(records.map((r) => r.userId))) names.set(id, (await this.store.getUser(id))?.displayName ?? '');
    return records.map((r) => ({
      id: r.id,
      documentId: r.documentId,
      userId: r.userId,
      displayName: names.get(r.userId) ?? '',
      role: r.role,
      perspective: perspectiveOf(r.role),
      permission: r.permission,
      via: r.via,
      at: new Date(r.at).toISOString(),
    }));
  }
}

/** Workspace owners, and members whose role is the person receiving care. */
export function mayReadAccessLog(access: Pick<DocumentAccess, 'membership'>): boolean {
  return access.membership.permission === 'owner' || access.membership.role === 'person';
}
