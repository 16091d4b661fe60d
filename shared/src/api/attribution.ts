import { z } from 'zod';
import { PerspectiveSchema, RoleSchema } from '../domain/roles';

/** A person as shown beside their contributions; role is null for someone no longer a member. */
export const ContributorSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  color: z.string(),
  role: RoleSchema.nullable(),
  perspective: PerspectiveSchema.nullable(),
});
export type Contributor = z.infer<typeof ContributorSchema>;

/** Which member each Yjs client id of the document belongs to, as bound by the server. */
export const AuthorshipResponseSchema = z.object({
  documentId: z.string(),
  seq: z.number(),
  clients: z.array(z.object({ clientId: z.number(), userId: z.string() })),
  people: z.array(ContributorSchema),
});
export type AuthorshipResponse = z.infer<typeof AuthorshipResponseSchema>;

const Figures = {
  /** Characters of the current text this person (or perspective) wrote. */
  currentChars: z.number(),
  /** Share of the current text, from 0 to 1. */
  share: z.number(),
  /** Characters ever written, including text deleted since. */
  insertedChars: z.number(),
  /** Characters of anyone's text this person deleted. */
  deletedChars: z.number(),
  /** Saved changes (update log entries). */
  updates: z.number(),
  /** Work sessions in which this person changed the document. */
  sessions: z.number(),
  /** Counts from other capabilities (comments, decision positions...), by name. */
  other: z.record(z.string(), z.number()),
};

export const PersonContributionSchema = ContributorSchema.extend(Figures);
export type PersonContribution = z.infer<typeof PersonContributionSchema>;

export const PerspectiveContributionSchema = z.object({ perspective: PerspectiveSchema.nullable(), people: z.number(), ...Figures });
export type PerspectiveContribution = z.infer<typeof PerspectiveContributionSchema>;

export const ContributionsResponseSchema = z.object({
  documentId: z.string(),
  seq: z.number(),
  totals: z.object({ currentChars: z.number(), insertedChars: z.number(), deletedChars: z.number(), updates: z.number(), sessions: z.number() }),
  people: z.array(PersonContributionSchema),
  perspectives: z.array(PerspectiveContributionSchema),
});
export type ContributionsResponse = z.infer<typeof ContributionsResponseSchema>;

export const HistorySessionSchema = z.object({
  fromSeq: z.number(),
  toSeq: z.number(),
  startedAt: z.string(),
  endedAt: z.string(),
  people: z.array(z.object({ userId: z.string(), displayName: z.string(), updates: z.number() })),
});
export const HistoryResponseSchema = z.object({ documentId: z.string(), seq: z.number(), sessions: z.array(HistorySessionSchema) });
export type HistoryResponse = z.infer<typeof HistoryResponseSchema>;

/** An earlier version: the Yjs state (base64) of the document as it was after `seq`. */
export const VersionResponseSchema = z.object({ documentId: z.string(), seq: z.number(), at: z.string().nullable(), state: z.string() });
export type VersionResponse = z.infer<typeof VersionResponseSchema>;

export const CompareSegmentSchema = z.object({
  kind: z.enum(['same', 'inserted', 'deleted', 'break']),
  text: z.string(),
  /** Who inserted (for inserted) or deleted (for deleted) this text since the version. */
  userId: z.string().nullable(),
});
export const CompareResponseSchema = z.object({
  documentId: z.string(),
  fromSeq: z.number(),
  toSeq: z.number(),
  segments: z.array(CompareSegmentSchema),
  people: z.array(ContributorSchema),
});
export type CompareResponse = z.infer<typeof CompareResponseSchema>;

export const RestoreRequestSchema = z.object({ seq: z.number().int().min(0) }).strict();
export type RestoreRequest = z.infer<typeof RestoreRequestSchema>;
export const RestoreResponseSchema = z.object({ documentId: z.string(), restoredFrom: z.number(), seq: z.number() });
export type RestoreResponse = z.infer<typeof RestoreResponseSchema>;
