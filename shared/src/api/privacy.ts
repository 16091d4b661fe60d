/**
 * Bodies of the privacy and operations routes (docs/api.md "Privacy and data rights",
 * docs/privacy.md): the access log, "my data", erasure, retention of closed workspaces, the
 * demo workspace and readiness.
 */
import { z } from 'zod';
import { FIELD_LIMITS } from '../limits';
import { PermissionSchema } from '../domain/permissions';
import { PerspectiveSchema, RoleSchema } from '../domain/roles';
import { LanguageSchema } from './auth';

/**
 * How a document was opened: `live` a realtime connection (the editor), `details` its page's
 * details (`GET /api/documents/:id`), `export` a download, `version` an earlier version or a
 * comparison with it.
 */
export const ACCESS_CHANNELS = ['live', 'details', 'export', 'version'] as const;
export const AccessChannelSchema = z.enum(ACCESS_CHANNELS);
export type AccessChannel = z.infer<typeof AccessChannelSchema>;

export const AccessLogEntrySchema = z.object({
  id: z.number(),
  documentId: z.string(),
  userId: z.string(),
  /** The current name, or the pseudonym of a person whose account was erased. */
  displayName: z.string(),
  /** The role and permission the person held when they opened the document. */
  role: RoleSchema,
  perspective: PerspectiveSchema,
  permission: PermissionSchema,
  via: AccessChannelSchema,
  at: z.string(),
});
export type AccessLogEntry = z.infer<typeof AccessLogEntrySchema>;

/** `GET /api/documents/:id/access-log`: newest first. */
export const AccessLogSchema = z.object({ documentId: z.string(), entries: z.array(AccessLogEntrySchema) });
export type AccessLog = z.infer<typeof AccessLogSchema>;

export const MY_DATA_FORMATS = ['json', 'html'] as const;
export const MyDataFormatSchema = z.enum(MY_DATA_FORMATS);

/** `DELETE /api/me`: erasure cannot be undone, so it needs an explicit confirmation. */
export const EraseMeRequestSchema = z
  .object({
    confirm: z.literal(true, { error: 'confirm must be true: erasing your account cannot be undone.' }),
    /** Required when the account has a password, so that a borrowed session cannot erase it. */
    password: z.string().max(FIELD_LIMITS.passwordMax).optional(),
  })
  .strict();
export type EraseMeRequest = z.infer<typeof EraseMeRequestSchema>;

export const ErasedSchema = z.object({ erased: z.literal(true), pseudonym: z.string() });
export type Erased = z.infer<typeof ErasedSchema>;

/** `PATCH /api/workspaces/:id` (owners). `retentionDays: null` keeps a closed workspace. */
export const UpdateWorkspaceRequestSchema = z
  .object({
    closed: z.boolean().optional(),
    retentionDays: z.number().int().min(1, 'retentionDays must be at least 1.').max(36_500, 'retentionDays must be at most 36500 (100 years).').nullable().optional(),
  })
  .strict()
  .refine((value) => value.closed !== undefined || value.retentionDays !== undefined, { message: 'Send closed, retentionDays or both.' });
export type UpdateWorkspaceRequest = z.infer<typeof UpdateWorkspaceRequestSchema>;

export const WorkspaceRetentionSchema = z.object({
  workspaceId: z.string(),
  closedAt: z.string().nullable(),
  retentionDays: z.number().nullable(),
  /** When the sweep deletes the workspace: only for a closed workspace with a retention period. */
  deleteAfter: z.string().nullable(),
});
export type WorkspaceRetention = z.infer<typeof WorkspaceRetentionSchema>;

/** `POST /api/demo` */
export const DemoRequestSchema = z.object({ language: LanguageSchema }).strict();
export type DemoRequest = z.infer<typeof DemoRequestSchema>;

