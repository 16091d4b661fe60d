import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_CODES } from '../../shared/src/index';
import { encodeSyncUpdate } from '../src/sync/frames';
import { api, connectClient, invite, rawSocket, setupFixture, startTestServer, synced, waitFor, type Fixture, type TestClient, type TestServer } from './testServer';

let server: TestServer;
let owner: Fixture;
const clients: TestClient[] = [];

beforeEach(async () => {
  server = await startTestServer();
  owner = await setupFixture(server);
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.cleanup();
});

function open(token: string): TestClient {
  const client = connectClient(server.wsUrl, owner.documentId, token);
  clients.push(client);
  return client;
}

describe('attribution the client cannot forge', () => {
  it('refuses an update carrying content under another member’s client id, and relays and stores nothing of it', async () => {
    const bob = await invite(server.url, owner.token, owner.workspaceId, 'clinician', 'editor', 'Bob');
    const alice = open(owner.token);
    const watcher = open(owner.token);
    await Promise.all([synced(alice), synced(watcher)]);
    alice.text.insert(0, 'Alice wrote this. ');
    await waitFor(() => watcher.text.toString() === 'Alice wrote this. ', 'alice text arrives');
    const before = await server.store.latestSeq(owner.documentId);

    // Bob crafts an update that claims to come from Alice's client id.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(alice.doc));
    // Set after applying: Yjs renames a doc that receives its own client id from elsewhere.
    forged.clientID = alice.doc.clientID;
    const vector = Y.encodeStateVector(forged);
    forged.getText('t').insert(0, 'Alice agrees to stop treatment. ');
    const update = Y.encodeStateAsUpdate(forged, vector);

    const attacker = rawSocket(`${server.wsUrl}/${owner.documentId}?token=${bob.token}`);
    await attacker.opened;
    attacker.ws.send(encodeSyncUpdate(update));
    const closed = await attacker.closed;
    expect(Y.decodeUpdate(update).structs.every((struct) => struct.id.client === alice.doc.clientID)).toBe(true);
    expect(closed.code).toBe(CLOSE_CODES.clientIdTaken);
    expect(closed.reason).toMatch(/another person/);

    alice.text.insert(alice.text.length, 'Still working.');
    await waitFor(() => watcher.text.toString().endsWith('Still working.'), 'room keeps working');
    expect(watcher.text.toString()).not.toContain('stop treatment');
    const stored = await server.store.readUpdates(owner.documentId, before + 1);
    expect(stored.every((u) => u.memberId === owner.userId)).toBe(true);
    const bindings = await server.store.listClientBindings(owner.documentId);
    expect(bindings.filter((b) => b.clientId === alice.doc.clientID)).toEqual([{ clientId: alice.doc.clientID, memberId: owner.userId }]);
  });

  it('keeps client id bindings across a restart', async () => {
    const bob = await invite(server.url, owner.token, owner.workspaceId, 'clinician', 'editor', 'Bob');
    const alice = open(owner.token);
    await synced(alice);
    alice.text.insert(0, 'mine');
    await waitFor(async () => (await server.store.latestSeq(owner.documentId)) > 0, 'stored');
    const clientId = alice.doc.clientID;
    for (const client of clients.splice(0)) client.destroy();
    await server.stop();
    server = await startTestServer({ dataDir: server.dataDir });
    const forged = new Y.Doc();
    forged.clientID = clientId;
    forged.getText('t').insert(0, 'x');
    const attacker = rawSocket(`${server.wsUrl}/${owner.documentId}?token=${bob.token}`);
    await attacker.opened;
    // Clock 0 of that client already exists: craft a later clock by inserting more than the original length.
    forged.getText('t').insert(1, 'yyyyyy');
    attacker.ws.send(encodeSyncUpdate(Y.encodeStateAsUpdate(forged)));
    expect((await attacker.closed).code).toBe(CLOSE_CODES.clientIdTaken);
  });
});

