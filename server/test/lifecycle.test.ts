import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../shared/src/index';
import { api, connectClient, invite, rawSocket, setupFixture, startTestServer, synced, waitFor, type Fixture, type TestClient, type TestServer } from './testServer';

let server: TestServer;
let owner: Fixture;
const clients: TestClient[] = [];
let now = Date.now();

beforeEach(async () => {
  now = Date.now();
  server = await startTestServer({ clock: { now: () => now } });
  owner = await setupFixture(server);
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.cleanup();
});

function open(token: string, documentId = owner.documentId): TestClient {
  const client = connectClient(server.wsUrl, documentId, token);
  clients.push(client);
  return client;
}

async function write(token: string, text: string): Promise<TestClient> {
  const client = open(token);
  await synced(client);
  client.text.insert(client.text.length, text);
  const expected = client.text.toString();
  await waitFor(async () => (await server.store.latestSeq(owner.documentId)) > 0 && (client.provider.ws?.bufferedAmount ?? 0) === 0, 'sent');
  const reader = open(owner.token);
  await synced(reader);
  await waitFor(() => reader.text.toString() === expected, 'stored and relayed');
  return client;
}

const docRoute = (suffix = '') => `/api/documents/${owner.documentId}${suffix}`;

describe('document lifecycle', () => {
  it('archives (read-only, hidden by default), trashes, restores and purges only with the title typed', async () => {
    await write(owner.token, 'Plan de crise');
    expect((await api(server.url, 'PATCH', docRoute(), { token: owner.token, body: { title: 'Plan de crise (2026)' } })).status).toBe(204);
    expect((await api(server.url, 'PATCH', docRoute(), { token: owner.token, body: { archived: true } })).status).toBe(204);
    const list = async (query = '') => (await api(server.url, 'GET', `/api/workspaces/${owner.workspaceId}/documents${query}`, { token: owner.token })).body.documents;
    expect(await list()).toEqual([]);
    expect((await list('?archived=include')).map((d: { title: string }) => d.title)).toEqual(['Plan de crise (2026)']);
    expect((await api(server.url, 'GET', docRoute(), { token: owner.token })).body.permission).toBe('viewer');
    await api(server.url, 'PATCH', docRoute(), { token: owner.token, body: { archived: false } });

    const live = open(owner.token);
    await synced(live);
    const closed = new Promise<number>((resolve) => live.provider.on('connection-close', (e) => e && resolve(e.code)));
    expect((await api(server.url, 'DELETE', docRoute(), { token: owner.token })).status).toBe(204);
    expect(await closed).toBe(CLOSE_CODES.accessEnded);
    expect((await api(server.url, 'GET', docRoute(), { token: owner.token })).status).toBe(404);
    const trash = await api(server.url, 'GET', `/api/workspaces/${owner.workspaceId}/trash`, { token: owner.token });
    expect(trash.body.documents.map((d: { id: string }) => d.id)).toEqual([owner.documentId]);
    expect((await api(server.url, 'POST', docRoute('/purge'), { token: owner.token, body: { confirmTitle: 'wrong' } })).status).toBe(400);
    expect((await api(server.url, 'POST', docRoute('/untrash'), { token: owner.token })).status).toBe(204);
    const reader = open(owner.token);
    await synced(reader);
    expect(reader.text.toString()).toBe('Plan de crise');
    const history = await api(server.url, 'GET', docRoute('/history'), { token: owner.token });
    expect(history.body.sessions).toHaveLength(1);

    await api(server.url, 'DELETE', docRoute(), { token: owner.token });
    expect((await api(server.url, 'POST', docRoute('/purge'), { token: owner.token, body: { confirmTitle: 'Plan de crise (2026)' } })).status).toBe(204);
    expect((await api(server.url, 'POST', docRoute('/untrash'), { token: owner.token })).status).toBe(404);
    expect(await server.store.readUpdates(owner.documentId, 1)).toEqual([]);
    const audit = await api(server.url, 'GET', `/api/workspaces/${owner.workspaceId}/audit`, { token: owner.token });
    expect(audit.body.events.map((e: { kind: string }) => e.kind).slice(0, 7)).toEqual([
      'document_purged', 'document_trashed', 'document_restored', 'document_trashed', 'document_unarchived', 'document_archived', 'document_renamed',
    ]);
  });

  it('moves a document to another workspace the caller owns, keeping its content and history', async () => {
    await write(owner.token, 'Projet de vie');
    const other = await api(server.url, 'POST', '/api/workspaces', { token: owner.token, body: { name: 'Comité' } });
    const editor = await invite(server.url, owner.token, owner.workspaceId, 'clinician', 'editor', 'Dr Roy');
    expect((await api(server.url, 'POST', docRoute('/move'), { token: editor.token, body: { workspaceId: other.body.id } })).status).toBe(403);
    expect((await api(server.url, 'POST', docRoute('/move'), { token: owner.token, body: { workspaceId: other.body.id } })).status).toBe(204);
    expect((await api(server.url, 'GET', docRoute(), { token: owner.token })).body.workspaceId).toBe(other.body.id);
    expect((await api(server.url, 'GET', docRoute(), { token: editor.token })).status).toBe(404);
    expect((await api(server.url, 'GET', docRoute('/contributions'), { token: owner.token })).body.totals.currentChars).toBe('Projet de vie'.length);
  });
});

