/** Catalog keys for the API's enumerated values (roles, permissions, workspace purposes). */
import type { Permission, Role, WorkspacePurpose } from '../../../shared/src/index';
import type { MessageKey } from './catalog';

export function roleKey(role: Role | null | undefined): MessageKey {
  return role ? `role.${role}` : 'role.unknown';
}

export function permissionKey(permission: Permission): MessageKey {
  return `permission.${permission}`;
}

export function purposeKey(purpose: WorkspacePurpose): MessageKey {
  return `purpose.${purpose}`;
}
