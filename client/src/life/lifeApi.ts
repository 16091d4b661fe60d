/**
 * The HTTP routes of a document's life and of people's data rights (docs/api.md, "Privacy and
 * data rights" and lifecycleRoutes.ts): demo workspace, my data, erasure, retention, rename,
 * archive, trash, purge, move, per-document access, access log and recovery links. Answers are
 * parsed with the shared zod schemas, like the rest of `api.ts`.
 */
import {
  AccessLogSchema,
  AuthResponseSchema,
  DemoWorkspaceSchema,
  DocumentAccessListSchema,
  DocumentListSchema,
  ErasedSchema,
  RecoveryLinkSchema,
  TrashListSchema,
  WorkspaceAccessOverviewSchema,
  WorkspaceRetentionSchema,
  type DocumentAccessList,
  type EraseMeRequest,
  type Language,
  type UpdateDocumentRequest,
  type UpdateWorkspaceRequest,
  type UseRecoveryRequest,
} from '../../../shared/src/index';
import { request } from '../api';

const enc = encodeURIComponent;
const doc = (documentId: string, rest = '') => `/api/documents/${enc(documentId)}${rest}`;
const ws = (workspaceId: string, rest = '') => `/api/workspaces/${enc(workspaceId)}${rest}`;

export const lifeApi = {
  createDemo: (language: Language) => request('POST', '/api/demo', DemoWorkspaceSchema, { language }),
  /** Where the browser downloads "my data" (same-origin, so the session cookie goes along). */
  myDataUrl: (format: 'json' | 'html') => `/api/me/data?format=${format}`,
  eraseMe: (body: EraseMeRequest) => request('DELETE', '/api/me', ErasedSchema, body),

  listDocuments: (workspaceId: string, includeArchived: boolean) =>
    request('GET', ws(workspaceId, includeArchived ? '/documents?archived=include' : '/documents'), DocumentListSchema),
  updateDocument: (documentId: string, body: UpdateDocumentRequest) => request('PATCH', doc(documentId), null, body),
  trashDocument: (documentId: string) => request('DELETE', doc(documentId), null),
  restoreDocument: (documentId: string) => request('POST', doc(documentId, '/untrash'), null),
  purgeDocument: (documentId: string, confirmTitle: string) => request('POST', doc(documentId, '/purge'), null, { confirmTitle }),
  moveDocument: (documentId: string, workspaceId: string) => request('POST', doc(documentId, '/move'), null, { workspaceId }),
  listTrash: (workspaceId: string) => request('GET', ws(workspaceId, '/trash'), TrashListSchema),

  getAccess: (documentId: string) => request('GET', doc(documentId, '/access'), DocumentAccessListSchema),
  setAccess: (documentId: string, body: DocumentAccessList) => request('PUT', doc(documentId, '/access'), DocumentAccessListSchema, body),
  /** Owners: the documents that do not simply follow workspace permissions, with their lists. */
  accessOverview: (workspaceId: string) => request('GET', ws(workspaceId, '/document-access'), WorkspaceAccessOverviewSchema),
  accessLog: (documentId: string) => request('GET', doc(documentId, '/access-log'), AccessLogSchema),

  getRetention: (workspaceId: string) => request('GET', ws(workspaceId, '/retention'), WorkspaceRetentionSchema),
  updateWorkspace: (workspaceId: string, body: UpdateWorkspaceRequest) => request('PATCH', ws(workspaceId), WorkspaceRetentionSchema, body),

  issueRecovery: (workspaceId: string, userId: string) =>
    request('POST', ws(workspaceId, `/members/${enc(userId)}/recovery`), RecoveryLinkSchema),
  useRecovery: (token: string, body: UseRecoveryRequest) => request('POST', `/api/recovery/${enc(token)}`, AuthResponseSchema, body),
  /** Always answered the same way (202), whether or not an account uses the address. */
  requestPasswordReset: (email: string) => request('POST', '/api/password-reset', null, { email }),
};