describe('per-document access', () => {
  it('hides a restricted document from members outside its list on every route and socket', async () => {
    const caregiver = await invite(server.url, owner.token, owner.workspaceId, 'caregiver', 'editor', 'Jean');
    const manager = await invite(server.url, owner.token, owner.workspaceId, 'manager', 'editor', 'Gestionnaire');
    const watcher = open(manager.token);
    await synced(watcher);
    const closed = new Promise<number>((resolve) => watcher.provider.on('connection-close', (e) => e && resolve(e.code)));
    const set = await api(server.url, 'PUT', docRoute('/access'), {
      token: owner.token,
      body: { restricted: true, people: [{ userId: owner.userId, permission: 'owner' }, { userId: caregiver.userId, permission: 'viewer' }] },
    });
    expect(set.status).toBe(200);
    expect(await closed).toBe(CLOSE_CODES.accessEnded);
    for (const route of ['', '/authorship', '/contributions', '/history', '/versions/0', '/named-versions', '/access', '/decisions', '/export?format=markdown']) {
      expect((await api(server.url, 'GET', docRoute(route), { token: manager.token })).status, route).toBe(404);
    }
    const docs = await api(server.url, 'GET', `/api/workspaces/${owner.workspaceId}/documents`, { token: manager.token });
    expect(docs.body.documents).toEqual([]);
    expect((await rawSocket(`${server.wsUrl}/${owner.documentId}?token=${manager.token}`).closed).code).toBe(CLOSE_CODES.notFound);
    // The caregiver is on the list as a viewer: they read but cannot write, whatever their workspace permission.
    const info = await api(server.url, 'GET', docRoute(), { token: caregiver.token });
    expect(info.body.permission).toBe('viewer');
    const lockedOut = await api(server.url, 'PUT', docRoute('/access'), { token: owner.token, body: { restricted: true, people: [{ userId: caregiver.userId, permission: 'viewer' }] } });
    expect(lockedOut.status).toBe(400);
  });
});

