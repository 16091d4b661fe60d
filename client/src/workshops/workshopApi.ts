/**
 * The workshop routes of the HTTP API (docs/api.md, "Workshops"), with answers parsed by the
 * shared zod schemas like the rest of api.ts; failures are ApiRequestErrors.
 */
import { z } from 'zod';
import {
  ApiErrorSchema,
  CommandResultSchema,
  SummaryResultSchema,
  WorkshopListSchema,
  WorkshopStateSchema,
  type CheckinRequest,
  type CommandResult,
  type CreateWorkshopRequest,
  type RevealRequest,
  type TimerRequest,
} from '../../../shared/src/index';
import { ApiRequestError } from '../api';

async function call<T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
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
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = ApiErrorSchema.safeParse(json);
    if (error.success) throw new ApiRequestError(response.status, error.data.error.code, error.data.error.message);
    throw new ApiRequestError(response.status, response.status >= 500 ? 'internal' : 'bad_request', response.statusText);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiRequestError(response.status, 'invalid_response', `Unexpected answer from ${method} ${path}`);
  return parsed.data;
}

const enc = encodeURIComponent;
const w = (id: string) => `/api/workshops/${enc(id)}`;
const command = (method: string, path: string, body?: unknown): Promise<CommandResult> => call(method, path, CommandResultSchema, body);

export const workshopApi = {
  list: (workspaceId: string) => call('GET', `/api/workspaces/${enc(workspaceId)}/workshops`, WorkshopListSchema),
  create: (workspaceId: string, body: CreateWorkshopRequest) => call('POST', `/api/workspaces/${enc(workspaceId)}/workshops`, z.object({ id: z.string() }), body),
  state: (id: string, projector = false) => call('GET', `${w(id)}/state${projector ? '?view=projector' : ''}`, WorkshopStateSchema),
  eventsUrl: (id: string) => `${w(id)}/events`,
  goToStep: (id: string, stepId: string) => command('POST', `${w(id)}/step`, { stepId }),
  timer: (id: string, body: TimerRequest) => command('POST', `${w(id)}/timer`, body),
  setFacilitators: (id: string, userIds: string[]) => command('PUT', `${w(id)}/facilitators`, { userIds }),
  addColumn: (id: string, prompt: string) => command('POST', `${w(id)}/columns`, { prompt }),
  postCard: (id: string, columnId: string, text: string) => command('POST', `${w(id)}/cards`, { columnId, text }),
  reveal: (id: string, what: RevealRequest['what']) => command('POST', `${w(id)}/reveal`, { what }),
  addTheme: (id: string, name: string) => command('POST', `${w(id)}/themes`, { name }),
  renameTheme: (id: string, themeId: string, name: string) => command('PATCH', `${w(id)}/themes/${enc(themeId)}`, { name }),
  moveCard: (id: string, cardId: string, themeId: string | null) => command('PUT', `${w(id)}/cards/${enc(cardId)}/theme`, { themeId }),
  setVotes: (id: string, cardId: string, dots: number) => command('PUT', `${w(id)}/votes/${enc(cardId)}`, { dots }),
  setHand: (id: string, raised: boolean) => command('POST', `${w(id)}/hand`, { raised }),
  lowerHand: (id: string, userId: string) => command('POST', `${w(id)}/hands/lower`, { userId }),
  checkin: (id: string, body: CheckinRequest) => command('PUT', `${w(id)}/checkin`, body),
  addOutcome: (id: string, text: string) => command('POST', `${w(id)}/outcomes`, { text }),
  summary: (id: string) => call('POST', `${w(id)}/summary`, SummaryResultSchema),
};
