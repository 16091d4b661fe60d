import { z } from 'zod';
import { FIELD_LIMITS } from '../limits';
import { PermissionSchema } from '../domain/permissions';
import { PasswordSchema } from './auth';

export const UpdateDocumentRequestSchema = z
  .object({
    title: z.string().trim().min(1, 'Document title is required.').max(FIELD_LIMITS.documentTitle).optional(),
    archived: z.boolean().optional(),
  })
  .strict()
  .refine((v) => v.title !== undefined || v.archived !== undefined, 'Give a new title or an archived flag.');
export type UpdateDocumentRequest = z.infer<typeof UpdateDocumentRequestSchema>;

export const MoveDocumentRequestSchema = z.object({ workspaceId: z.string().min(1).max(64) }).strict();
export type MoveDocumentRequest = z.infer<typeof MoveDocumentRequestSchema>;

export const PurgeDocumentRequestSchema = z
  .object({ confirmTitle: z.string().max(FIELD_LIMITS.documentTitle) })
  .strict();
export type PurgeDocumentRequest = z.infer<typeof PurgeDocumentRequestSchema>;

export const TrashEntrySchema = z.object({ id: z.string(), title: z.string(), trashedAt: z.string(), purgeAfter: z.string() });
export const TrashListSchema = z.object({ documents: z.array(TrashEntrySchema) });

export const DocumentAccessListSchema = z.object({
  restricted: z.boolean(),
  /** Per-person permissions on this document (on a restricted document: the only people who may open it). */
  people: z.array(z.object({ userId: z.string(), permission: PermissionSchema })).max(500),
});
export type DocumentAccessList = z.infer<typeof DocumentAccessListSchema>;
export const SetDocumentAccessRequestSchema = DocumentAccessListSchema.strict();

/**
 * Owners: the workspace's documents that do not simply follow workspace permissions (restricted,
 * or with someone's own permission), each with its access list. Documents the caller cannot open
 * are left out, as everywhere else.
 */
export const WorkspaceAccessOverviewSchema = z.object({
  documents: z.array(DocumentAccessListSchema.extend({ id: z.string(), title: z.string(), archived: z.boolean() })),
});
export type WorkspaceAccessOverview = z.infer<typeof WorkspaceAccessOverviewSchema>;

export const NameVersionRequestSchema = z
  .object({ name: z.string().trim().min(1, 'Give the version a name.').max(200, 'A version name must be at most 200 characters.') })
  .strict();
export type NameVersionRequest = z.infer<typeof NameVersionRequestSchema>;

export const SignoffRequestSchema = z
  .object({ signers: z.array(z.string().min(1).max(64)).min(1, 'Ask at least one person.').max(50), message: z.string().max(2000).optional() })
  .strict();
export type SignoffRequest = z.infer<typeof SignoffRequestSchema>;

export const SignoffAnswerSchema = z
  .object({ answer: z.enum(['approve', 'decline']), comment: z.string().trim().max(2000).optional() })
  .strict();
export type SignoffAnswer = z.infer<typeof SignoffAnswerSchema>;

export const SignerStatusSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  status: z.enum(['asked', 'approved', 'declined']),
  comment: z.string().nullable(),
  at: z.string().nullable(),
});

export const NamedVersionSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  seq: z.number(),
  name: z.string(),
  contentHash: z.string(),
  createdBy: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
  signers: z.array(SignerStatusSchema),
  /** Every signer asked has approved. */
  approved: z.boolean(),
});
export type NamedVersion = z.infer<typeof NamedVersionSchema>;

export const NamedVersionListSchema = z.object({
  versions: z.array(NamedVersionSchema),
  /** The latest fully approved version, and whether the text has changed since. */
  approval: z
    .object({ versionId: z.string(), name: z.string(), approvedAt: z.string(), changedSince: z.boolean() })
    .nullable(),
  chain: z.object({ ok: z.boolean(), entries: z.number(), brokenAt: z.number().optional() }),
});
export type NamedVersionList = z.infer<typeof NamedVersionListSchema>;

export const RecoveryLinkSchema = z.object({ url: z.string(), token: z.string(), expiresAt: z.string() });
export const UseRecoveryRequestSchema = z.object({ password: PasswordSchema.optional() }).strict();
export type UseRecoveryRequest = z.infer<typeof UseRecoveryRequestSchema>;
