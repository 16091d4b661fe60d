import { z } from 'zod';
import { RoleSchema } from '../domain/roles';

/**
 * The identity part of an awareness state. Clients may write anything; the server overwrites
 * `user` with the authenticated member's identity before relaying.
 */
export const AwarenessUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  color: z.string(),
  role: RoleSchema.nullable(),
});
export type AwarenessUser = z.infer<typeof AwarenessUserSchema>;
