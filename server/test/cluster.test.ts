/**
 * Several server instances serving the same documents (issue 11): two instances on one shared
 * database (PostgreSQL when it can be started here) and one Redis, stock y-websocket clients
 * on each. What one instance accepts reaches the clients of the other; so do presence, record
 * notices, workshop notices and access changes.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { expect, it } from 'vitest';
import { CLOSE_CODES, MESSAGE_TYPES, RecordEventSchema, type RecordEvent } from '../../shared/src/index';
import { createRng } from '../../bench/lib/rng';
import { encodeSyncUpdate } from '../src/sync/frames';
import { comment } from './coDraftingHelpers';
import { propose, setupTeam, type Team } from './decisionHelpers';
import { startInstance, useInstancePair } from './support/cluster';
import { describeWithRedis, useRedis } from './support/redis';
import { api, closedWith, connectClient, rawSocket, synced, waitFor, type TestClient, type TestServer } from './testServer';
import { createWorkshop, postCard, readEvents, setupWorkshopTeam } from './workshopHelpers';

const clients: TestClient[] = [];
function open(server: TestServer, documentId: string, token: string, params: Record<string, string> = {}): TestClient {
  const client = connectClient(server.wsUrl, documentId, token, params);
  clients.push(client);
  return client;
}

function noticesOf(client: TestClient): RecordEvent[] {
  const notices: RecordEvent[] = [];
  client.provider.messageHandlers[MESSAGE_TYPES.record] = (_encoder, decoder) => {
    notices.push(RecordEventSchema.parse(JSON.parse(decoding.readVarString(decoder))));
  };
  client.provider.messageHandlers[MESSAGE_TYPES.saved] = () => {};
  return notices;
}

/** The document as the store has it: latest checkpoint plus the log after it. */
async function storedDoc(server: TestServer, documentId: string): Promise<Y.Doc> {
  const state = await server.store.loadDocumentState(documentId);
  const doc = new Y.Doc();
  if (state.checkpoint) Y.applyUpdate(doc, state.checkpoint.state);
  for (const entry of state.tail) Y.applyUpdate(doc, entry.update);
  return doc;
}

