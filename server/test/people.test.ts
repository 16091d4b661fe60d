import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import { CLOSE_CODES } from '../../shared/src/index';
import { api, closedWith, connectClient, createOutsider, invite, rawSocket, setupFixture, startTestServer, synced, waitFor, type Fixture, type TestClient, type TestServer } from './testServer';

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

describe('invitations and joining', () => {
  it('lets people join with only a name, with the role and permission of their invitation', async () => {
    const created = await api(server.url, 'POST', `/api/workspaces/${owner.workspaceId}/invitations`, {
      token: owner.token,
      body: { role: 'caregiver', permission: 'editor', maxUses: 1 },
    });
    expect(created.status).toBe(201);
    expect(created.body.url).toBe(`${server.url}/join/${created.body.token}`);
    expect(created.body.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const preview = await api(server.url, 'GET', `/api/invitations/${created.body.token}`);
    expect(preview.body).toEqual({ workspaceName: 'Plan de Marie', inviterName: 'Alice Tremblay', inviterLanguage: null, role: 'caregiver', permission: 'editor' });
    const accepted = await api(server.url, 'POST', `/api/invitations/${created.body.token}/accept`, { body: { displayName: 'Jean' } });
    expect(accepted.status).toBe(201);
    expect(accepted.body.membership).toEqual({ workspaceId: owner.workspaceId, role: 'caregiver', permission: 'editor' });
    expect(accepted.body.user.email).toBeNull();
    const again = await api(server.url, 'POST', `/api/invitations/${created.body.token}/accept`, { body: { displayName: 'Someone else' } });
    expect(again.status).toBe(404);
    expect(again.body.error.message).toMatch(/not valid/);
    const members = await api(server.url, 'GET', `/api/workspaces/${owner.workspaceId}/members`, { token: accepted.body.token });
    expect(members.body.members.map((m: { displayName: string; perspective: string; permission: string }) => [m.displayName, m.perspective, m.permission])).toEqual([
      ['Alice Tremblay', 'experiential', 'owner'],
      ['Jean', 'experiential', 'editor'],
    ]);
  });

  it('accepts the short code typed in any case, and proposes owner for the person receiving care', async () => {
    const created = await api(server.url, 'POST', `/api/workspaces/${owner.workspaceId}/invitations`, { token: owner.token, body: { role: 'person' } });
    expect(created.body.permission).toBe('owner');
    const typed = ` ${created.body.code.toLowerCase().replace('-', ' ')} `;
    const accepted = await api(server.url, 'POST', `/api/invitations/${encodeURIComponent(typed)}/accept`, { body: { displayName: 'Marie' } });
    expect(accepted.status).toBe(201);
    expect(accepted.body.membership.permission).toBe('owner');
  });

  it('refuses revoked and expired invitations', async () => {
    const a = await api(server.url, 'POST', `/api/workspaces/${owner.workspaceId}/invitations`, { token: owner.token, body: { role: 'clinician', expiresInHours: 1 } });
    const b = await api(server.url, 'POST', `/api/workspaces/${owner.workspaceId}/invitations`, { token: owner.token, body: { role: 'clinician' } });
    expect((await api(server.url, 'DELETE', `/api/workspaces/${owner.workspaceId}/invitations/${b.body.id}`, { token: owner.token })).status).toBe(204);
    expect((await api(server.url, 'POST', `/api/invitations/${b.body.token}/accept`, { body: { displayName: 'X' } })).status).toBe(404);
    now += 2 * 3_600_000;
    expect((await api(server.url, 'POST', `/api/invitations/${a.body.token}/accept`, { body: { displayName: 'X' } })).status).toBe(404);
    const list = await api(server.url, 'GET', `/api/workspaces/${owner.workspaceId}/invitations`, { token: owner.token });
    expect(list.body.invitations).toHaveLength(2);
    expect(JSON.stringify(list.body)).not.toContain(a.body.token);
  });

  it('rate-limits guessing of invitation tokens with 429', async () => {
    let last = 0;
    for (let i = 0; i < 32; i++) last = (await api(server.url, 'POST', `/api/invitations/guess-${i}/accept`, { body: { displayName: 'X' } })).status;
    expect(last).toBe(429);
    expect((await api(server.url, 'GET', '/api/health')).status).toBe(200);
  });
});

describe('server-enforced permissions', () => {
  it('never relays or stores a viewer’s content updates, while their presence still works', async () => {
    const viewer = await invite(server.url, owner.token, owner.workspaceId, 'manager', 'viewer', 'Gestionnaire');
    const alice = open(owner.token);
    const v = open(viewer.token);
    await Promise.all([synced(alice), synced(v)]);
    v.text.insert(0, 'viewer text');
    v.provider.awareness.setLocalStateField('cursor', { at: 0 });
    await waitFor(() => alice.provider.awareness.getStates().get(v.doc.clientID)?.cursor !== undefined, 'viewer presence reaches alice');
    alice.text.insert(0, 'owner text');
    await waitFor(() => v.text.toString().includes('owner text'), 'viewer receives live changes');
    expect(alice.text.toString()).toBe('owner text');
    const stored = await server.store.readUpdates(owner.documentId, 1);
    expect(stored.every((u) => u.memberId === owner.userId)).toBe(true);
    const late = open(owner.token);
    await synced(late);
    expect(late.text.toString()).toBe('owner text');
  });

  it('applies a downgrade to a live connection at once, and an upgrade too', async () => {
    const editor = await invite(server.url, owner.token, owner.workspaceId, 'clinician', 'editor', 'Dr Roy');
    const alice = open(owner.token);
    const e = connectClient(server.wsUrl, owner.documentId, editor.token, { client: 'ensemble' });
    clients.push(e);
    const accessNotices: unknown[] = [];
    e.provider.messageHandlers[101] = (_encoder, decoder) => accessNotices.push(JSON.parse(decoding.readVarString(decoder)));
    await Promise.all([synced(alice), synced(e)]);
    e.text.insert(0, 'before;');
    await waitFor(() => alice.text.toString() === 'before;', 'editor write arrives');
    const down = await api(server.url, 'PATCH', `/api/workspaces/${owner.workspaceId}/members/${editor.userId}`, { token: owner.token, body: { permission: 'viewer' } });
    expect(down.status).toBe(200);
    expect(down.body.permission).toBe('viewer');
    await waitFor(() => accessNotices.length > 0, 'the downgraded connection is told its access changed');
    expect(accessNotices[0]).toEqual({ kind: 'access', documentId: owner.documentId });
    e.text.insert(e.text.length, 'after-downgrade;');
    alice.text.insert(alice.text.length, 'marker;');
    await waitFor(() => e.text.toString().includes('marker;'), 'owner write still reaches the viewer');
    expect(alice.text.toString()).not.toContain('after-downgrade');
    await api(server.url, 'PATCH', `/api/workspaces/${owner.workspaceId}/members/${editor.userId}`, { token: owner.token, body: { permission: 'editor' } });
    e.text.insert(e.text.length, 'after-upgrade;');
    await waitFor(() => alice.text.toString().includes('after-upgrade;'), 'upgrade applies at once');
  });

  it('closes a removed member’s sockets at once with 4403, and keeps everyone else working', async () => {
    const editor = await invite(server.url, owner.token, owner.workspaceId, 'caregiver', 'editor', 'Jean');
    const alice = open(owner.token);
    const j = open(editor.token);
    await Promise.all([synced(alice), synced(j)]);
    const closed = closedWith(j);
    const started = Date.now();
    expect((await api(server.url, 'DELETE', `/api/workspaces/${owner.workspaceId}/members/${editor.userId}`, { token: owner.token })).status).toBe(204);
    const event = await closed;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(event.code).toBe(CLOSE_CODES.accessEnded);
    expect((await rawSocket(`${server.wsUrl}/${owner.documentId}?token=${editor.token}`).closed).code).toBe(CLOSE_CODES.notFound);
    const other = open(owner.token);
    alice.text.insert(0, 'carry on');
    await waitFor(() => other.text.toString() === 'carry on', 'others keep working');
  });

  it('keeps at least one owner, and lets only owners manage people', async () => {
    const editor = await invite(server.url, owner.token, owner.workspaceId, 'clinician', 'editor', 'Dr Roy');
    const lastOwner = await api(server.url, 'DELETE', `/api/workspaces/${owner.workspaceId}/members/${owner.userId}`, { token: owner.token });
    expect(lastOwner.status).toBe(409);
    expect(lastOwner.body.error.message).toMatch(/at least one owner/);
    expect((await api(server.url, 'PATCH', `/api/workspaces/${owner.workspaceId}/members/${owner.userId}`, { token: owner.token, body: { permission: 'editor' } })).status).toBe(409);
    for (const [method, route, body] of [
      ['POST', `/api/workspaces/${owner.workspaceId}/invitations`, { role: 'citizen' }],
      ['GET', `/api/workspaces/${owner.workspaceId}/invitations`, undefined],
      ['PATCH', `/api/workspaces/${owner.workspaceId}/members/${owner.userId}`, { role: 'citizen' }],
      ['DELETE', `/api/workspaces/${owner.workspaceId}/members/${owner.userId}`, undefined],
      ['GET', `/api/workspaces/${owner.workspaceId}/audit`, undefined],
    ] as const) {
      const res = await api(server.url, method, route, { token: editor.token, ...(body ? { body } : {}) });
      expect(res.status, `${method} ${route}`).toBe(403);
    }
    // A second owner makes leaving possible; a member may always leave.
    await api(server.url, 'PATCH', `/api/workspaces/${owner.workspaceId}/members/${editor.userId}`, { token: owner.token, body: { permission: 'owner' } });
    expect((await api(server.url, 'DELETE', `/api/workspaces/${owner.workspaceId}/members/${owner.userId}`, { token: owner.token })).status).toBe(204);
    const audit = await api(server.url, 'GET', `/api/workspaces/${owner.workspaceId}/audit`, { token: editor.token });
    expect(audit.body.events.map((e: { kind: string }) => e.kind)).toEqual(['member_left', 'member_changed', 'joined', 'invited', 'workspace_created']);
    expect(audit.body.events[1]).toMatchObject({ actorName: 'Alice Tremblay', subjectName: 'Dr Roy', details: { after: { permission: 'owner' } } });
  });

  it('gives strangers and members of other workspaces nothing, on every route and on the socket', async () => {
    const stranger = await createOutsider(server);
    const otherWorkspace = await api(server.url, 'POST', '/api/workspaces', { token: stranger, body: { name: 'Mine' } });
    expect(otherWorkspace.status).toBe(201);
    const w = owner.workspaceId;
    const routes: Array<[string, string, unknown?]> = [
      ['GET', `/api/workspaces/${w}`],
      ['GET', `/api/workspaces/${w}/documents`],
      ['POST', `/api/workspaces/${w}/documents`, { title: 'x' }],
      ['GET', `/api/documents/${owner.documentId}`],
      ['POST', `/api/workspaces/${w}/invitations`, { role: 'citizen' }],
      ['GET', `/api/workspaces/${w}/invitations`],
      ['GET', `/api/workspaces/${w}/members`],
      ['PATCH', `/api/workspaces/${w}/members/${owner.userId}`, { role: 'citizen' }],
      ['DELETE', `/api/workspaces/${w}/members/${owner.userId}`],
      ['GET', `/api/workspaces/${w}/audit`],
    ];
    for (const [method, route, body] of routes) {
      const res = await api(server.url, method, route, { token: stranger, ...(body ? { body } : {}) });
      expect(res.status, `${method} ${route}`).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('Plan de Marie');
    }
    const workspaces = await api(server.url, 'GET', '/api/workspaces', { token: stranger });
    expect(workspaces.body.workspaces.map((x: { name: string }) => x.name)).toEqual(['Mine']);
    const socket = await rawSocket(`${server.wsUrl}/${owner.documentId}?token=${stranger}`).closed;
    expect(socket.code).toBe(CLOSE_CODES.notFound);
  });

  it('refuses a cookie request from another origin (CSRF)', async () => {
    const editor = await invite(server.url, owner.token, owner.workspaceId, 'clinician', 'editor', 'Dr Roy');
    const res = await api(server.url, 'DELETE', `/api/workspaces/${owner.workspaceId}/members/${editor.userId}`, {
      headers: { cookie: `ensemble_session=${owner.token}`, origin: 'https://attacker.example' },
    });
    expect(res.status).toBe(403);
    const members = await api(server.url, 'GET', `/api/workspaces/${owner.workspaceId}/members`, { token: owner.token });
    expect(members.body.members).toHaveLength(2);
  });
});

describe('sessions and credentials', () => {
  it('closes the sockets of a session that signs out, and of every session on sign-out everywhere', async () => {
    const login = await api(server.url, 'POST', '/api/login', { body: { email: 'alice@example.org', password: 'a long passphrase' } });
    const first = open(owner.token);
    const second = open(login.body.token);
    await Promise.all([synced(first), synced(second)]);
    const firstClosed = closedWith(first);
    expect((await api(server.url, 'POST', '/api/logout', { token: owner.token })).status).toBe(204);
    expect((await firstClosed).code).toBe(CLOSE_CODES.unauthenticated);
    expect(second.provider.wsconnected).toBe(true);
    const secondClosed = closedWith(second);
    expect((await api(server.url, 'POST', '/api/logout-everywhere', { token: login.body.token })).status).toBe(204);
    expect((await secondClosed).code).toBe(CLOSE_CODES.unauthenticated);
    expect((await api(server.url, 'GET', '/api/me', { token: login.body.token })).status).toBe(401);
  });

  it('lets someone who joined with a name add an email and password to sign in elsewhere', async () => {
    const joined = await invite(server.url, owner.token, owner.workspaceId, 'peer_supporter', 'commenter', 'Sam');
    const taken = await api(server.url, 'POST', '/api/me/credentials', { token: joined.token, body: { email: 'alice@example.org', password: 'another long one' } });
    expect(taken.status).toBe(409);
    const set = await api(server.url, 'POST', '/api/me/credentials', { token: joined.token, body: { email: 'sam@example.org', password: 'another long one' } });
    expect(set.status).toBe(200);
    const login = await api(server.url, 'POST', '/api/login', { body: { email: 'sam@example.org', password: 'another long one' } });
    expect(login.status).toBe(200);
    const change = await api(server.url, 'POST', '/api/me/credentials', { token: login.body.token, body: { email: 'sam@example.org', password: 'a third passphrase' } });
    expect(change.status).toBe(403);
  });
});
