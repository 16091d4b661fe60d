/**
 * Workspace export and import (ADR 0007). Export: owners only, members under their names or
 * under pseudonyms, recorded in the audit log and, per document, in the access log (an export
 * reads every document). Import: any signed-in person; the archive is checked whole before
 * anything is written, then written in one transaction as a new workspace they own.
 */
import {
  ArchiveHeaderSchema,
  ARCHIVE_VERSION,
  WorkspaceArchiveSchema,
  type ArchiveMemberNames,
  type ImportedWorkspace,
  type WorkspaceArchive,
} from '../../../shared/src/index';
import { AppError } from '../errors';
import type { Logger } from '../log';
import type { AccessLogService } from '../privacy/accessLog';
import type { UserRecord } from '../storage/store';
import { newId, type Clock } from '../util/ids';
import type { WorkspaceService } from '../workspaces/workspaceService';
import type { ArchiveStore } from './archiveStore';
import { checkArchive, refuse } from './checkArchive';
import { buildArchive, type ArchiveSources } from './exportArchive';
import { IMPORTER_ROLE, planImport } from './importPlan';

export interface ExportedArchive {
  fileName: string;
  json: string;
}

export class ArchiveService {
  constructor(
    private readonly sources: ArchiveSources,
    /** Null where the database adapter cannot import yet: import then answers 503. */
    private readonly archives: ArchiveStore | null,
    private readonly workspaces: WorkspaceService,
    private readonly accessLog: AccessLogService,
    private readonly clock: Clock,
    private readonly limits: { maxDocumentBytes: number },
    private readonly log: Logger,
  ) {}

  async exportWorkspace(user: UserRecord, workspaceId: string, memberNames: ArchiveMemberNames): Promise<ExportedArchive> {
    const membership = await this.workspaces.requireMembership(user.id, workspaceId);
    if (membership.permission !== 'owner') throw new AppError('forbidden', 'Only owners can export a workspace.');
    const now = this.clock.now();
    const archive = await buildArchive(this.sources, workspaceId, {
      memberNames,
      language: user.language ?? 'en',
      now,
      mayExport: async (document) => (await this.workspaces.documentAccess(user.id, document.id)) !== null,
    });
    for (const document of archive.documents) await this.accessLog.recordFor(user.id, document.id, 'export');
    await this.sources.store.appendAudit({
      workspaceId,
      kind: 'workspace_exported',
      actorId: user.id,
      subjectId: null,
      details: { members: memberNames, documents: archive.documents.length, workshops: archive.workshops.length },
      at: now,
    });
    this.log.info('workspace_exported', { workspaceId, documents: archive.documents.length, members: memberNames });
    const day = new Date(now).toISOString().slice(0, 10);
    return { fileName: `ensemble-workspace-${day}.json`, json: JSON.stringify(archive) };
  }

  private async distinctName(userId: string, name: string): Promise<string> {
    return nameAmong(new Set((await this.sources.store.listWorkspacesOf(userId)).map((w) => w.name)), name);
  }

  /** `raw` is the parsed JSON body; nothing is written unless all of it checks out. */
  async importWorkspace(user: UserRecord, raw: unknown): Promise<ImportedWorkspace> {
    if (!this.archives) throw new AppError('unavailable', 'Importing a workspace is not available on this installation’s database yet. Nothing was imported.');
    const archive = parseArchive(raw);
    checkArchive(archive, this.limits.maxDocumentBytes);
    const now = this.clock.now();
    const { plan, provenance } = planImport(archive, user, { now, newId });
    plan.workspace.name = await this.distinctName(user.id, plan.workspace.name);
    const workspaceId = plan.workspace.id;
    plan.audit.push(
      { workspaceId, kind: 'workspace_created', actorId: user.id, subjectId: user.id, details: { name: plan.workspace.name, purpose: plan.workspace.purpose, role: IMPORTER_ROLE }, at: now },
      {
        workspaceId,
        kind: 'workspace_imported',
        actorId: user.id,
        subjectId: null,
        details: {
          exportedAt: archive.exportedAt,
          members: archive.memberNames,
          documents: archive.documents.length,
          placeholders: plan.users.length,
          // The source chain heads (as verified) beside the new ones: provenance across the move.
          decisionChains: provenance.filter((p) => p.sourceHead !== null),
        },
        at: now,
      },
    );
    await this.archives.importWorkspace(plan);
    this.log.info('workspace_imported', { workspaceId, documents: plan.documents.length, placeholders: plan.users.length });
    return {
      workspaceId,
      name: plan.workspace.name,
      documents: plan.documents.length,
      members: plan.users.length,
      decisionEntries: plan.decisionEntries.length,
      comments: plan.comments.length,
      workshops: plan.workshops.length,
    };
  }
}

/** "Plan (2)" when the importer already has a workspace of that name (an archive imported back next to its source). */
function nameAmong(taken: Set<string>, name: string): string {
  if (!taken.has(name)) return name;
  let n = 2;
  while (taken.has(`${name} (${n})`)) n += 1;
  return `${name} (${n})`;
}

/** The header first, so that another format or version gets its own clear answer. */
function parseArchive(raw: unknown): WorkspaceArchive {
  const header = ArchiveHeaderSchema.safeParse(raw);
  if (!header.success) throw refuse('This file is not an Ensemble workspace archive.');
  if (header.data.version !== ARCHIVE_VERSION) {
    throw refuse(
      header.data.version > ARCHIVE_VERSION
        ? `This archive was made by a newer version of Ensemble (archive format ${header.data.version}); this installation reads format ${ARCHIVE_VERSION}. Update Ensemble, then import it again.`
        : `This archive uses format ${header.data.version}, which this installation no longer reads (it reads format ${ARCHIVE_VERSION}).`,
    );
  }
  const parsed = WorkspaceArchiveSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    throw refuse(`The archive is damaged or incomplete${where ? ` (at ${where}: ${issue?.message})` : ''}.`);
  }
  return parsed.data;
}
