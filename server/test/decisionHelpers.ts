/** Shared set-up of the decision log tests: a care trajectory with one person per permission. */
import * as Y from 'yjs';
import { api, createOutsider, invite, setupFixture, type Fixture, type TestServer } from './testServer';

export interface Person {
  token: string;
  userId: string;
}

export interface Team {
  /** Alice Tremblay, the person receiving care (role person), owner. */
  owner: Fixture;
  /** Dr Roy, clinician, editor. */
  editor: Person;
  /** Jean, family caregiver, commenter. */
  commenter: Person;
  /** A manager with read-only access. */
  viewer: Person;
  /** A facilitator with commenter permission: may record outcomes by role. */
  facilitator: Person;
  /** Signed in, member of nothing. */
  outsider: string;
}

export async function setupTeam(server: TestServer): Promise<Team> {
  const owner = await setupFixture(server);
  const at = (role: string, permission: string, name: string) => invite(server.url, owner.token, owner.workspaceId, role, permission, name);
  return {
    owner,
    editor: await at('clinician', 'editor', 'Dr Roy'),
    commenter: await at('caregiver', 'commenter', 'Jean'),
    viewer: await at('manager', 'viewer', 'Gestionnaire'),
    facilitator: await at('facilitator', 'commenter', 'Animatrice'),
    outsider: await createOutsider(server),
  };
}

/** A real anchor: relative positions around `quote` in a Y.Text, base64-encoded. */
export function anchorFor(text: string, quote: string): { start: string; end: string; quote: string } {
  const doc = new Y.Doc();
  const type = doc.getText('default');
  type.insert(0, text);
  const index = text.indexOf(quote);
  const encode = (i: number) => Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(type, i))).toString('base64');
  return { start: encode(index), end: encode(index + quote.length), quote };
}

export async function propose(server: TestServer, token: string, documentId: string, body: Record<string, unknown> = {}) {
  const created = await api(server.url, 'POST', `/api/documents/${documentId}/decisions`, {
    token,
    body: { title: 'Reprendre le travail à mi-temps', proposal: 'Marie reprend le travail à mi-temps dès mars.', ...body },
  });
  if (created.status !== 201) throw new Error(`propose failed: ${JSON.stringify(created.body)}`);
  return created.body as { id: string } & Record<string, any>;
}

export const position = (server: TestServer, token: string, decisionId: string, body: Record<string, unknown>) =>
  api(server.url, 'POST', `/api/decisions/${decisionId}/positions`, { token, body });

export const outcome = (server: TestServer, token: string, decisionId: string, body: Record<string, unknown>) =>
  api(server.url, 'POST', `/api/decisions/${decisionId}/outcome`, { token, body });
