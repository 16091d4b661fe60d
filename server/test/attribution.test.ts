import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_CODES } from '../../shared/src/index';
import { encodeSyncUpdate } from '../src/sync/frames';
import { connectClient, invite, rawSocket, setupFixture, startTestServer, synced, waitFor, type Fixture, type TestClient, type TestServer } from './testServer';

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
