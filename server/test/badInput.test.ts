import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { CLOSE_CODES } from '../../shared/src/index';
import { api, connectClient, createOutsider, rawSocket, setupFixture, startTestServer, synced, waitFor, type Fixture, type TestClient, type TestServer } from './testServer';

let server: TestServer;
let fixture: Fixture;
let alice: TestClient;
let bob: TestClient;

beforeEach(async () => {
  server = await startTestServer({ env: { LIMIT_MAX_MESSAGE_BYTES: '65536', LIMIT_MESSAGES_PER_SECOND: '50', LIMIT_MESSAGE_BURST: '100' } });
  fixture = await setupFixture(server);
  alice = connectClient(server.wsUrl, fixture.documentId, fixture.token);
  bob = connectClient(server.wsUrl, fixture.documentId, fixture.token);
  await Promise.all([synced(alice), synced(bob)]);
});
afterEach(async () => {
  alice.destroy();
  bob.destroy();
  await server.cleanup();
});

function socketUrl(documentId = fixture.documentId, token: string | null = fixture.token): string {
  return `${server.wsUrl}/${documentId}${token === null ? '' : `?token=${encodeURIComponent(token)}`}`;
}

/** After an attack, the room still works: an edit from alice reaches bob. */
async function roomStillWorks(marker: string): Promise<void> {
  alice.text.insert(alice.text.length, marker);
  await waitFor(() => bob.text.toString().includes(marker), `edit "${marker}" reaches bob`);
}

function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

describe('bad input harms no one else', () => {
  it('closes a connection sending garbage bytes with 4400', async () => {
    const attacker = rawSocket(socketUrl());
    await attacker.opened;
    attacker.ws.send(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x7f, 1, 2, 3]));
    const closed = await attacker.closed;
    expect(closed.code).toBe(CLOSE_CODES.malformed);
    expect(closed.reason).toMatch(/Malformed message/);
    await roomStillWorks('after-garbage');
  });

  it('closes a connection sending a truncated update with 4400 and stores nothing from it', async () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'this must never be stored');
    const update = Y.encodeStateAsUpdate(doc);
    const attacker = rawSocket(socketUrl());
    await attacker.opened;
    attacker.ws.send(syncFrame(2, update.slice(0, update.length - 6)));
    expect((await attacker.closed).code).toBe(CLOSE_CODES.malformed);
    const truncatedFrame = syncFrame(2, update).slice(0, 10);
    const second = rawSocket(socketUrl());
    await second.opened;
    second.ws.send(truncatedFrame);
    expect((await second.closed).code).toBe(CLOSE_CODES.malformed);
    await roomStillWorks('after-truncated');
    const stored = await server.store.readUpdates(fixture.documentId, 1);
    const replay = new Y.Doc();
    for (const entry of stored) Y.applyUpdate(replay, entry.update);
    expect(replay.getText('t').toString()).toBe('after-truncated');
  });

  it('closes a connection sending a text frame or an unknown message type with 4400', async () => {
    const text = rawSocket(socketUrl());
    await text.opened;
    text.ws.send('hello');
    expect((await text.closed).code).toBe(CLOSE_CODES.malformed);
    const unknown = rawSocket(socketUrl());
    await unknown.opened;
    unknown.ws.send(Buffer.from([42, 0]));
    expect((await unknown.closed).code).toBe(CLOSE_CODES.malformed);
    await roomStillWorks('after-unknown');
  });

  it('closes a connection sending an oversized frame with 4413', async () => {
    const attacker = rawSocket(socketUrl());
    await attacker.opened;
    attacker.ws.send(syncFrame(2, new Uint8Array(70_000)));
    const closed = await attacker.closed;
    expect(closed.code).toBe(CLOSE_CODES.tooLarge);
    expect(closed.reason).toMatch(/too large/);
    await roomStillWorks('after-oversized');
  });

  it('closes a flooding connection with 4529', async () => {
    const attacker = rawSocket(socketUrl());
    await attacker.opened;
    const query = Buffer.from([3]);
    for (let i = 0; i < 400; i++) attacker.ws.send(query);
    const closed = await attacker.closed;
    expect(closed.code).toBe(CLOSE_CODES.tooManyMessages);
    await roomStillWorks('after-flood');
  });

  it('closes with 4404 for an unknown document, a malformed id, or a document of a workspace the caller is not in', async () => {
    expect((await rawSocket(socketUrl('no-such-document')).closed).code).toBe(CLOSE_CODES.notFound);
    expect((await rawSocket(`${server.wsUrl}/bad%20id!?token=${fixture.token}`).closed).code).toBe(CLOSE_CODES.notFound);
    const outsider = await createOutsider(server);
    const refused = await rawSocket(socketUrl(fixture.documentId, outsider)).closed;
    expect(refused.code).toBe(CLOSE_CODES.notFound);
    expect(refused.reason).toBe('No such document.');
    expect((await api(server.url, 'GET', `/api/documents/${fixture.documentId}`, { token: outsider })).status).toBe(404);
    expect((await api(server.url, 'GET', `/api/workspaces/${fixture.workspaceId}/documents`, { token: outsider })).status).toBe(404);
    await roomStillWorks('after-unknown-doc');
  });

  it('closes with 4401 for a missing or wrong token', async () => {
    const missing = await rawSocket(socketUrl(fixture.documentId, null)).closed;
    expect(missing.code).toBe(CLOSE_CODES.unauthenticated);
    const wrong = await rawSocket(socketUrl(fixture.documentId, 'not-a-real-token')).closed;
    expect(wrong.code).toBe(CLOSE_CODES.unauthenticated);
    await roomStillWorks('after-bad-token');
  });

  it('keeps other rooms working while one is attacked', async () => {
    const other = await api(server.url, 'POST', `/api/workspaces/${fixture.workspaceId}/documents`, { token: fixture.token, body: { title: 'Autre' } });
    const carol = connectClient(server.wsUrl, other.body.id, fixture.token);
    const dave = connectClient(server.wsUrl, other.body.id, fixture.token);
    await Promise.all([synced(carol), synced(dave)]);
    const attacker = rawSocket(socketUrl());
    await attacker.opened;
    attacker.ws.send(Buffer.from([0, 2, 5, 1, 2]));
    expect((await attacker.closed).code).toBe(CLOSE_CODES.malformed);
    carol.text.insert(0, 'still here');
    await waitFor(() => dave.text.toString() === 'still here', 'other room still works');
    carol.destroy();
    dave.destroy();
  });

  it('drops awareness entries for client ids owned by another connection', async () => {
    alice.provider.awareness.setLocalStateField('cursor', { at: 1 });
    await waitFor(() => bob.provider.awareness.getStates().get(alice.doc.clientID)?.cursor !== undefined, 'alice presence');
    const spoof = rawSocket(socketUrl());
    await spoof.opened;
    const entry = encoding.createEncoder();
    encoding.writeVarUint(entry, 1);
    encoding.writeVarUint(entry, alice.doc.clientID);
    encoding.writeVarUint(entry, 999);
    encoding.writeVarString(entry, JSON.stringify({ cursor: { at: 'spoofed' } }));
    const frame = encoding.createEncoder();
    encoding.writeVarUint(frame, 1);
    encoding.writeVarUint8Array(frame, encoding.toUint8Array(entry));
    spoof.ws.send(encoding.toUint8Array(frame));
    await roomStillWorks('after-spoof');
    expect(bob.provider.awareness.getStates().get(alice.doc.clientID)?.cursor).toEqual({ at: 1 });
    spoof.ws.close();
  });
});

