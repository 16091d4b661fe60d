import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_CODES } from '../../shared/src/index';
import { position, propose } from './decisionHelpers';
import { api, connectClient, invite, setupFixture, startTestServer, synced, waitFor, type Fixture, type TestClient, type TestServer } from './testServer';

let server: TestServer;
let alice: Fixture;
const clients: TestClient[] = [];

beforeEach(async () => {
  server = await startTestServer();
  alice = await setupFixture(server);
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.cleanup();
});

async function openLive(token: string): Promise<TestClient> {
  const client = connectClient(server.wsUrl, alice.documentId, token);
  clients.push(client);
  await synced(client);
  return client;
}

function closedWith(client: TestClient): Promise<number> {
  return new Promise((resolve) => client.provider.on('connection-close', (event) => event && resolve(event.code)));
}

const erase = (token: string, body: unknown) => api(server.url, 'DELETE', '/api/me', { token, body });
const get = async (route: string, token = alice.token) => {
  const res = await api(server.url, 'GET', route, { token });
  expect(res.status, route).toBe(200);
  return res.body;
};

describe('erasure', () => {
  it('re-attributes contributions, authorship, history, access log, audit and decisions to a pseudonym; the chain still verifies', async () => {
    const jean = await invite(server.url, alice.token, alice.workspaceId, 'caregiver', 'editor', 'Jean Lavoie');
    const a = await openLive(alice.token);
    const j = await openLive(jean.token);
    j.text.insert(0, 'I can drive her on Tuesdays.');
    await waitFor(() => a.text.toString() === 'I can drive her on Tuesdays.', 'text arrives');
    // A negotiated goal block keeps the name of who expressed it inside the content (ADR 0003).
    const goal = new Y.XmlElement('negotiatedGoal');
    for (const [key, value] of Object.entries({ goalId: 'g1', status: 'proposed', expressedBy: jean.userId, expressedByName: 'Jean Lavoie' })) goal.setAttribute(key, value);
    const voice = (name: string) => {
      const element = new Y.XmlElement(name);
      element.insert(0, [new Y.XmlElement('paragraph')]);
      return element;
    };
    goal.insert(0, [voice('goalOwnWords'), voice('goalReformulation')]);
    j.doc.getXmlFragment('default').insert(0, [goal]);
    a.text.insert(a.text.length, ' Thanks!');
    await waitFor(async () => (await server.store.latestSeq(alice.documentId)) === 3, 'all stored');
    const decision = await propose(server, alice.token, alice.documentId);
    expect((await position(server, jean.token, decision.id, { stance: 'disagree', reason: 'Too soon for her.' })).status).toBe(201);

    expect((await erase(jean.token, {})).status).toBe(400);
    const closed = closedWith(j);
    const erased = await erase(jean.token, { confirm: true });
    expect(erased.status).toBe(200);
    const pseudonym = 'Former member 1 — family caregiver';
    expect(erased.body).toEqual({ erased: true, pseudonym });
    expect(await closed).toBe(CLOSE_CODES.accessEnded);
    expect((await api(server.url, 'GET', '/api/me', { token: jean.token })).status).toBe(401);

    const d = `/api/documents/${alice.documentId}`;
    const contributions = await get(`${d}/contributions`);
    expect(contributions.people.find((p: { userId: string }) => p.userId === jean.userId)).toMatchObject({ displayName: pseudonym, currentChars: 28 });
    const authorship = await get(`${d}/authorship`);
    expect(authorship.people.find((p: { userId: string }) => p.userId === jean.userId)?.displayName).toBe(pseudonym);
    expect(authorship.clients.some((c: { clientId: number; userId: string }) => c.clientId === j.doc.clientID && c.userId === jean.userId)).toBe(true);
    const history = await get(`${d}/history`);
    expect(history.sessions[0].people.map((p: { displayName: string }) => p.displayName)).toContain(pseudonym);
    const log = await get(`${d}/decisions`);
    expect(JSON.stringify(log)).toContain(pseudonym);
    expect(await get(`${d}/decisions/verify`)).toMatchObject({ ok: true, entries: 2 });
    const exported = await fetch(`${server.url}${d}/decisions/export?format=markdown`, { headers: { authorization: `Bearer ${alice.token}` } });
    const markdown = await exported.text();
    expect(markdown).toContain(pseudonym);
    const audit = await get(`/api/workspaces/${alice.workspaceId}/audit`);
    expect(audit.events[0]).toMatchObject({ kind: 'member_erased', subjectName: pseudonym });
    const access = await get(`${d}/access-log`);
    expect(access.entries.find((e: { userId: string }) => e.userId === jean.userId)?.displayName).toBe(pseudonym);
    const members = await get(`/api/workspaces/${alice.workspaceId}/members`);
    expect(members.members.map((m: { userId: string }) => m.userId)).toEqual([alice.userId]);
    for (const body of [contributions, authorship, history, log, markdown, audit, access, members]) expect(JSON.stringify(body)).not.toContain('Jean');
    // The words stay in the document: others' work depends on them.
    expect(a.text.toString()).toBe('I can drive her on Tuesdays. Thanks!');
    const liveGoal = a.doc.getXmlFragment('default').get(0) as Y.XmlElement;
    await waitFor(() => liveGoal.getAttribute('expressedByName') === pseudonym, 'the goal block names the pseudonym');
    const content = await fetch(`${server.url}${d}/export?format=markdown`, { headers: { authorization: `Bearer ${alice.token}` } });
    const contentText = await content.text();
    expect(contentText).toContain(pseudonym);
    expect(contentText).not.toContain('Jean');
  });

  it('needs the password, refuses the last owner with 409, frees the email, and names no role the person held elsewhere', async () => {
    const noPassword = await erase(alice.token, { confirm: true });
    expect(noPassword.status).toBe(403);
    expect((await erase(alice.token, { confirm: true, password: 'wrong password here' })).status).toBe(403);
    const lastOwner = await erase(alice.token, { confirm: true, password: 'a long passphrase' });
    expect(lastOwner.status).toBe(409);
    expect(lastOwner.body.error).toMatchObject({ code: 'last_owner' });
    expect(lastOwner.body.error.message).toMatch(/only owner of “Plan de Marie”.*Make another member an owner first/);

    const roy = await invite(server.url, alice.token, alice.workspaceId, 'clinician', 'owner', 'Dr Roy');
    const other = await api(server.url, 'POST', '/api/workspaces', { token: alice.token, body: { name: 'Comité', purpose: 'committee' } });
    const karimHere = await invite(server.url, alice.token, alice.workspaceId, 'peer_supporter', 'editor', 'Karim');
    const invitation = await api(server.url, 'POST', `/api/workspaces/${other.body.id}/invitations`, { token: alice.token, body: { role: 'citizen' } });
    expect((await api(server.url, 'POST', `/api/invitations/${invitation.body.token}/accept`, { token: karimHere.token, body: { displayName: 'Karim' } })).status).toBe(201);
    await api(server.url, 'PATCH', '/api/me', { token: karimHere.token, body: { language: 'fr' } });
    expect((await erase(karimHere.token, { confirm: true })).body.pseudonym).toBe('Ex-membre 1');

    // Alice hands over Comité, then erases: she was the person receiving care in one, a facilitator in the other.
    await api(server.url, 'POST', `/api/workspaces/${other.body.id}/invitations`, { token: alice.token, body: { role: 'manager', permission: 'owner' } }).then((inv) =>
      api(server.url, 'POST', `/api/invitations/${inv.body.token}/accept`, { token: roy.token, body: { displayName: 'Dr Roy' } }),
    );
    const done = await erase(alice.token, { confirm: true, password: 'a long passphrase' });
    expect(done.body).toEqual({ erased: true, pseudonym: 'Former member 2' });
    expect((await api(server.url, 'POST', '/api/login', { body: { email: 'alice@example.org', password: 'a long passphrase' } })).status).toBe(401);
    expect((await api(server.url, 'GET', '/api/setup')).body.needsSetup).toBe(false);
    const reuse = await api(server.url, 'POST', '/api/me/credentials', { token: roy.token, body: { email: 'alice@example.org', password: 'another passphrase' } });
    expect(reuse.status).toBe(200);
  });
});
