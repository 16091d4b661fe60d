import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MyDataSchema } from '../../shared/src/index';
import { propose } from './decisionHelpers';
import { api, connectClient, createOutsider, invite, setupFixture, startTestServer, synced, waitFor, type Fixture, type TestClient, type TestServer } from './testServer';

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

async function openLive(token: string, documentId = alice.documentId): Promise<TestClient> {
  const client = connectClient(server.wsUrl, documentId, token);
  clients.push(client);
  await synced(client);
  return client;
}

async function typeAndStore(client: TestClient, text: string): Promise<void> {
  // Type after what the others wrote, as a person would: wait until every open client agrees.
  const peers = clients.filter((c) => c.provider.roomname === client.provider.roomname);
  await waitFor(() => peers.every((c) => c.text.toString() === client.text.toString()), 'clients agree before typing');
  const before = await server.store.latestSeq(alice.documentId);
  client.text.insert(client.text.length, text);
  await waitFor(async () => (await server.store.latestSeq(alice.documentId)) > before, `"${text}" stored`);
}

const accessLog = (token: string, documentId = alice.documentId) => api(server.url, 'GET', `/api/documents/${documentId}/access-log`, { token });

describe('access log', () => {
  it('records every opening with who, when and in which role, newest first', async () => {
    const roy = await invite(server.url, alice.token, alice.workspaceId, 'clinician', 'editor', 'Dr Roy');
    const jean = await invite(server.url, alice.token, alice.workspaceId, 'caregiver', 'viewer', 'Jean');
    const first = await openLive(roy.token);
    first.destroy();
    await openLive(roy.token);
    expect((await api(server.url, 'GET', `/api/documents/${alice.documentId}`, { token: jean.token })).status).toBe(200);
    expect((await fetch(`${server.url}/api/documents/${alice.documentId}/export?format=markdown`, { headers: { authorization: `Bearer ${jean.token}` } })).status).toBe(200);
    expect((await api(server.url, 'GET', `/api/documents/${alice.documentId}/versions/0`, { token: roy.token })).status).toBe(200);

    const log = await accessLog(alice.token);
    expect(log.status).toBe(200);
    const rows = log.body.entries.map((e: { displayName: string; role: string; permission: string; via: string }) => [e.displayName, e.role, e.permission, e.via]);
    expect(rows).toEqual([
      ['Dr Roy', 'clinician', 'editor', 'version'],
      ['Jean', 'caregiver', 'viewer', 'export'],
      ['Jean', 'caregiver', 'viewer', 'details'],
      ['Dr Roy', 'clinician', 'editor', 'live'],
      ['Dr Roy', 'clinician', 'editor', 'live'],
    ]);
    expect(log.body.entries[0]).toMatchObject({ userId: roy.userId, perspective: 'professional' });
    expect(Date.parse(log.body.entries[0].at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('is visible to owners and to the person receiving care only; others get 403, strangers 404', async () => {
    const marie = await invite(server.url, alice.token, alice.workspaceId, 'person', 'editor', 'Marie');
    const roy = await invite(server.url, alice.token, alice.workspaceId, 'clinician', 'editor', 'Dr Roy');
    const coOwner = await invite(server.url, alice.token, alice.workspaceId, 'manager', 'owner', 'Gestionnaire');
    const stranger = await createOutsider(server);
    expect((await accessLog(marie.token)).status).toBe(200);
    expect((await accessLog(coOwner.token)).status).toBe(200);
    const refused = await accessLog(roy.token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/person receiving care and the owners/);
    const hidden = await accessLog(stranger);
    expect(hidden.status).toBe(404);
    expect((await accessLog(alice.token, 'no-such-document')).status).toBe(404);
    // Being refused the log is not itself an opening of the document.
    expect((await accessLog(alice.token)).body.entries).toEqual([]);
  });
});

describe('my data', () => {
  it('contains the person’s own contributions, decisions and openings, and nothing private of anyone else', async () => {
    const roy = await invite(server.url, alice.token, alice.workspaceId, 'clinician', 'editor', 'Dr Roy');
    await api(server.url, 'POST', '/api/me/credentials', { token: roy.token, body: { email: 'roy@example.org', password: 'a long passphrase too' } });
    await api(server.url, 'POST', '/api/workspaces', { token: alice.token, body: { name: 'Alice’s other workspace' } });
    const a = await openLive(alice.token);
    const r = await openLive(roy.token);
    await typeAndStore(a, 'Alice private words. ');
    await typeAndStore(r, 'Roy <b>wrote</b> this.');
    await typeAndStore(a, ' Alice again.');
    await propose(server, roy.token, alice.documentId, { title: 'Physio', proposal: 'Physio twice a week.' });
    const comment = (token: string, body: string) => api(server.url, 'POST', `/api/documents/${alice.documentId}/comments`, { token, body: { body } });
    expect((await comment(roy.token, 'Could we add the physio schedule?')).status).toBe(201);
    expect((await comment(alice.token, 'Alice comment, private to the workspace.')).status).toBe(201);

    const res = await api(server.url, 'GET', '/api/me/data', { token: roy.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="ensemble-my-data-\d{4}-\d\d-\d\d\.json"$/);
    const data = MyDataSchema.parse(res.body);
    expect(data.profile).toMatchObject({ id: roy.userId, displayName: 'Dr Roy', email: 'roy@example.org', hasPassword: true });
    expect(data.memberships).toEqual([expect.objectContaining({ workspaceId: alice.workspaceId, workspaceName: 'Plan de Marie', role: 'clinician', permission: 'editor' })]);
    expect(data.contributions).toEqual([
      expect.objectContaining({ documentId: alice.documentId, title: 'Mon projet de vie', canOpen: true, updates: 1, currentChars: 22, textYouWrote: ['Roy <b>wrote</b> this.'] }),
    ]);
    expect(data.decisionEntries).toEqual([expect.objectContaining({ kind: 'created', role: 'clinician', payload: expect.objectContaining({ proposal: 'Physio twice a week.' }) })]);
    expect(data.comments).toEqual([expect.objectContaining({ documentId: alice.documentId, isReply: false, role: 'clinician', body: 'Could we add the physio schedule?' })]);
    expect(data.documentsYouOpened).toEqual([expect.objectContaining({ documentId: alice.documentId, role: 'clinician', via: 'live' })]);
    expect(data.auditEvents.map((e) => [e.kind, e.you])).toEqual([['joined', 'actor-and-subject']]);
    expect(data.openingsOfYourCareDocuments).toEqual([]);
    const text = JSON.stringify(res.body);
    for (const other of ['alice@example.org', 'Alice private words', 'Alice again', 'Alice comment', 'Alice’s other workspace', alice.token, 'passwordHash', 'password_hash']) {
      expect(text).not.toContain(other);
    }

    // Alice is the person receiving care here: she sees who opened her documents.
    const mine = MyDataSchema.parse((await api(server.url, 'GET', '/api/me/data', { token: alice.token })).body);
    expect(mine.openingsOfYourCareDocuments.map((o) => [o.displayName, o.role, o.via])).toEqual([['Dr Roy', 'clinician', 'live']]);
    expect(mine.contributions[0]?.textYouWrote).toEqual(['Alice private words. ', ' Alice again.']);
  });

  it('gives a readable, escaped HTML page in the person’s language, and figures only once access has ended', async () => {
    const roy = await invite(server.url, alice.token, alice.workspaceId, 'clinician', 'editor', 'Dr Roy');
    await api(server.url, 'PATCH', '/api/me', { token: roy.token, body: { language: 'fr' } });
    const r = await openLive(roy.token);
    await typeAndStore(r, 'Roy <script>alert(1)</script> wrote this.');
    const html = await fetch(`${server.url}/api/me/data?format=html`, { headers: { authorization: `Bearer ${roy.token}` } });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await html.text();
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain('Ce que vous avez écrit');
    expect(page).toContain('Roy &lt;script&gt;alert(1)&lt;/script&gt; wrote this.');
    expect(page).not.toContain('<script>');
    expect((await api(server.url, 'GET', '/api/me/data?format=pdf', { token: roy.token })).status).toBe(400);

    await api(server.url, 'DELETE', `/api/workspaces/${alice.workspaceId}/members/${roy.userId}`, { token: alice.token });
    const after = MyDataSchema.parse((await api(server.url, 'GET', '/api/me/data', { token: roy.token })).body);
    expect(after.memberships).toEqual([]);
    expect(after.contributions).toEqual([expect.objectContaining({ documentId: alice.documentId, title: null, canOpen: false, updates: 1, textYouWrote: null })]);
    expect(JSON.stringify(after)).not.toContain('Mon projet de vie');
    expect(JSON.stringify(after)).not.toContain('wrote this');
  });
});