describeWithRedis('two instances behind one Redis', () => {
  const redis = useRedis();
  // Frequent checkpoints: each must hold every update up to its sequence number, from both instances.
  const pair = useInstancePair(redis, clients, { LIMIT_CHECKPOINT_EVERY: '7' });

  it('converges clients on both instances into one log without duplicate or missing sequence numbers', async () => {
    const { a, b, database } = pair;
    const team: Team = await setupTeam(a);
    const doc = team.owner.documentId;
    const writers = [open(a, doc, team.owner.token), open(b, doc, team.editor.token), open(a, doc, team.editor.token), open(b, doc, team.owner.token)];
    const reader = open(b, doc, team.viewer.token);
    await Promise.all([...writers, reader].map(synced));
    const seed = Date.now() % 100_000;
    const random = createRng(seed);
    for (let round = 0; round < 30; round++) {
      for (const [i, writer] of writers.entries()) {
        const text = writer.text;
        if (random() < 0.8 || text.length === 0) text.insert(Math.floor(random() * (text.length + 1)), `${i}${round};`);
        else text.delete(Math.floor(random() * text.length), 1);
      }
      if (round % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const final = () => writers[0]?.text.toString() ?? '';
    await waitFor(() => [...writers, reader].every((c) => c.text.toString() === final()), `convergence (seed ${seed})`, 20_000);

    const logged = await a.store.readUpdates(doc, 1);
    expect(logged.map((u) => u.seq), `seed ${seed}`).toEqual(logged.map((_, i) => i + 1));
    expect(logged.length).toBeGreaterThanOrEqual(120);
    // Checkpoints are written by both instances (once each is no longer busy with the burst)
    // while the other wrote too: each covers its prefix.
    await waitFor(async () => (await a.store.loadDocumentState(doc)).checkpoint !== null, 'a checkpoint after the burst');
    expect((await storedDoc(a, doc)).getText('t').toString()).toBe(final());
    // A third instance loads the same document from the shared store.
    const c = await startInstance(database, redis.url, 'instance-c');
    try {
      const late = open(c, doc, team.viewer.token);
      await synced(late);
      expect(late.text.toString()).toBe(final());
    } finally {
      await c.stop();
    }
  }, 90_000);

  it('carries presence across instances, with the identity the server stamped', async () => {
    const { a, b } = pair;
    const team = await setupTeam(a);
    const doc = team.owner.documentId;
    const alice = open(a, doc, team.owner.token);
    const roy = open(b, doc, team.editor.token);
    await Promise.all([synced(alice), synced(roy)]);
    alice.provider.awareness.setLocalStateField('user', { name: 'Someone else entirely' });
    alice.provider.awareness.setLocalStateField('cursor', { index: 3 });
    const aliceId = alice.doc.clientID;
    await waitFor(() => (roy.provider.awareness.getStates().get(aliceId) as { cursor?: unknown } | undefined)?.cursor !== undefined, 'presence on the other instance');
    expect(roy.provider.awareness.getStates().get(aliceId)).toMatchObject({ cursor: { index: 3 }, user: { id: team.owner.userId, name: 'Alice Tremblay' } });

    // Someone joining later on B still sees Alice (the new room asks the other instances).
    const late = open(b, doc, team.viewer.token);
    await synced(late);
    await waitFor(() => late.provider.awareness.getStates().has(aliceId), 'presence for a later joiner');

    alice.destroy();
    await waitFor(() => !roy.provider.awareness.getStates().has(aliceId), 'presence removed when Alice leaves');
  });

  it('sends decision and comment notices to Ensemble clients on the other instance', async () => {
    const { a, b } = pair;
    const team = await setupTeam(a);
    const doc = team.owner.documentId;
    const onB = open(b, doc, team.editor.token, { client: 'ensemble' });
    const notices = noticesOf(onB);
    const onA = open(a, doc, team.owner.token);
    await Promise.all([synced(onB), synced(onA)]);

    const decision = await propose(a, team.owner.token, doc);
    await waitFor(() => notices.length === 1, 'decision notice on instance B');
    expect(notices[0]).toEqual({ kind: 'decisions', documentId: doc, id: decision.id });
    const created = await comment(a, team.commenter.token, doc, { body: 'Et si on commençait par deux jours ?' });
    expect(created.status).toBe(201);
    await waitFor(() => notices.length === 2, 'comment notice on instance B');
    expect(notices[1]).toEqual({ kind: 'comments', documentId: doc, id: created.body.id });
    // A notice is delivered once: instance A does not get its own notice back through Redis.
    const onA2 = open(a, doc, team.editor.token, { client: 'ensemble' });
    const noticesA = noticesOf(onA2);
    await synced(onA2);
    await propose(b, team.owner.token, doc);
    await waitFor(() => noticesA.length === 1 && notices.length === 3, 'notice from B on both');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(noticesA).toHaveLength(1);
    expect(notices).toHaveLength(3);
  });

  it('closes a revoked member’s socket on the other instance with 4403, and applies a downgrade there', async () => {
    const { a, b } = pair;
    const team = await setupTeam(a);
    const doc = team.owner.documentId;
    const alice = open(a, doc, team.owner.token);
    const roy = open(b, doc, team.editor.token, { client: 'ensemble' });
    const royNotices = noticesOf(roy);
    const jean = open(b, doc, team.commenter.token);
    await Promise.all([synced(alice), synced(roy), synced(jean)]);

    // Downgraded on A: instance B tells Roy (access notice) and drops his edits from then on.
    const patched = await api(a.url, 'PATCH', `/api/workspaces/${team.owner.workspaceId}/members/${team.editor.userId}`, { token: team.owner.token, body: { permission: 'viewer' } });
    expect(patched.status).toBe(200);
    await waitFor(() => royNotices.some((n) => n.kind === 'access'), 'access notice on instance B');
    roy.text.insert(0, 'after-downgrade;');
    alice.text.insert(0, 'marker;');
    await waitFor(() => roy.text.toString().includes('marker;'), 'Roy still reads');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(alice.text.toString()).toBe('marker;');
    expect((await a.store.readUpdates(doc, 1)).map((u) => u.memberId)).toEqual([team.owner.userId]);

    // Removed on A: Jean's socket on B closes with 4403 at once.
    const closed = closedWith(jean);
    const removed = await api(a.url, 'DELETE', `/api/workspaces/${team.owner.workspaceId}/members/${team.commenter.userId}`, { token: team.owner.token });
    expect(removed.status).toBe(204);
    expect((await closed).code).toBe(CLOSE_CODES.accessEnded);
    // Everyone else keeps working across instances.
    alice.text.insert(0, 'carry on;');
    await waitFor(() => roy.text.toString().includes('carry on;'), 'others keep working');
  });

  it('closes sockets on every instance when a person signs out everywhere', async () => {
    const { a, b } = pair;
    const team = await setupTeam(a);
    const doc = team.owner.documentId;
    const onA = open(a, doc, team.editor.token);
    const onB = open(b, doc, team.editor.token);
    const alice = open(b, doc, team.owner.token);
    await Promise.all([synced(onA), synced(onB), synced(alice)]);
    const closedA = closedWith(onA);
    const closedB = closedWith(onB);
    expect((await api(a.url, 'POST', '/api/logout-everywhere', { token: team.editor.token })).status).toBe(204);
    expect((await closedA).code).toBe(CLOSE_CODES.unauthenticated);
    expect((await closedB).code).toBe(CLOSE_CODES.unauthenticated);
    expect(alice.provider.wsconnected).toBe(true);
  });

  it('refuses, on another instance, a change signed with a client id bound to someone else (4409)', async () => {
    const { a, b } = pair;
    const team = await setupTeam(a);
    const doc = team.owner.documentId;
    // B's room is loaded before Alice writes: it learns her client id's binding through the relay.
    const onB = open(b, doc, team.viewer.token);
    await synced(onB);
    const alice = open(a, doc, team.owner.token);
    await synced(alice);
    alice.text.insert(0, 'Alice writes first.');
    await waitFor(() => onB.text.toString() === 'Alice writes first.', 'instance B has the binding and the text');
    // Relayed to B's clients, not stored or published again by B.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await a.store.readUpdates(doc, 1)).map((u) => u.memberId)).toEqual([team.owner.userId]);

    // Content under Alice's client id, written by Roy (an editor) on the other instance.
    const forged = new Y.Doc();
    forged.clientID = alice.doc.clientID;
    forged.getText('t').insert(0, 'Forged: ');
    const socket = rawSocket(`${b.wsUrl}/${doc}?token=${team.editor.token}`);
    await socket.opened;
    socket.ws.send(encodeSyncUpdate(Y.encodeStateAsUpdate(forged)));
    expect((await socket.closed).code).toBe(CLOSE_CODES.clientIdTaken);
    expect((await a.store.readUpdates(doc, 1)).every((u) => u.memberId === team.owner.userId)).toBe(true);
    alice.text.insert(alice.text.length, ' Still fine.');
    await waitFor(() => onB.text.toString() === 'Alice writes first. Still fine.', 'document untouched and alive');
  });

  it('sends workshop notices to live channels opened on the other instance', async () => {
    const { a, b } = pair;
    const team = await setupWorkshopTeam(a);
    const workshopId = await createWorkshop(a, team);
    const reader = readEvents(b, team.person, workshopId);
    try {
      expect(await reader.status).toBe(200);
      await waitFor(() => reader.events().some((e) => e.event === 'ready'), 'stream ready on B');
      const start = reader.events()[0]?.revision ?? 0;
      await postCard(a, team.person, workshopId, 'Des horaires plus souples');
      await reader.reached(start + 1);
    } finally {
      reader.close();
    }
  });
});
