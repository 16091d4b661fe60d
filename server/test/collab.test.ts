import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { createRng } from '../../bench/lib/rng';
import { connectClient, setupFixture, startTestServer, synced, waitFor, type Fixture, type TestClient, type TestServer } from './testServer';

let server: TestServer;
let fixture: Fixture;
const clients: TestClient[] = [];

beforeEach(async () => {
  server = await startTestServer();
  fixture = await setupFixture(server);
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.cleanup();
});

function open(params: Record<string, string> = {}): TestClient {
  const client = connectClient(server.wsUrl, fixture.documentId, fixture.token, params);
  clients.push(client);
  return client;
}

describe('real-time collaboration', () => {
  it('five stock clients editing concurrently converge to identical content', async () => {
    const seed = Number(process.env.TEST_SEED ?? Date.now() % 100000);
    const rng = createRng(seed);
    const peers = Array.from({ length: 5 }, () => open());
    await Promise.all(peers.map(synced));
    for (let round = 0; round < 40; round++) {
      for (const peer of peers) {
        const length = peer.text.length;
        if (length > 0 && rng() < 0.3) {
          const at = Math.floor(rng() * length);
          peer.text.delete(at, Math.min(1 + Math.floor(rng() * 3), length - at));
        } else {
          peer.text.insert(Math.floor(rng() * (length + 1)), String.fromCharCode(97 + Math.floor(rng() * 26)).repeat(1 + Math.floor(rng() * 4)));
        }
      }
      if (round % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    try {
      await waitFor(() => peers.every((p) => p.text.toString() === peers[0]!.text.toString()), 'all peers converge');
    } catch (error) {
      throw new Error(`${String(error)} (seed ${seed})`);
    }
    expect(peers[0]!.text.length).toBeGreaterThan(0);
    // A late joiner receives exactly the converged state from the server.
    const late = open();
    await synced(late);
    await waitFor(() => late.text.toString() === peers[0]!.text.toString(), 'late joiner has the same text');
  });

  it('relays awareness to every peer with the identity stamped by the server', async () => {
    const [a, b, c] = [open(), open(), open()];
    await Promise.all([a, b, c].map(synced));
    a.provider.awareness.setLocalStateField('user', { name: 'I am the Director', color: '#000000' });
    a.provider.awareness.setLocalStateField('cursor', { anchor: 1 });
    for (const peer of [b, c]) {
      await waitFor(() => peer.provider.awareness.getStates().get(a.doc.clientID)?.cursor !== undefined, 'awareness arrives');
      const state = peer.provider.awareness.getStates().get(a.doc.clientID)!;
      expect(state.user).toEqual({ id: fixture.userId, name: 'Alice Tremblay', color: '#1a6e8e', role: 'person' });
    }
    a.destroy();
    await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID), 'presence removed when a peer leaves');
  });

  it('acknowledges stored updates to Ensemble clients with the saved message', async () => {
    const client = open({ client: 'ensemble' });
    const acks: Array<{ frames: number; seq: number }> = [];
    client.provider.messageHandlers[100] = (_encoder, decoder) => {
      acks.push({ frames: decoding.readVarUint(decoder), seq: decoding.readVarUint(decoder) });
    };
    await synced(client);
    client.text.insert(0, 'bonjour');
    client.text.insert(7, ' à tous');
    await waitFor(() => (acks.at(-1)?.seq ?? 0) >= 2, 'acknowledged up to seq 2');
    expect(acks.at(-1)!.frames).toBeGreaterThanOrEqual(2);
    const stored = await server.store.readUpdates(fixture.documentId, 1);
    expect(stored.map((u) => u.memberId)).toEqual([fixture.userId, fixture.userId]);
    const replay = new Y.Doc();
    for (const entry of stored) Y.applyUpdate(replay, entry.update);
    expect(replay.getText('t').toString()).toBe('bonjour à tous');
  });

  it('keeps the document across a restart, and loads it from a checkpoint plus the log tail', async () => {
    await server.stop();
    server = await startTestServer({ dataDir: server.dataDir, env: { LIMIT_CHECKPOINT_EVERY: '10' } });
    const writer = open();
    await synced(writer);
    for (let i = 0; i < 35; i++) writer.text.insert(writer.text.length, `${i},`);
    const expected = writer.text.toString();
    await waitFor(() => server.rooms.loadedRoomCount === 1, 'room loaded');
    const reader = open();
    await synced(reader);
    await waitFor(() => reader.text.toString() === expected, 'reader sees all');
    for (const client of clients.splice(0)) client.destroy();
    await server.stop();
    const state = await (async () => {
      const again = await startTestServer({ dataDir: server.dataDir });
      const loaded = await again.store.loadDocumentState(fixture.documentId);
      server = again;
      return loaded;
    })();
    expect(state.checkpoint?.seq).toBeGreaterThanOrEqual(30);
    const fresh = open();
    await synced(fresh);
    await waitFor(() => fresh.text.toString() === expected, 'text identical after restart');
  });
});
