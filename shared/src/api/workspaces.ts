import { z } from 'zod';
import { FIELD_LIMITS } from '../limits';
import { WorkspacePurposeSchema } from '../domain/workspace';
import { RoleSchema } from '../domain/roles';
import { PermissionSchema } from '../domain/permissions';

export const CreateWorkspaceRequestSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Workspace name is required.')
      .max(FIELD_LIMITS.workspaceName, `Workspace name must be at most ${FIELD_LIMITS.workspaceName} characters.`),
    purpose: WorkspacePurposeSchema.optional(),
    /** The creator's own role in the workspace; defaults from the purpose. */
    role: RoleSchema.optional(),
  })
  .strict();
export type CreateWorkspaceRequest = z.infer<typeof CreateWorkspaceRequestSchema>;

export const WorkspaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  purpose: WorkspacePurposeSchema,
  createdAt: z.string(),
  role: RoleSchema,
  permission: PermissionSchema,
});
export type Workspace = z.infer<typeof WorkspaceSchema>;

export const WorkspaceListSchema = z.object({ workspaces: z.array(WorkspaceSchema) });
export type WorkspaceList = z.infer<typeof WorkspaceListSchema>;

export const CreatedWorkspaceSchema = z.object({ id: z.string(), name: z.string(), purpose: WorkspacePurposeSchema });
export type CreatedWorkspace = z.infer<typeof CreatedWorkspaceSchema>;
