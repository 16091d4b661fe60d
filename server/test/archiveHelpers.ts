/** A workspace with something of everything, for the archive tests (ADR 0007). */
import * as Y from 'yjs';
import { position, propose } from './decisionHelpers';
import { api, connectClient, invite, setupFixture, synced, waitFor, type Fixture, type TestClient, type TestServer } from './testServer';

export interface ArchiveSource {
  alice: Fixture;
  jean: { token: string; userId: string };
  decisionId: string;
  commentBody: string;
  versionId: string;
}

export const TEXT = 'Marie veut reprendre la marche. Je peux la conduire le mardi.';

export async function fillWorkspace(server: TestServer, clients: TestClient[]): Promise<ArchiveSource> {
  const alice = await setupFixture(server);
  const jean = await invite(server.url, alice.token, alice.workspaceId, 'caregiver', 'editor', 'Jean Lavoie');
  const open = async (token: string) => {
    const client = connectClient(server.wsUrl, alice.documentId, token);
    clients.push(client);
    await synced(client);
    return client;
  };
  const a = await open(alice.token);
  const j = await open(jean.token);
  a.text.insert(0, 'Marie veut reprendre la marche.');
  await waitFor(() => j.text.toString() === 'Marie veut reprendre la marche.', 'alice text arrives');
  j.text.insert(j.text.length, ' Je peux la conduire le mardi.');
  // A negotiated goal block carries its author's name inside the content (ADR 0003).
  const goal = new Y.XmlElement('negotiatedGoal');
  for (const [key, value] of Object.entries({ goalId: 'g1', status: 'proposed', expressedBy: jean.userId, expressedByName: 'Jean Lavoie' })) goal.setAttribute(key, value);
  j.doc.getXmlFragment('default').insert(0, [goal]);
  // A later value of the same attribute is written without its key: the rewrite must find it too.
  goal.setAttribute('expressedByName', 'Jean Lavoie (papa)');
  await waitFor(() => a.text.toString() === TEXT && a.doc.getXmlFragment('default').length === 1, 'jean text arrives');
  await waitFor(async () => (await server.store.latestSeq(alice.documentId)) >= 4, 'all stored');

  const decision = await propose(server, alice.token, alice.documentId, { participants: [jean.userId] });
  const stance = await position(server, jean.token, decision.id, { stance: 'disagree', reason: 'Trop tôt pour elle.' });
  if (stance.status !== 201) throw new Error(`position failed: ${JSON.stringify(stance.body)}`);
  const commentBody = 'Le mardi me convient aussi.';
  const comment = await api(server.url, 'POST', `/api/documents/${alice.documentId}/comments`, { token: jean.token, body: { body: commentBody, mentions: [alice.userId] } });
  if (comment.status !== 201) throw new Error(`comment failed: ${JSON.stringify(comment.body)}`);
  const version = await api(server.url, 'POST', `/api/documents/${alice.documentId}/named-versions`, { token: alice.token, body: { name: 'Version de mars' } });
  if (version.status !== 201) throw new Error(`version failed: ${JSON.stringify(version.body)}`);
  const versionId = version.body.id as string;
  const asked = await api(server.url, 'POST', `/api/named-versions/${versionId}/signoff`, { token: alice.token, body: { signers: [jean.userId] } });
  if (asked.status !== 201) throw new Error(`signoff failed: ${JSON.stringify(asked.body)}`);
  const approved = await api(server.url, 'POST', `/api/named-versions/${versionId}/answer`, { token: jean.token, body: { answer: 'approve' } });
  if (approved.status !== 201) throw new Error(`answer failed: ${JSON.stringify(approved.body)}`);
  const workshop = await api(server.url, 'POST', `/api/workspaces/${alice.workspaceId}/workshops`, { token: alice.token, body: { title: 'Atelier du mardi', votesPerPerson: 3 } });
  if (workshop.status !== 201) throw new Error(`workshop failed: ${JSON.stringify(workshop.body)}`);
  const w = `/api/workshops/${workshop.body.id}`;
  const board = await api(server.url, 'GET', `${w}/state`, { token: jean.token });
  const card = await api(server.url, 'POST', `${w}/cards`, { token: jean.token, body: { columnId: board.body.columns[0].id, text: 'Un banc près de l’arrêt' } });
  if (card.status !== 201) throw new Error(`card failed: ${JSON.stringify(card.body)}`);
  await api(server.url, 'POST', `${w}/reveal`, { token: alice.token, body: { what: 'cards' } });
  await api(server.url, 'PUT', `${w}/votes/${card.body.id}`, { token: alice.token, body: { dots: 2 } });
  return { alice, jean, decisionId: decision.id, commentBody, versionId };
}

export async function exportArchive(server: TestServer, token: string, workspaceId: string, members: 'names' | 'pseudonyms'): Promise<{ status: number; text: string; headers: Headers }> {
  const res = await fetch(`${server.url}/api/workspaces/${workspaceId}/export`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ members }),
  });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

export async function importArchive(server: TestServer, token: string, body: string | Uint8Array, contentType = 'application/json') {
  const res = await fetch(`${server.url}/api/workspaces/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body,
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as any) : undefined };
}

/** A first account on a fresh installation. */
export async function firstAccount(server: TestServer, name = 'Bob Gagnon'): Promise<{ token: string; userId: string }> {
  const setup = await api(server.url, 'POST', '/api/setup', { body: { displayName: name, email: 'bob@example.org', password: 'another long passphrase' } });
  if (setup.status !== 201) throw new Error(`setup failed: ${JSON.stringify(setup.body)}`);
  return { token: setup.body.token, userId: setup.body.user.id };
}

/** Every string in the archive, with the Yjs updates decoded to bytes: what a reader of the file could find. */
export function archiveBytes(text: string): Buffer {
  const archive = JSON.parse(text) as { documents: Array<{ updates: Array<{ data: string }> }> };
  const decoded = archive.documents.flatMap((d) => d.updates.map((u) => Buffer.from(u.data, 'base64')));
  return Buffer.concat([Buffer.from(text, 'utf8'), ...decoded]);
}
