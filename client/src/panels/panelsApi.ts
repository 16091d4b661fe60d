/**
 * The HTTP routes the document's side panel uses (decisions, attribution, named versions),
 * answers parsed with the shared zod schemas like the rest of `api.ts`.
 */
import {
  AuthorshipResponseSchema,
  ChainVerificationSchema,
  CompareResponseSchema,
  ContributionsResponseSchema,
  DecisionLogSchema,
  DecisionSummarySchema,
  DecisionWriteResultSchema,
  HistoryResponseSchema,
  NamedVersionListSchema,
  NamedVersionSchema,
  RestoreResponseSchema,
  VersionResponseSchema,
  type CorrectionRequest,
  type CreateDecisionRequest,
  type DecisionExportFormat,
  type RecordOutcomeRequest,
  type SignoffAnswer,
  type SignoffRequest,
  type TakePositionRequest,
} from '../../../shared/src/index';
import { request } from '../api';

const enc = encodeURIComponent;
const doc = (documentId: string, rest: string) => `/api/documents/${enc(documentId)}${rest}`;

export const panelsApi = {
  // Decisions (docs/api.md, "Decisions")
  decisionLog: (documentId: string) => request('GET', doc(documentId, '/decisions'), DecisionLogSchema),
  verifyDecisions: (documentId: string) => request('GET', doc(documentId, '/decisions/verify'), ChainVerificationSchema),
  proposeDecision: (documentId: string, body: CreateDecisionRequest) =>
    request('POST', doc(documentId, '/decisions'), DecisionSummarySchema, body),
  takePosition: (decisionId: string, body: TakePositionRequest) =>
    request('POST', `/api/decisions/${enc(decisionId)}/positions`, DecisionWriteResultSchema, body),
  recordOutcome: (decisionId: string, body: RecordOutcomeRequest) =>
    request('POST', `/api/decisions/${enc(decisionId)}/outcome`, DecisionWriteResultSchema, body),
  correctEntry: (decisionId: string, body: CorrectionRequest) =>
    request('POST', `/api/decisions/${enc(decisionId)}/corrections`, DecisionWriteResultSchema, body),
  /** A plain link: the browser sends the session cookie and saves the file. */
  decisionExportHref: (documentId: string, format: DecisionExportFormat) =>
    doc(documentId, `/decisions/export?format=${format}&download=1`),

  // Attribution
  authorship: (documentId: string) => request('GET', doc(documentId, '/authorship'), AuthorshipResponseSchema),
  contributions: (documentId: string) => request('GET', doc(documentId, '/contributions'), ContributionsResponseSchema),
  history: (documentId: string) => request('GET', doc(documentId, '/history'), HistoryResponseSchema),
  version: (documentId: string, seq: number) => request('GET', doc(documentId, `/versions/${seq}`), VersionResponseSchema),
  compare: (documentId: string, seq: number) => request('GET', doc(documentId, `/versions/${seq}/compare`), CompareResponseSchema),
  restore: (documentId: string, seq: number) => request('POST', doc(documentId, '/restore'), RestoreResponseSchema, { seq }),

  // Named versions and sign-off
  namedVersions: (documentId: string) => request('GET', doc(documentId, '/named-versions'), NamedVersionListSchema),
  nameVersion: (documentId: string, name: string) => request('POST', doc(documentId, '/named-versions'), NamedVersionSchema, { name }),
  askSignoff: (versionId: string, body: SignoffRequest) =>
    request('POST', `/api/named-versions/${enc(versionId)}/signoff`, NamedVersionListSchema, body),
  answerSignoff: (versionId: string, body: SignoffAnswer) =>
    request('POST', `/api/named-versions/${enc(versionId)}/answer`, NamedVersionListSchema, body),
};
