import { z } from 'zod';
import { FIELD_LIMITS } from '../limits';
import { RoleSchema } from '../domain/roles';
import { PermissionSchema } from '../domain/permissions';

export const DisplayNameSchema = z
  .string()
  .trim()
  .min(1, 'Display name is required.')
  .max(FIELD_LIMITS.displayName, `Display name must be at most ${FIELD_LIMITS.displayName} characters.`);
export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(FIELD_LIMITS.email, 'Email address is too long.')
  .email('Email address is not valid.');
export const PasswordSchema = z
  .string()
  .min(FIELD_LIMITS.passwordMin, `Password must be at least ${FIELD_LIMITS.passwordMin} characters.`)
  .max(FIELD_LIMITS.passwordMax, `Password must be at most ${FIELD_LIMITS.passwordMax} characters.`);

export const SetupRequestSchema = z.object({ displayName: DisplayNameSchema, email: EmailSchema, password: PasswordSchema }).strict();
export type SetupRequest = z.infer<typeof SetupRequestSchema>;

export const LoginRequestSchema = z
  .object({
    email: EmailSchema,
    password: z.string().min(1, 'Password is required.').max(FIELD_LIMITS.passwordMax),
    /** On a shared device (a clinic tablet) the session ends with the browser or after 15 idle minutes. */
    sharedDevice: z.boolean().optional(),
  })
  .strict();
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const LANGUAGES = ['fr', 'en'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

export const UserSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  color: z.string(),
  language: LanguageSchema.nullable(),
  /** Whether the person can sign in with a password (else only this device, or a recovery link). */
  hasPassword: z.boolean(),
});
export type User = z.infer<typeof UserSchema>;

export const AuthResponseSchema = z.object({ token: z.string(), user: UserSchema });
export type AuthResponse = z.infer<typeof AuthResponseSchema>;

export const MembershipSchema = z.object({
  workspaceId: z.string(),
  role: RoleSchema,
  permission: PermissionSchema,
});
export type Membership = z.infer<typeof MembershipSchema>;

export const MeResponseSchema = z.object({ user: UserSchema, memberships: z.array(MembershipSchema) });
export type MeResponse = z.infer<typeof MeResponseSchema>;

/**
 * Public, unauthenticated: lets the first screen choose between setup and sign-in, and says
 * whether "Forgot password?" can send a link by email (the server has a mail server).
 */
export const SetupStatusSchema = z.object({ needsSetup: z.boolean(), emailReset: z.boolean() });
export type SetupStatus = z.infer<typeof SetupStatusSchema>;

/** "Forgot password?": always answered with the same neutral 202, whatever the address. */
export const PasswordResetRequestSchema = z.object({ email: EmailSchema }).strict();
export type PasswordResetRequest = z.infer<typeof PasswordResetRequestSchema>;

export const UpdateMeRequestSchema = z
  .object({
    displayName: DisplayNameSchema.optional(),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Colour must look like #1a7f6e.').optional(),
    language: LanguageSchema.optional(),
  })
  .strict();
export type UpdateMeRequest = z.infer<typeof UpdateMeRequestSchema>;

export const UserResponseSchema = z.object({ user: UserSchema });
export type UserResponse = z.infer<typeof UserResponseSchema>;
