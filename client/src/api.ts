/**
 * The HTTP API client. Every answer is parsed with the shared zod schemas, so the rest of the
 * client works with trusted types; every failure becomes an `ApiRequestError`.
 */
import { z } from 'zod';
import {
  AcceptInvitationResponseSchema,
  ApiErrorSchema,
  AuditLogSchema,
  AuthResponseSchema,
  CreatedInvitationSchema,
  CreatedDocumentSchema,
  CreatedWorkspaceSchema,
  DocumentInfoSchema,
  DocumentListSchema,
  InvitationListSchema,
  InvitationPreviewSchema,
  MeResponseSchema,
  MemberListSchema,
  MemberSchema,
  SetupStatusSchema,
  TemplateListSchema,
  UserResponseSchema,
  WorkspaceListSchema,
  WorkspaceSchema,
  type AcceptInvitationRequest,
  type CreateDocumentRequest,
  type CreateInvitationRequest,
  type CreateWorkspaceRequest,
  type ErrorCode,
  type ExportFormat,
  type Language,
  type LoginRequest,
  type SetCredentialsRequest,
  type SetupRequest,
  type UpdateMeRequest,
  type UpdateMemberRequest,
} from '../../shared/src/index';

export type ApiFailureCode = ErrorCode | 'network' | 'invalid_response';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiFailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

export async function request<T>(method: string, path: string, schema: z.ZodType<T> | null, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiRequestError(0, 'network', cause instanceof Error ? cause.message : 'Network error');
  }
  const text = await response.text();
  let json: unknown = undefined;
  if (text.length > 0) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (!response.ok) {
    const parsed = ApiErrorSchema.safeParse(json);
    if (parsed.success) throw new ApiRequestError(response.status, parsed.data.error.code, parsed.data.error.message);
    throw new ApiRequestError(response.status, statusToCode(response.status), response.statusText);
  }
  if (schema === null) return undefined as T;
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiRequestError(response.status, 'invalid_response', `Unexpected answer from ${method} ${path}`);
  }
  return parsed.data;
}

function statusToCode(status: number): ApiFailureCode {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'rate_limited';
  if (status >= 400 && status < 500) return 'bad_request';
  return 'internal';
}

const enc = encodeURIComponent;

export const api = {
  getSetupStatus: () => request('GET', '/api/setup', SetupStatusSchema),
  setup: (body: SetupRequest) => request('POST', '/api/setup', AuthResponseSchema, body),
  login: (body: LoginRequest) => request('POST', '/api/login', AuthResponseSchema, body),
  logout: () => request('POST', '/api/logout', null),
  getMe: () => request('GET', '/api/me', MeResponseSchema),
  updateMe: (body: UpdateMeRequest) => request('PATCH', '/api/me', UserResponseSchema, body),
  listWorkspaces: () => request('GET', '/api/workspaces', WorkspaceListSchema),
  createWorkspace: (body: CreateWorkspaceRequest) => request('POST', '/api/workspaces', CreatedWorkspaceSchema, body),
  listDocuments: (workspaceId: string) =>
    request('GET', `/api/workspaces/${enc(workspaceId)}/documents`, DocumentListSchema),
  createDocument: (workspaceId: string, body: CreateDocumentRequest) =>
    request('POST', `/api/workspaces/${enc(workspaceId)}/documents`, CreatedDocumentSchema, body),
  getDocument: (documentId: string) => request('GET', `/api/documents/${enc(documentId)}`, DocumentInfoSchema),
  /** The document templates, titles and descriptions in `language`. */
  listTemplates: (language: Language) => request('GET', `/api/templates?lang=${enc(language)}`, TemplateListSchema),
  /** Where the browser downloads or opens an export (same-origin, so the session cookie goes along). */
  exportUrl: (documentId: string, format: ExportFormat, language: Language) =>
    `/api/documents/${enc(documentId)}/export?format=${enc(format)}&lang=${enc(language)}`,
  getWorkspace: (workspaceId: string) => request('GET', `/api/workspaces/${enc(workspaceId)}`, WorkspaceSchema),
  // People and access
  createInvitation: (workspaceId: string, body: CreateInvitationRequest) =>
    request('POST', `/api/workspaces/${enc(workspaceId)}/invitations`, CreatedInvitationSchema, body),
  listInvitations: (workspaceId: string) =>
    request('GET', `/api/workspaces/${enc(workspaceId)}/invitations`, InvitationListSchema),
  revokeInvitation: (workspaceId: string, invitationId: string) =>
    request('DELETE', `/api/workspaces/${enc(workspaceId)}/invitations/${enc(invitationId)}`, null),
  /** Public: what the join page shows. Takes the link token or the short code. */
  previewInvitation: (tokenOrCode: string) => request('GET', `/api/invitations/${enc(tokenOrCode)}`, InvitationPreviewSchema),
  acceptInvitation: (tokenOrCode: string, body: AcceptInvitationRequest) =>
    request('POST', `/api/invitations/${enc(tokenOrCode)}/accept`, AcceptInvitationResponseSchema, body),
  listMembers: (workspaceId: string) => request('GET', `/api/workspaces/${enc(workspaceId)}/members`, MemberListSchema),
  updateMember: (workspaceId: string, userId: string, body: UpdateMemberRequest) =>
    request('PATCH', `/api/workspaces/${enc(workspaceId)}/members/${enc(userId)}`, MemberSchema, body),
  /** Owners remove anyone; anyone may remove themselves (leave). */
  removeMember: (workspaceId: string, userId: string) =>
    request('DELETE', `/api/workspaces/${enc(workspaceId)}/members/${enc(userId)}`, null),
  getAuditLog: (workspaceId: string) => request('GET', `/api/workspaces/${enc(workspaceId)}/audit`, AuditLogSchema),
  setCredentials: (body: SetCredentialsRequest) => request('POST', '/api/me/credentials', UserResponseSchema, body),
  logoutEverywhere: () => request('POST', '/api/logout-everywhere', null),
};
