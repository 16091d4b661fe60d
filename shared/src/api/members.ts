import { z } from 'zod';
import { FIELD_LIMITS } from '../limits';
import { PerspectiveSchema, RoleSchema } from '../domain/roles';
import { PermissionSchema } from '../domain/permissions';
import { DisplayNameSchema, EmailSchema, PasswordSchema, UserSchema } from './auth';

export const CreateInvitationRequestSchema = z
  .object({
    role: RoleSchema,
    /** Defaults to owner for the person receiving care in a care trajectory, editor otherwise. */
    permission: PermissionSchema.optional(),
    /** How many people may join with this invitation (default: unlimited until it expires). */
    maxUses: z.number().int().min(1, 'An invitation must allow at least one use.').max(500).optional(),
    /** Lifetime in hours (default 7 days, at most 90 days). */
    expiresInHours: z.number().int().min(1).max(24 * 90).optional(),
  })
  .strict();
export type CreateInvitationRequest = z.infer<typeof CreateInvitationRequestSchema>;

export const InvitationSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  role: RoleSchema,
  permission: PermissionSchema,
  maxUses: z.number().nullable(),
  uses: z.number(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type Invitation = z.infer<typeof InvitationSchema>;

/** Returned once at creation: the secret link and the short code are never shown again. */
export const CreatedInvitationSchema = InvitationSchema.extend({
  token: z.string(),
  url: z.string(),
  /** A short code to read aloud or print, e.g. "K7QM-3WXP". */
  code: z.string(),
});
export type CreatedInvitation = z.infer<typeof CreatedInvitationSchema>;

export const InvitationListSchema = z.object({ invitations: z.array(InvitationSchema) });

/** What the join page shows before accepting (no secret, no member list). */
export const InvitationPreviewSchema = z.object({
  workspaceName: z.string(),
  inviterName: z.string(),
  inviterLanguage: z.enum(['fr', 'en']).nullable(),
  role: RoleSchema,
  permission: PermissionSchema,
});
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;

export const AcceptInvitationRequestSchema = z
  .object({
    displayName: DisplayNameSchema,
  })
  .strict();
export type AcceptInvitationRequest = z.infer<typeof AcceptInvitationRequestSchema>;

export const MembershipDetailSchema = z.object({
  workspaceId: z.string(),
  role: RoleSchema,
  permission: PermissionSchema,
});

export const AcceptInvitationResponseSchema = z.object({
  token: z.string(),
  user: UserSchema,
  membership: MembershipDetailSchema,
});
export type AcceptInvitationResponse = z.infer<typeof AcceptInvitationResponseSchema>;

export const MemberSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  color: z.string(),
  role: RoleSchema,
  perspective: PerspectiveSchema,
  permission: PermissionSchema,
  joinedAt: z.string(),
  lastSeenAt: z.string().nullable(),
});
export type Member = z.infer<typeof MemberSchema>;
export const MemberListSchema = z.object({ members: z.array(MemberSchema) });

export const UpdateMemberRequestSchema = z
  .object({ role: RoleSchema.optional(), permission: PermissionSchema.optional() })
  .strict()
  .refine((v) => v.role !== undefined || v.permission !== undefined, 'Give a new role or a new permission.');
export type UpdateMemberRequest = z.infer<typeof UpdateMemberRequestSchema>;

export const AUDIT_KINDS = [
  'workspace_created',
  'invited',
  'invitation_revoked',
  'joined',
  'member_changed',
  'member_removed',
  'member_left',
  'document_renamed',
  'document_archived',
  'document_unarchived',
  'document_trashed',
  'document_restored',
  'document_purged',
  'document_moved',
  'document_access_changed',
  'recovery_issued',
  'recovery_used',
  // Privacy and retention (docs/privacy.md).
  'member_erased',
  'workspace_closed',
  'workspace_reopened',
  'retention_changed',
  // Workspace archives (ADR 0007).
  'workspace_exported',
  'workspace_imported',
] as const;
export const AuditEventSchema = z.object({
  id: z.number(),
  workspaceId: z.string(),
  kind: z.enum(AUDIT_KINDS),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  subjectId: z.string().nullable(),
  subjectName: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  at: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;
export const AuditLogSchema = z.object({ events: z.array(AuditEventSchema) });

export const SetCredentialsRequestSchema = z
  .object({
    email: EmailSchema,
    password: PasswordSchema,
    /** Required when the account already has a password. */
    currentPassword: z.string().max(FIELD_LIMITS.passwordMax).optional(),
  })
  .strict();
export type SetCredentialsRequest = z.infer<typeof SetCredentialsRequestSchema>;