describe('authorship, contributions, history', () => {
  async function threeMembers() {
    const clinician = await invite(server.url, owner.token, owner.workspaceId, 'clinician', 'editor', 'Dr Roy');
    const caregiver = await invite(server.url, owner.token, owner.workspaceId, 'caregiver', 'editor', 'Jean');
    const a = open(owner.token);
    const c = open(clinician.token);
    const j = open(caregiver.token);
    await Promise.all([synced(a), synced(c), synced(j)]);
    return { a, c, j, clinician, caregiver };
  }

  async function settle(clients: TestClient[], expected: string): Promise<void> {
    await waitFor(() => clients.every((x) => x.text.toString() === expected), `all see "${expected}"`);
    await waitFor(() => clients.every((x) => (x.provider.ws?.bufferedAmount ?? 0) === 0), 'all sent');
  }

  it('credits each run of text and each deletion to the member who made it, after interleaved edits', async () => {
    const { a, c, j, clinician, caregiver } = await threeMembers();
    a.text.insert(0, 'I want to go home.');
    await settle([a, c, j], 'I want to go home.');
    c.text.insert(18, ' Physio twice a week.');
    j.text.insert(0, 'Marie says: ');
    await settle([a, c, j], 'Marie says: I want to go home. Physio twice a week.');
    // Jean removes "twice" (written by the clinician); the clinician removes "Marie says: " (written by Jean).
    const text = a.text.toString();
    j.text.delete(text.indexOf('twice '), 'twice '.length);
    await settle([a, c, j], 'Marie says: I want to go home. Physio a week.');
    c.text.delete(0, 'Marie says: '.length);
    a.text.insert(a.text.length, ' Soon.');
    await settle([a, c, j], 'I want to go home. Physio a week. Soon.');

    const ids = { [owner.userId]: 'alice', [clinician.userId]: 'roy', [caregiver.userId]: 'jean' };
    const compare = await api(server.url, 'GET', `/api/documents/${owner.documentId}/versions/0/compare`, { token: owner.token });
    expect(compare.status).toBe(200);
    expect(compare.body.segments.map((s: { kind: string; text: string; userId: string }) => [s.kind, s.text, ids[s.userId]])).toEqual([
      ['inserted', 'I want to go home.', 'alice'],
      ['inserted', ' Physio a week.', 'roy'],
      ['inserted', ' Soon.', 'alice'],
    ]);

    const contributions = await api(server.url, 'GET', `/api/documents/${owner.documentId}/contributions`, { token: owner.token });
    expect(contributions.status).toBe(200);
    const byName = Object.fromEntries(contributions.body.people.map((p: { userId: string }) => [ids[p.userId], p]));
    expect(byName.alice).toMatchObject({ currentChars: 24, insertedChars: 24, deletedChars: 0, perspective: 'experiential', role: 'person' });
    expect(byName.roy).toMatchObject({ currentChars: 15, insertedChars: 21, deletedChars: 12, perspective: 'professional', role: 'clinician' });
    expect(byName.jean).toMatchObject({ currentChars: 0, insertedChars: 12, deletedChars: 6, perspective: 'experiential', role: 'caregiver' });
    expect(contributions.body.totals).toMatchObject({ currentChars: 39, insertedChars: 57, deletedChars: 18, sessions: 1 });
    expect(byName.alice.share).toBeCloseTo(24 / 39);
    const experiential = contributions.body.perspectives.find((p: { perspective: string }) => p.perspective === 'experiential');
    expect(experiential).toMatchObject({ currentChars: 24, people: 2 });

    const authorship = await api(server.url, 'GET', `/api/documents/${owner.documentId}/authorship`, { token: owner.token });
    const bound = new Map(authorship.body.clients.map((x: { clientId: number; userId: string }) => [x.clientId, ids[x.userId]]));
    expect(bound.get(a.doc.clientID)).toBe('alice');
    expect(bound.get(c.doc.clientID)).toBe('roy');
    expect(bound.get(j.doc.clientID)).toBe('jean');
  });

  it('restores an earlier version as a new change by the restorer, keeping every earlier version', async () => {
    const { a, c, clinician } = await threeMembers();
    a.text.insert(0, 'Goal: walk to the market.');
    await settle([a, c], 'Goal: walk to the market.');
    const versionSeq = await server.store.latestSeq(owner.documentId);
    c.text.delete(6, 'walk to the market'.length);
    c.text.insert(6, 'reduce falls');
    await settle([a, c], 'Goal: reduce falls.');
    const beforeRestore = await server.store.latestSeq(owner.documentId);

    const history = await api(server.url, 'GET', `/api/documents/${owner.documentId}/history`, { token: owner.token });
    expect(history.body.sessions).toHaveLength(1);
    expect(history.body.sessions[0].toSeq).toBe(beforeRestore);

    const viewer = await invite(server.url, owner.token, owner.workspaceId, 'citizen', 'viewer', 'Vi');
    expect((await api(server.url, 'POST', `/api/documents/${owner.documentId}/restore`, { token: viewer.token, body: { seq: versionSeq } })).status).toBe(403);

    const restored = await api(server.url, 'POST', `/api/documents/${owner.documentId}/restore`, { token: owner.token, body: { seq: versionSeq } });
    expect(restored.status).toBe(201);
    expect(restored.body.seq).toBeGreaterThan(beforeRestore);
    await settle([a, c], 'Goal: walk to the market.');
    const entry = (await server.store.readUpdates(owner.documentId, restored.body.seq, restored.body.seq))[0];
    expect(entry?.memberId).toBe(owner.userId);

    const old = await api(server.url, 'GET', `/api/documents/${owner.documentId}/versions/${beforeRestore}`, { token: clinician.token });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Buffer.from(old.body.state, 'base64'));
    expect(doc.getText('t').toString()).toBe('Goal: reduce falls.');
    const compare = await api(server.url, 'GET', `/api/documents/${owner.documentId}/versions/${beforeRestore}/compare`, { token: owner.token });
    const changes = compare.body.segments.filter((s: { kind: string }) => s.kind !== 'same');
    expect(changes).toEqual([
      { kind: 'inserted', text: 'walk to the market', userId: owner.userId },
      { kind: 'deleted', text: 'reduce falls', userId: owner.userId },
    ]);
  });

  it('gives non-members nothing on attribution routes', async () => {
    const stranger = await invite(server.url, owner.token, owner.workspaceId, 'citizen', 'viewer', 'S');
    await api(server.url, 'DELETE', `/api/workspaces/${owner.workspaceId}/members/${stranger.userId}`, { token: owner.token });
    for (const route of ['authorship', 'contributions', 'history', 'versions/0', 'versions/0/compare']) {
      expect((await api(server.url, 'GET', `/api/documents/${owner.documentId}/${route}`, { token: stranger.token })).status, route).toBe(404);
    }
    expect((await api(server.url, 'POST', `/api/documents/${owner.documentId}/restore`, { token: stranger.token, body: { seq: 0 } })).status).toBe(404);
  });
});
