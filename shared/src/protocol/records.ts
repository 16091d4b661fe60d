import { z } from 'zod';

/**
 * Live notice that a structured record of a document changed (message type 101). It carries
 * no content: the client refetches over HTTP, where permissions are checked as usual.
 */
/**
 * `access`: the receiving person's access to the document was re-checked (their permission may
 * have changed); refetch it. `document`: the document's own record changed (title, archive,
 * named versions, sign-off).
 */
/** `reviews`: a review round of the document was opened, changed or closed. */
export const RECORD_KINDS = ['decisions', 'comments', 'members', 'document', 'access', 'reviews'] as const;
export const RecordEventSchema = z.object({
  kind: z.enum(RECORD_KINDS),
  documentId: z.string(),
  /** The id of the record that changed, when there is one. */
  id: z.string().optional(),
});
export type RecordEvent = z.infer<typeof RecordEventSchema>;
