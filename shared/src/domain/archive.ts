import { z } from 'zod';
import { LanguageSchema } from '../api/auth';
import { CheckinPhaseSchema, MoodSchema, StepKindSchema } from '../api/workshops';
import { DecisionEntryKindSchema } from './decisions';
import { PermissionSchema } from './permissions';
import { RoleSchema } from './roles';
import { WorkspacePurposeSchema } from './workspace';

/**
 * A workspace archive (ADR 0007): one JSON file that moves a workspace between installations.
 * Ids are the source installation's ids (random strings that name no one); the decision and
 * sign-off chains are carried exactly as stored so that the importing server can recompute
 * every hash before it creates anything. Binary Yjs updates are base64.
 */
export const ARCHIVE_FORMAT = 'ensemble-workspace-archive';
export const ARCHIVE_VERSION = 1;

export const ARCHIVE_MEMBER_NAMES = ['names', 'pseudonyms'] as const;
export const ArchiveMemberNamesSchema = z.enum(ARCHIVE_MEMBER_NAMES);
export type ArchiveMemberNames = z.infer<typeof ArchiveMemberNamesSchema>;

/** `POST /api/workspaces/:id/export` */
export const ExportWorkspaceRequestSchema = z.object({ members: ArchiveMemberNamesSchema }).strict();
export type ExportWorkspaceRequest = z.infer<typeof ExportWorkspaceRequestSchema>;

/** Caps on what one archive may hold, beside the byte caps of the HTTP body (limits.ts). */
export const ARCHIVE_LIMITS = {
  id: 100,
  text: 200_000,
  members: 5_000,
  documents: 2_000,
  updatesPerDocument: 1_000_000,
  entriesPerDocument: 100_000,
  workshops: 1_000,
} as const;

const id = z.string().min(1).max(ARCHIVE_LIMITS.id);
const text = z.string().max(ARCHIVE_LIMITS.text);
const time = z.number().int().min(0);
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max);

export const ArchiveMemberSchema = z.object({
  id,
  displayName: z.string().min(1).max(200),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  /** Null for people referenced by the content who were no longer members at export. */
  role: RoleSchema.nullable(),
  permission: PermissionSchema.nullable(),
  joinedAt: time.nullable(),
});
export type ArchiveMember = z.infer<typeof ArchiveMemberSchema>;

export const ArchiveUpdateSchema = z.object({ seq: z.number().int().min(1), memberId: id, time, data: base64 });

export const ArchiveDecisionEntrySchema = z.object({
  id,
  documentId: id,
  decisionId: id,
  seq: z.number().int().min(1),
  kind: DecisionEntryKindSchema,
  authorId: id,
  authorRole: RoleSchema,
  payload: text,
  prevHash: z.string().max(200),
  hash: z.string().max(200),
  createdAt: time,
});
export type ArchiveDecisionEntry = z.infer<typeof ArchiveDecisionEntrySchema>;

export const ArchiveCommentSchema = z.object({
  id,
  threadId: id,
  parentId: id.nullable(),
  authorId: id,
  authorRole: RoleSchema,
  anchor: text.nullable(),
  mentions: list(id, 200),
  roundId: id.nullable(),
  createdAt: time,
  events: list(
    z.object({ kind: z.enum(['body', 'resolved', 'reopened']), actorId: id, body: text.nullable(), at: time }),
    10_000,
  ),
});

export const ArchiveReviewRoundSchema = z.object({
  id,
  title: text,
  questions: list(text, 100),
  dueDate: z.string().max(20).nullable(),
  openedBy: id,
  openedAt: time,
  closedBy: id.nullable(),
  closedAt: time.nullable(),
  summary: text.nullable(),
  suggestions: text.nullable(),
  assignments: list(z.object({ userId: id, doneAt: time.nullable(), note: text.nullable() }), 500),
});

export const ArchiveNamedVersionSchema = z.object({ id, seq: z.number().int().min(0), name: text, contentHash: z.string().max(200), createdBy: id, createdAt: time });