export const DemoWorkspaceSchema = z.object({
  workspaceId: z.string(),
  name: z.string(),
  documents: z.array(z.object({ id: z.string(), title: z.string(), template: z.string() })),
  decisions: z.number(),
});
export type DemoWorkspace = z.infer<typeof DemoWorkspaceSchema>;

export const ReadyResponseSchema = z.object({ ready: z.literal(true) });
export type ReadyResponse = z.infer<typeof ReadyResponseSchema>;

const iso = z.string();

/** `GET /api/me/data?format=json`: everything Ensemble holds about the caller (docs/privacy.md). */
export const MyDataSchema = z.object({
  format: z.literal('ensemble-my-data/1'),
  generatedAt: iso,
  profile: z.object({
    id: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    color: z.string(),
    language: LanguageSchema.nullable(),
    createdAt: iso,
    hasPassword: z.boolean(),
  }),
  sessions: z.array(z.object({ createdAt: iso, expiresAt: iso, lastUsedAt: iso.nullable(), sharedDevice: z.boolean() })),
  memberships: z.array(
    z.object({ workspaceId: z.string(), workspaceName: z.string(), role: RoleSchema, perspective: PerspectiveSchema, permission: PermissionSchema, joinedAt: iso, lastSeenAt: iso.nullable() }),
  ),
  /** Documents the caller wrote in. Text only for documents they can still open. */
  contributions: z.array(
    z.object({
      documentId: z.string(),
      /** Null when the caller can no longer open the document. */
      title: z.string().nullable(),
      canOpen: z.boolean(),
      updates: z.number(),
      sessions: z.number(),
      currentChars: z.number(),
      insertedChars: z.number(),
      deletedChars: z.number(),
      /** The passages of the current text that the caller wrote; null when they cannot open the document. */
      textYouWrote: z.array(z.string()).nullable(),
    }),
  ),
  /** Decision-log entries the caller wrote; `payload` (their words) only where they can open the document. */
  decisionEntries: z.array(
    z.object({ entryId: z.string(), documentId: z.string(), decisionId: z.string(), kind: z.string(), role: RoleSchema, at: iso, payload: z.unknown().nullable() }),
  ),
  /** Comments the caller wrote, with their latest text where they can still open the document. */
  comments: z.array(z.object({ commentId: z.string(), documentId: z.string(), threadId: z.string(), isReply: z.boolean(), role: RoleSchema, at: iso, body: z.string().nullable() })),
  /** Audit events about the caller; details only where the caller is the subject. */
  auditEvents: z.array(
    z.object({ workspaceId: z.string(), kind: z.string(), you: z.enum(['subject', 'actor', 'actor-and-subject']), at: iso, details: z.record(z.string(), z.unknown()).nullable() }),
  ),
  /** When the caller opened documents. */
  documentsYouOpened: z.array(z.object({ documentId: z.string(), role: RoleSchema, via: AccessChannelSchema, at: iso })),
  /** Where the caller is the person receiving care: who else opened the workspace's documents. */
  openingsOfYourCareDocuments: z.array(AccessLogEntrySchema),
  /** Workshop ideas the caller posted; their text only while they are still in the workspace. */
  workshopIdeas: z.array(z.object({ workshopId: z.string(), cardId: z.string(), role: RoleSchema, at: iso, text: z.string().nullable() })),
  /** Dots the caller placed on ideas. */
  workshopVotes: z.array(z.object({ workshopId: z.string(), cardId: z.string(), role: RoleSchema, dots: z.number() })),
  /** How the caller said they felt when a workshop opened or closed. */
  workshopCheckins: z.array(z.object({ workshopId: z.string(), phase: z.string(), mood: z.string().nullable(), word: z.string().nullable(), at: iso })),
  /** The last time the caller had each document open (for "changed since your last visit"). */
  documentVisits: z.array(z.object({ documentId: z.string(), lastSeenAt: iso })),
});
export type MyData = z.infer<typeof MyDataSchema>;