describe('named versions and sign-off', () => {
  it('records approvals bound to the version, shows when the text changed since, and detects tampering', async () => {
    const person = await invite(server.url, owner.token, owner.workspaceId, 'person', 'editor', 'Marie');
    const clinician = await invite(server.url, owner.token, owner.workspaceId, 'clinician', 'editor', 'Dr Roy');
    await write(owner.token, 'Objectif : rentrer chez moi.');
    const named = await api(server.url, 'POST', docRoute('/named-versions'), { token: clinician.token, body: { name: 'Présentée le 12 mars' } });
    expect(named.status).toBe(201);
    const versionId = named.body.id;
    const asked = await api(server.url, 'POST', `/api/named-versions/${versionId}/signoff`, { token: owner.token, body: { signers: [clinician.userId, person.userId] } });
    expect(asked.status).toBe(201);
    const early = await api(server.url, 'POST', `/api/named-versions/${versionId}/answer`, { token: clinician.token, body: { answer: 'approve' } });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/person receiving care answers first/);
    expect((await api(server.url, 'POST', `/api/named-versions/${versionId}/answer`, { token: person.token, body: { answer: 'approve', comment: 'Oui, c’est mon choix.' } })).status).toBe(201);
    const done = await api(server.url, 'POST', `/api/named-versions/${versionId}/answer`, { token: clinician.token, body: { answer: 'approve' } });
    expect(done.body.approval).toMatchObject({ versionId, changedSince: false });
    expect(done.body.chain).toEqual({ ok: true, entries: 3 });
    expect(done.body.versions[0].signers.map((s: { displayName: string; status: string }) => [s.displayName, s.status])).toEqual([
      ['Dr Roy', 'approved'],
      ['Marie', 'approved'],
    ]);

    const editor = open(clinician.token);
    await synced(editor);
    editor.text.insert(0, 'Modifié. ');
    await waitFor(async () => (await api(server.url, 'GET', docRoute('/named-versions'), { token: person.token })).body.approval?.changedSince === true, 'changed since approval');

    // An attacker with the database file moves the approval to another version.
    const other = await api(server.url, 'POST', docRoute('/named-versions'), { token: clinician.token, body: { name: 'Autre' } });
    const db = new Database(path.join(server.dataDir, 'ensemble.sqlite'));
    db.exec('DROP TRIGGER signoff_entries_no_update');
    db.prepare("UPDATE signoff_entries SET version_id = ? WHERE kind = 'approved'").run(other.body.id);
    db.close();
    const after = await api(server.url, 'GET', docRoute('/named-versions'), { token: owner.token });
    expect(after.body.chain.ok).toBe(false);
    expect(after.body.chain.brokenAt).toBe(2);
  });
});

describe('account recovery', () => {
  it('re-admits a member who joined with only a name as the same member, once', async () => {
    const jean = await invite(server.url, owner.token, owner.workspaceId, 'caregiver', 'editor', 'Jean');
    await write(jean.token, 'Écrit par Jean.');
    expect((await api(server.url, 'POST', `/api/workspaces/${owner.workspaceId}/members/${jean.userId}/recovery`, { token: jean.token })).status).toBe(403);
    // The lost device is still signed in, with the document open.
    const lostDevice = rawSocket(`${server.wsUrl}/${owner.documentId}?token=${jean.token}`);
    await lostDevice.opened;
    const link = await api(server.url, 'POST', `/api/workspaces/${owner.workspaceId}/members/${jean.userId}/recovery`, { token: owner.token });
    expect(link.status).toBe(201);
    expect(link.body.url).toMatch(/\/recover\//);
    const refused = await api(server.url, 'POST', `/api/recovery/${link.body.token}`, { body: { password: 'a new long passphrase' } });
    expect(refused.status).toBe(400);
    const used = await api(server.url, 'POST', `/api/recovery/${link.body.token}`, { body: {} });
    expect(used.status).toBe(201);
    expect(used.body.user.id).toBe(jean.userId);
    // Recovery ends the lost device's session and closes its connection; the new one works.
    expect((await lostDevice.closed).code).toBe(CLOSE_CODES.unauthenticated);
    expect((await api(server.url, 'GET', '/api/me', { token: jean.token })).status).toBe(401);
    expect((await api(server.url, 'GET', '/api/me', { token: used.body.token })).status).toBe(200);
    const contributions = await api(server.url, 'GET', docRoute('/contributions'), { token: used.body.token });
    expect(contributions.body.people.find((p: { userId: string }) => p.userId === jean.userId)?.currentChars).toBe('Écrit par Jean.'.length);
    expect((await api(server.url, 'POST', `/api/recovery/${link.body.token}`, { body: {} })).status).toBe(404);
  });
});

describe('shared devices', () => {
  it('ends a shared-device session with the browser and after 15 idle minutes', async () => {
    const login = await api(server.url, 'POST', '/api/login', { body: { email: 'alice@example.org', password: 'a long passphrase', sharedDevice: true } });
    expect(login.status).toBe(200);
    expect(login.headers.get('set-cookie')).not.toMatch(/Max-Age/);
    now += 10 * 60 * 1000;
    expect((await api(server.url, 'GET', '/api/me', { token: login.body.token })).status).toBe(200);
    now += 10 * 60 * 1000;
    expect((await api(server.url, 'GET', '/api/me', { token: login.body.token })).status).toBe(200);
    now += 16 * 60 * 1000;
    expect((await api(server.url, 'GET', '/api/me', { token: login.body.token })).status).toBe(401);
    // An ordinary session is not affected by idleness.
    expect((await api(server.url, 'GET', '/api/me', { token: owner.token })).status).toBe(200);
  });
});