export const ArchiveSignoffEntrySchema = z.object({
  id,
  documentId: id,
  seq: z.number().int().min(1),
  versionId: id,
  kind: z.enum(['requested', 'approved', 'declined']),
  actorId: id,
  payload: text,
  prevHash: z.string().max(200),
  hash: z.string().max(200),
  createdAt: time,
});
export type ArchiveSignoffEntry = z.infer<typeof ArchiveSignoffEntrySchema>;

export const ArchiveDocumentSchema = z.object({
  id,
  title: z.string().min(1).max(500),
  template: z.string().max(100).nullable(),
  createdAt: time,
  updatedAt: time,
  archivedAt: time.nullable(),
  restricted: z.boolean(),
  accessList: list(z.object({ userId: id, permission: PermissionSchema }), ARCHIVE_LIMITS.members),
  updates: list(ArchiveUpdateSchema, ARCHIVE_LIMITS.updatesPerDocument),
  bindings: list(z.object({ clientId: z.number().int().min(0), memberId: id }), ARCHIVE_LIMITS.updatesPerDocument),
  decisionEntries: list(ArchiveDecisionEntrySchema, ARCHIVE_LIMITS.entriesPerDocument),
  comments: list(ArchiveCommentSchema, ARCHIVE_LIMITS.entriesPerDocument),
  reviewRounds: list(ArchiveReviewRoundSchema, 1_000),
  namedVersions: list(ArchiveNamedVersionSchema, 10_000),
  signoffEntries: list(ArchiveSignoffEntrySchema, ARCHIVE_LIMITS.entriesPerDocument),
});
export type ArchiveDocument = z.infer<typeof ArchiveDocumentSchema>;

export const ArchiveWorkshopSchema = z.object({
  id,
  title: text,
  language: LanguageSchema,
  votesPerPerson: z.number().int().min(0).max(1_000),
  allowAuthorshipReveal: z.boolean(),
  status: z.enum(['open', 'closed']),
  currentStepId: id,
  authorshipRevealed: z.boolean(),
  votesRevealed: z.boolean(),
  summaryDocumentId: id.nullable(),
  createdBy: id,
  createdAt: time,
  facilitatorIds: list(id, 100),
  steps: list(z.object({ id, kind: StepKindSchema, title: text, durationMs: z.number().int().min(0) }), 200),
  columns: list(z.object({ id, prompt: text }), 200),
  themes: list(z.object({ id, name: text, createdAt: time }), 2_000),
  cards: list(
    z.object({ id, columnId: id, authorId: id, authorRole: RoleSchema, text, themeId: id.nullable(), revealedAt: time.nullable(), createdAt: time }),
    50_000,
  ),
  votes: list(z.object({ cardId: id, voterId: id, voterRole: RoleSchema, dots: z.number().int().min(1) }), 200_000),
  checkins: list(z.object({ userId: id, phase: CheckinPhaseSchema, mood: MoodSchema.nullable(), word: text.nullable(), at: time }), 20_000),
  outcomes: list(z.object({ id, text, createdBy: id, createdAt: time }), 2_000),
});
export type ArchiveWorkshop = z.infer<typeof ArchiveWorkshopSchema>;

/** Read first, so that an archive of another version gets a clear answer before its contents are checked. */
export const ArchiveHeaderSchema = z.object({ format: z.literal(ARCHIVE_FORMAT), version: z.number().int() });

export const WorkspaceArchiveSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  exportedAt: z.string().max(40),
  memberNames: ArchiveMemberNamesSchema,
  workspace: z.object({ name: z.string().min(1).max(500), purpose: WorkspacePurposeSchema, createdAt: time }),
  members: list(ArchiveMemberSchema, ARCHIVE_LIMITS.members),
  documents: list(ArchiveDocumentSchema, ARCHIVE_LIMITS.documents),
  workshops: list(ArchiveWorkshopSchema, ARCHIVE_LIMITS.workshops),
});
export type WorkspaceArchive = z.infer<typeof WorkspaceArchiveSchema>;

/** `POST /api/workspaces/import` answer (201). */
export const ImportedWorkspaceSchema = z.object({
  workspaceId: z.string(),
  name: z.string(),
  documents: z.number().int(),
  members: z.number().int(),
  decisionEntries: z.number().int(),
  comments: z.number().int(),
  workshops: z.number().int(),
});
export type ImportedWorkspace = z.infer<typeof ImportedWorkspaceSchema>;
