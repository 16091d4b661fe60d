import { z } from 'zod';

export const WORKSPACE_PURPOSES = ['care-trajectory', 'committee', 'workshop-series', 'other'] as const;
export const WorkspacePurposeSchema = z.enum(WORKSPACE_PURPOSES);
export type WorkspacePurpose = z.infer<typeof WorkspacePurposeSchema>;
