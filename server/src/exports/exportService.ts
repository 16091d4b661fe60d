/**
 * Exports a document, for members only (a non-member gets the same 404 as for a document that
 * does not exist). The content is read from durable storage, so an export shows exactly what
 * has been saved, whether or not the document is open somewhere.
 */
import type { ExportFormat, Language } from '../../../shared/src/index';
import { loadStoredDoc, readContent } from '../content/documentState';
import { AppError, notFound } from '../errors';
import type { Store } from '../storage/store';
import type { Clock } from '../util/ids';
import type { WorkspaceService } from '../workspaces/workspaceService';
import { exportFileName, type ExportInput } from './exportModel';
import { toFhirBundle } from './fhir/bundle';
import { goalAuthorship } from './fhir/goalAuthors';
import { BundleSchema } from './fhir/schema';
import { toHtml } from './html';
import { toMarkdown } from './markdown';

export interface ExportFile {
  contentType: string;
  /** `inline` for the print page (it opens in a tab, ready to print), `attachment` otherwise. */
  disposition: 'inline' | 'attachment';
  fileName: string;
  body: string;
}

export class ExportService {
  constructor(
    private readonly store: Store,
    private readonly workspaces: WorkspaceService,
    private readonly clock: Clock,
  ) {}

  async exportDocument(userId: string, documentId: string, format: ExportFormat, language: Language): Promise<ExportFile> {
    const access = await this.workspaces.documentAccess(userId, documentId);
    if (!access) throw notFound('This document');
    const { document } = access;
    if (format === 'fhir' && document.template !== 'care-trajectory') {
      throw new AppError(
        'bad_request',
        'The FHIR export is only for care trajectories (documents created from the care-trajectory template). Export this document as Markdown or HTML instead.',
      );
    }
    const [doc, workspace, members] = await Promise.all([
      loadStoredDoc(this.store, documentId),
      this.store.getWorkspace(document.workspaceId),
      this.store.listMembers(document.workspaceId),
    ]);
    try {
      const input: ExportInput = {
        documentId,
        title: document.title,
        template: document.template,
        workspaceName: workspace?.name ?? '',
        language,
        exportedAt: this.clock.now(),
        createdAt: document.createdAt,
        nodes: readContent(doc),
        members: members.map((m) => ({ userId: m.userId, displayName: m.displayName, role: m.role })),
      };
      switch (format) {
        case 'markdown':
          return file('text/markdown; charset=utf-8', 'attachment', exportFileName(document.title, input.exportedAt, 'md'), toMarkdown(input));
        case 'html':
          return file('text/html; charset=utf-8', 'inline', exportFileName(document.title, input.exportedAt, 'html'), toHtml(input));
        case 'fhir': {
          const log = await this.store.readUpdates(documentId, 1);
          const bundle = toFhirBundle({
            ...input,
            goalAuthors: goalAuthorship(doc, log),
            contributorIds: [...new Set(log.map((entry) => entry.memberId))],
          });
          // Never hand another system a bundle that breaks the FHIR rules we checked it against.
          const checked = BundleSchema.safeParse(bundle);
          if (!checked.success) throw new Error(`FHIR bundle failed its schema: ${checked.error.issues[0]?.message ?? 'unknown'}`);
          const body = JSON.stringify(checked.data, null, 2);
          return file('application/fhir+json; charset=utf-8', 'attachment', exportFileName(document.title, input.exportedAt, 'fhir.json'), body);
        }
      }
    } finally {
      doc.destroy();
    }
  }
}

function file(contentType: string, disposition: ExportFile['disposition'], fileName: string, body: string): ExportFile {
  return { contentType, disposition, fileName, body };
}
