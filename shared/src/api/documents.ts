import { z } from 'zod';
import { FIELD_LIMITS } from '../limits';
import { PermissionSchema } from '../domain/permissions';
import { LanguageSchema } from './auth';
import { RoleSchema } from '../domain/roles';

export const CreateDocumentRequestSchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, 'Document title is required.')
      .max(FIELD_LIMITS.documentTitle, `Document title must be at most ${FIELD_LIMITS.documentTitle} characters.`),
    /** A template id (see domain/templates.ts); checked by the service so an unknown id gets a readable 400. */
    template: z.string().max(64).optional(),
    /** Language of the template's content; defaults to the creator's language, else English. */
    language: LanguageSchema.optional(),
  })
  .strict();
export type CreateDocumentRequest = z.infer<typeof CreateDocumentRequestSchema>;

export const DocumentSummarySchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  title: z.string(),
  template: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Read-only and hidden from the default list until restored. */
  archived: z.boolean(),
  /** Open only to the people on its access list. */
  restricted: z.boolean(),
});
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;

export const DocumentListSchema = z.object({ documents: z.array(DocumentSummarySchema) });
export type DocumentList = z.infer<typeof DocumentListSchema>;

export const CreatedDocumentSchema = z.object({ id: z.string(), title: z.string() });
export type CreatedDocument = z.infer<typeof CreatedDocumentSchema>;

/** What the editor needs to open a document: its title, workspace and the caller's permission. */
export const DocumentInfoSchema = DocumentSummarySchema.extend({
  workspaceName: z.string(),
  permission: PermissionSchema,
  /** The caller's role in the document's workspace. */
  role: RoleSchema,
});
export type DocumentInfo = z.infer<typeof DocumentInfoSchema>;