describe('connection limits', () => {
  it('refuses connections beyond the per-person limit with 4529 and keeps the others', async () => {
    const limited = await startTestServer({ env: { LIMIT_CONNECTIONS_PER_USER: '2' } });
    const f = await setupFixture(limited);
    const first = connectClient(limited.wsUrl, f.documentId, f.token);
    const second = connectClient(limited.wsUrl, f.documentId, f.token);
    await Promise.all([synced(first), synced(second)]);
    const third = await rawSocket(`${limited.wsUrl}/${f.documentId}?token=${f.token}`).closed;
    expect(third.code).toBe(CLOSE_CODES.tooManyMessages);
    expect(third.reason).toMatch(/Too many open connections/);
    first.text.insert(0, 'still fine');
    await waitFor(() => second.text.toString() === 'still fine', 'existing connections keep working');
    first.destroy();
    second.destroy();
    await limited.cleanup();
  });
});

/** Decodes completely, yet Yjs cannot integrate it (found by the fuzz soak, see docs/performance.md). */
const POISON_UPDATE = Uint8Array.from(
  Buffer.from(
    '0108e6c5a3dd040004010562656e6368016684e6c5a3dd040208757a7a363336363284e6c5a3dd0408023420c4e6c5a3dd0408e6c5a3dd04090a66757a7a343332393120c1e6c5a3dd0400e6c5a3dd040102c4e6c5a3dd0416e6c5a3dd0401047a7a3430c4e6c5a3dd041ae6c5a3dd0401053732363620c4e6c5a3dd041ae6c5a3dd041b0b66757a7a3336363532322001e6c5a3dd04011502',
    'hex',
  ),
);

describe('updates that decode but cannot be applied', () => {
  it('refuses one with 4400 before it reaches the log', async () => {
    const before = await server.store.latestSeq(fixture.documentId);
    const attacker = rawSocket(socketUrl());
    await attacker.opened;
    attacker.ws.send(syncFrame(2, POISON_UPDATE));
    expect((await attacker.closed).code).toBe(CLOSE_CODES.malformed);
    await roomStillWorks('after-poison');
    const after = await server.store.readUpdates(fixture.documentId, before + 1);
    expect(after.every((u) => !Buffer.from(u.update).equals(Buffer.from(POISON_UPDATE)))).toBe(true);
  });

  it('skips one already in the log when loading, so the document still opens', async () => {
    alice.text.insert(0, 'kept');
    await waitFor(() => bob.text.toString() === 'kept', 'kept text relayed');
    alice.destroy();
    bob.destroy();
    await server.stop();
    const restarted = await startTestServer({ dataDir: server.dataDir });
    await restarted.store.appendUpdates([{ documentId: fixture.documentId, memberId: fixture.userId, update: POISON_UPDATE, time: Date.now() }]);
    alice = connectClient(restarted.wsUrl, fixture.documentId, fixture.token);
    bob = connectClient(restarted.wsUrl, fixture.documentId, fixture.token);
    await Promise.all([synced(alice), synced(bob)]);
    expect(alice.text.toString()).toBe('kept');
    alice.text.insert(4, ' and working');
    await waitFor(() => bob.text.toString() === 'kept and working', 'room works after skipping the entry');
    await restarted.cleanup();
  });
});
