/**
 * Helpers for the workshop tests: a team in a workshop-series workspace (a facilitator who owns
 * it, participants from both knowledge perspectives, a viewer), commands over HTTP, and a raw
 * reader of the server-sent event stream that keeps every byte it received.
 */
import { WorkshopEventSchema, type WorkshopState } from '../../shared/src/index';
import { api, invite, waitFor, type TestServer } from './testServer';

export interface Person {
  token: string;
  userId: string;
}

export interface WorkshopTeam {
  workspaceId: string;
  facilitator: Person;
  coFacilitator: Person;
  person: Person;
  caregiver: Person;
  clinician: Person;
  viewer: Person;
}

export async function setupWorkshopTeam(server: TestServer): Promise<WorkshopTeam> {
  const setup = await api(server.url, 'POST', '/api/setup', {
    body: { displayName: 'Fatima Facilitator', email: 'fatima@example.org', password: 'a long passphrase' },
  });
  const token = setup.body.token as string;
  const workspace = await api(server.url, 'POST', '/api/workspaces', { token, body: { name: 'Redesign of the clinic', purpose: 'workshop-series' } });
  const workspaceId = workspace.body.id as string;
  const add = (role: string, permission: string, name: string) => invite(server.url, token, workspaceId, role, permission, name);
  return {
    workspaceId,
    facilitator: { token, userId: setup.body.user.id },
    coFacilitator: await add('facilitator', 'editor', 'Paul Peer'),
    person: await add('person', 'editor', 'Marie Usager'),
    caregiver: await add('caregiver', 'commenter', 'Chloé Proche'),
    clinician: await add('clinician', 'editor', 'Dr Kim'),
    viewer: await add('manager', 'viewer', 'Victor Viewer'),
  };
}

export async function createWorkshop(server: TestServer, team: WorkshopTeam, body: Record<string, unknown> = {}): Promise<string> {
  const created = await api(server.url, 'POST', `/api/workspaces/${team.workspaceId}/workshops`, {
    token: team.facilitator.token,
    body: { title: 'Waiting room', votesPerPerson: 3, ...body },
  });
  if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`);
  return created.body.id as string;
}

export async function state(server: TestServer, who: Person, workshopId: string, view?: 'projector'): Promise<{ status: number; body: WorkshopState; raw: string }> {
  const res = await fetch(`${server.url}/api/workshops/${workshopId}/state${view ? `?view=${view}` : ''}`, { headers: { authorization: `Bearer ${who.token}` } });
  const raw = await res.text();
  return { status: res.status, body: JSON.parse(raw) as WorkshopState, raw };
}

/** A command; fails the test with the server's message when it does not answer `expected`. */
export async function command(server: TestServer, who: Person, method: string, route: string, body?: unknown, expected = [200, 201]) {
  const res = await api(server.url, method, route, { token: who.token, body });
  if (!expected.includes(res.status)) throw new Error(`${method} ${route} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res;
}

export async function postCard(server: TestServer, who: Person, workshopId: string, text: string): Promise<string> {
  const s = await state(server, who, workshopId);
  const res = await command(server, who, 'POST', `/api/workshops/${workshopId}/cards`, { columnId: s.body.columns[0]?.id, text });
  return res.body.id as string;
}

export interface EventReader {
  /** Every byte received, decoded: what a participant's channel carried. */
  raw(): string;
  events(): Array<{ event: string; workshopId: string; revision: number }>;
  status: Promise<number>;
  ended: Promise<void>;
  /** Resolves once a notice with at least this revision arrived. */
  reached(revision: number): Promise<void>;
  close(): void;
}

export function readEvents(server: TestServer, who: Person, workshopId: string): EventReader {
  const abort = new AbortController();
  let raw = '';
  let resolveStatus: (status: number) => void = () => {};
  const status = new Promise<number>((resolve) => (resolveStatus = resolve));
  const ended = (async () => {
    try {
      const res = await fetch(`${server.url}/api/workshops/${workshopId}/events`, { headers: { authorization: `Bearer ${who.token}` }, signal: abort.signal });
      resolveStatus(res.status);
      const decoder = new TextDecoder();
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) raw += decoder.decode(chunk, { stream: true });
    } catch {
      resolveStatus(0);
    }
  })();
  const events = () =>
    raw
      .split('\n\n')
      .filter((block) => block.includes('data: '))
      .map((block) => {
        const event = /^event: (\w+)$/m.exec(block)?.[1] ?? '';
        const data = WorkshopEventSchema.strict().parse(JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null'));
        return { event, ...data };
      });
  return {
    raw: () => raw,
    events,
    status,
    ended,
    reached: (revision) => waitFor(() => events().some((e) => e.revision >= revision), `notice of revision ${revision}`),
    close: () => abort.abort(),
  };
}
