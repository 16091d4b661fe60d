import { z } from 'zod';

/** Permissions govern reading and writing; they are separate from roles. */
export const PERMISSIONS = ['owner', 'editor', 'commenter', 'viewer'] as const;
export const PermissionSchema = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof PermissionSchema>;

/** Whether a member with this permission may change document content. */
export function canEditContent(permission: Permission): boolean {
  return permission === 'owner' || permission === 'editor';
}

export function canManageWorkspace(permission: Permission): boolean {
  return permission === 'owner';
}
