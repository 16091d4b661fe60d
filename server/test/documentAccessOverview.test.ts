/**
 * What owners and members learn about a document's access without opening it: the `archived`
 * and `restricted` flags of the workspace's document list, and the owners' overview of the
 * documents that do not simply follow workspace permissions (shown in the People panel).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api, invite, setupFixture, startTestServer, type Fixture, type TestServer } from './testServer';

let server: TestServer;
let owner: Fixture;

beforeEach(async () => {
  server = await startTestServer();
  owner = await setupFixture(server);
});
afterEach(async () => {
  await server.cleanup();
});

async function newDocument(title: string, token = owner.token): Promise<string> {
  const created = await api(server.url, 'POST', `/api/workspaces/${owner.workspaceId}/documents`, { token, body: { title } });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

async function setAccess(documentId: string, body: unknown, token = owner.token) {
  return api(server.url, 'PUT', `/api/documents/${documentId}/access`, { token, body });
}

const list = (token: string, archived = false) =>
  api(server.url, 'GET', `/api/workspaces/${owner.workspaceId}/documents${archived ? '?archived=include' : ''}`, { token });
const overview = (token: string, workspaceId = owner.workspaceId) => api(server.url, 'GET', `/api/workspaces/${workspaceId}/document-access`, { token });

describe('the document list says which documents are archived or restricted', () => {
  it('flags each row, and archived rows only come when asked for', async () => {
    const jean = await invite(server.url, owner.token, owner.workspaceId, 'caregiver', 'editor', 'Jean');
    const crisis = await newDocument('Plan de crise');
    const old = await newDocument('Ancien plan');
    expect((await setAccess(crisis, { restricted: true, people: [{ userId: owner.userId, permission: 'owner' }, { userId: jean.userId, permission: 'viewer' }] })).status).toBe(200);
    expect((await api(server.url, 'PATCH', `/api/documents/${old}`, { token: owner.token, body: { archived: true } })).status).toBe(204);

    const flags = (rows: Array<{ id: string; archived: boolean; restricted: boolean }>) =>
      Object.fromEntries(rows.map((r) => [r.id, { archived: r.archived, restricted: r.restricted }]));
    const active = await list(owner.token);
    expect(active.status).toBe(200);
    expect(flags(active.body.documents)).toEqual({
      [owner.documentId]: { archived: false, restricted: false },
      [crisis]: { archived: false, restricted: true },
    });
    const all = await list(owner.token, true);
    expect(flags(all.body.documents)).toEqual({
      [owner.documentId]: { archived: false, restricted: false },
      [crisis]: { archived: false, restricted: true },
      [old]: { archived: true, restricted: false },
    });

    // Restoring and opening the document to everyone clear the flags.
    await api(server.url, 'PATCH', `/api/documents/${old}`, { token: owner.token, body: { archived: false } });
    await setAccess(crisis, { restricted: false, people: [] });
    const cleared = await list(jean.token, true);
    expect(cleared.body.documents.every((d: { archived: boolean; restricted: boolean }) => !d.archived && !d.restricted)).toBe(true);
    expect(cleared.body.documents).toHaveLength(3);
    // The document's own details carry the same flags.
    const info = await api(server.url, 'GET', `/api/documents/${crisis}`, { token: jean.token });
    expect(info.body).toMatchObject({ archived: false, restricted: false });
  });
});

describe("the owners' overview of per-document access", () => {
  it('lists restricted documents and per-person permissions, nothing else', async () => {
    const jean = await invite(server.url, owner.token, owner.workspaceId, 'caregiver', 'editor', 'Jean');
    const nadia = await invite(server.url, owner.token, owner.workspaceId, 'clinician', 'editor', 'Nadia');
    const crisis = await newDocument('Plan de crise');
    const care = await newDocument('Plan de soins');
    await newDocument('Notes libres');
    expect((await setAccess(crisis, { restricted: true, people: [{ userId: owner.userId, permission: 'owner' }, { userId: nadia.userId, permission: 'editor' }] })).status).toBe(200);
    expect((await setAccess(care, { restricted: false, people: [{ userId: jean.userId, permission: 'commenter' }] })).status).toBe(200);

    const seen = await overview(owner.token);
    expect(seen.status).toBe(200);
    const byTitle = Object.fromEntries(seen.body.documents.map((d: { title: string }) => [d.title, d]));
    expect(Object.keys(byTitle).sort()).toEqual(['Plan de crise', 'Plan de soins']);
    expect(byTitle['Plan de crise']).toMatchObject({ id: crisis, restricted: true, archived: false });
    expect(byTitle['Plan de crise'].people).toEqual(
      expect.arrayContaining([{ userId: owner.userId, permission: 'owner' }, { userId: nadia.userId, permission: 'editor' }]),
    );
    expect(byTitle['Plan de soins']).toMatchObject({ id: care, restricted: false, people: [{ userId: jean.userId, permission: 'commenter' }] });

    // A document in the trash is no longer part of the picture.
    expect((await api(server.url, 'DELETE', `/api/documents/${care}`, { token: owner.token })).status).toBe(204);
    expect((await overview(owner.token)).body.documents.map((d: { id: string }) => d.id)).toEqual([crisis]);
  });

  it('refuses members who are not owners (403) and strangers (404), and changes nothing', async () => {
    const jean = await invite(server.url, owner.token, owner.workspaceId, 'caregiver', 'editor', 'Jean');
    const crisis = await newDocument('Plan de crise');
    await setAccess(crisis, { restricted: true, people: [{ userId: owner.userId, permission: 'owner' }] });

    const refused = await overview(jean.token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect(JSON.stringify(refused.body)).not.toContain('Plan de crise');

    const other = await api(server.url, 'POST', '/api/workspaces', { token: jean.token, body: { name: 'Ailleurs', purpose: 'other' } });
    const stranger = await overview(owner.token, other.body.id);
    expect(stranger.status).toBe(404);
    expect((await overview(owner.token, 'no-such-workspace')).status).toBe(404);
    expect((await api(server.url, 'GET', `/api/workspaces/${owner.workspaceId}/document-access`)).status).toBe(401);

    // Nothing was disturbed: the owner's view is intact.
    expect((await overview(owner.token)).body.documents.map((d: { id: string }) => d.id)).toEqual([crisis]);
  });

  it("leaves out a document restricted away from this owner, as every other route does", async () => {
    const second = await invite(server.url, owner.token, owner.workspaceId, 'clinician', 'owner', 'Second owner');
    const hidden = await newDocument('Journal de Marie');
    expect((await setAccess(hidden, { restricted: true, people: [{ userId: owner.userId, permission: 'owner' }] })).status).toBe(200);
    expect((await overview(second.token)).body.documents).toEqual([]);
    expect((await overview(owner.token)).body.documents.map((d: { id: string }) => d.id)).toEqual([hidden]);
  });
});
