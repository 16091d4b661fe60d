/** Catalog keys for the API's enumerated values (roles, permissions, perspectives, purposes). */
import type { Perspective, Permission, Role, WorkspacePurpose } from '../../../shared/src/index';
import type { MessageKey } from './catalog';

export function roleKey(role: Role | null | undefined): MessageKey {
  return role ? `role.${role}` : 'role.unknown';
}

/** One plain sentence saying what the role means. */
export function roleExplanationKey(role: Role): MessageKey {
  return `role.${role}.explain`;
}

export function permissionKey(permission: Permission): MessageKey {
  return `permission.${permission}`;
}

/** One plain sentence saying what the permission lets a person do. */
export function permissionExplanationKey(permission: Permission): MessageKey {
  return `permission.${permission}.explain`;
}

export function perspectiveKey(perspective: Perspective): MessageKey {
  return `perspective.${perspective}`;
}

export function purposeKey(purpose: WorkspacePurpose): MessageKey {
  return `purpose.${purpose}`;
}

/** Labels are capitalised in the catalogs; inside a sentence they start in lower case. */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase() + text.slice(1);
}

/** Permission labels are lower case in the catalogs; on their own they start with a capital. */
export function upperFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
