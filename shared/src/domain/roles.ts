import { z } from 'zod';

/** Roles are perspectives a person holds in a workspace (see GLOSSARY.md). */
export const ROLES = ['person', 'caregiver', 'peer_supporter', 'clinician', 'manager', 'facilitator', 'citizen'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const PERSPECTIVES = ['experiential', 'professional', 'facilitation'] as const;
export const PerspectiveSchema = z.enum(PERSPECTIVES);
export type Perspective = z.infer<typeof PerspectiveSchema>;

const PERSPECTIVE_OF_ROLE: Record<Role, Perspective> = {
  person: 'experiential',
  caregiver: 'experiential',
  peer_supporter: 'experiential',
  citizen: 'experiential',
  clinician: 'professional',
  manager: 'professional',
  facilitator: 'facilitation',
};

export function perspectiveOf(role: Role): Perspective {
  return PERSPECTIVE_OF_ROLE[role];
}
