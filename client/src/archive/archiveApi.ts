/**
 * Workspace archives over HTTP (docs/api.md "Workspace archives"): the export comes back as a
 * file the browser saves; the import sends the chosen file as it is (JSON or gzip).
 */
import { ApiErrorSchema, ImportedWorkspaceSchema, type ArchiveMemberNames, type ImportedWorkspace } from '../../../shared/src/index';
import { ApiRequestError } from '../api';

const enc = encodeURIComponent;

async function failure(response: Response): Promise<ApiRequestError> {
  const parsed = ApiErrorSchema.safeParse(await response.json().catch(() => null));
  if (parsed.success) return new ApiRequestError(response.status, parsed.data.error.code, parsed.data.error.message);
  return new ApiRequestError(response.status, response.status === 413 ? 'payload_too_large' : 'internal', response.statusText);
}

async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, { credentials: 'same-origin', ...init });
  } catch (cause) {
    throw new ApiRequestError(0, 'network', cause instanceof Error ? cause.message : 'Network error');
  }
}

/** Asks for the archive and hands it to the browser as a download. */
export async function downloadWorkspaceArchive(workspaceId: string, members: ArchiveMemberNames): Promise<void> {
  const response = await send(`/api/workspaces/${enc(workspaceId)}/export`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ members }),
  });
  if (!response.ok) throw await failure(response);
  const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'ensemble-workspace.json';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function importWorkspaceArchive(file: File): Promise<ImportedWorkspace> {
  const gzip = file.name.endsWith('.gz') || file.type === 'application/gzip';
  const response = await send('/api/workspaces/import', {
    method: 'POST',
    headers: { 'Content-Type': gzip ? 'application/gzip' : 'application/json', Accept: 'application/json' },
    body: file,
  });
  if (!response.ok) throw await failure(response);
  const parsed = ImportedWorkspaceSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new ApiRequestError(response.status, 'invalid_response', 'Unexpected answer from the import.');
  return parsed.data;
}
