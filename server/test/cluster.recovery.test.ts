/**
 * Several instances when things go wrong (issue 11): an instance killed abruptly, a relayed
 * message lost, the subscription to Redis dropped. Nothing acknowledged is lost, and what a
 * room missed is read from the shared log.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { MESSAGE_TYPES } from '../../shared/src/index';
import { setupTeam } from './decisionHelpers';
import { sharedDatabase, startInstance, startInstanceProcess, startLoadBalancer, stopSharedPostgres, type SharedDatabase } from './support/cluster';
import { describeWithRedis, useRedis } from './support/redis';
import { connectClient, synced, waitFor, type TestClient, type TestServer } from './testServer';

const clients: TestClient[] = [];
function open(server: TestServer, documentId: string, token: string): TestClient {
  const client = connectClient(server.wsUrl, documentId, token);
  clients.push(client);
  return client;
}

async function storedText(server: TestServer, documentId: string): Promise<string> {
  const state = await server.store.loadDocumentState(documentId);
  const doc = new Y.Doc();
  if (state.checkpoint) Y.applyUpdate(doc, state.checkpoint.state);
  for (const entry of state.tail) Y.applyUpdate(doc, entry.update);
  return doc.getText('t').toString();
}

/**
 * An Ensemble client that knows which of its changes the server acknowledged: each socket
 * counts the update frames it sends, and a `saved` message acknowledges frames by count.
 */
function acknowledgingClient(wsUrl: string, documentId: string, token: string) {
  const doc = new Y.Doc();
  const counts = new WeakMap<object, number>();
  class CountingSocket extends WebSocket {
    override send(data: unknown, ...rest: unknown[]): void {
      const bytes = data as Uint8Array;
      // Sync step 2 and update frames (type 0, step 1 or 2) are the ones the server counts.
      if (bytes[0] === 0 && (bytes[1] === 1 || bytes[1] === 2)) counts.set(this, (counts.get(this) ?? 0) + 1);
      (super.send as (...args: unknown[]) => void)(data, ...rest);
    }
  }
  const provider = new WebsocketProvider(wsUrl, documentId, doc, {
    params: { token, client: 'ensemble' },
    WebSocketPolyfill: CountingSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const writes: Array<{ label: string; socket: object | null; frame: number; acknowledged: boolean }> = [];
  provider.messageHandlers[MESSAGE_TYPES.saved] = (_encoder, decoder, current) => {
    const frames = decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    for (const write of writes) if (write.socket === current.ws && write.frame <= frames) write.acknowledged = true;
  };
  provider.messageHandlers[MESSAGE_TYPES.record] = () => {};
  const text = doc.getText('t');
  return {
    provider,
    text,
    writes,
    write(label: string): void {
      const socket = provider.wsconnected ? provider.ws : null;
      const before = socket ? (counts.get(socket) ?? 0) : 0;
      text.insert(text.length, label);
      const after = socket ? (counts.get(socket) ?? 0) : 0;
      writes.push({ label, socket: after > before ? socket : null, frame: after, acknowledged: false });
    },
    destroy(): void {
      provider.destroy();
      doc.destroy();
    },
  };
}

describeWithRedis('instances failing, messages lost', () => {
  const redis = useRedis();
  let database: SharedDatabase;
  const stops: Array<() => Promise<void>> = [];

  beforeEach(async () => {
    database = await sharedDatabase();
  }, 120_000);
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const stop of stops.splice(0).reverse()) await stop();
    await database.dispose();
  });
  afterAll(() => stopSharedPostgres(), 60_000);

  /** Two instances in this process, a team, and the owner writing on A while a viewer reads on B, both synced. */
  async function writerAndReader() {
    const a = await startInstance(database, redis.url, 'instance-a');
    stops.push(() => a.stop());
    const b = await startInstance(database, redis.url, 'instance-b');
    stops.push(() => b.stop());
    const team = await setupTeam(a);
    const doc = team.owner.documentId;
    const alice = open(a, doc, team.owner.token);
    const reader = open(b, doc, team.viewer.token);
    await Promise.all([synced(alice), synced(reader)]);
    return { a, team, doc, alice, reader };
  }

  it('moves the clients of a killed instance to the other one without losing anything acknowledged', async () => {
    const killed = await startInstanceProcess(database, redis.url, 'instance-a');
    stops.push(async () => {
      killed.process.kill('SIGKILL');
      await killed.exited;
    });
    const survivor = await startInstance(database, redis.url, 'instance-b');
    stops.push(() => survivor.stop());
    const balancer = await startLoadBalancer([killed.url, survivor.url]);
    stops.push(() => balancer.close());
    const team = await setupTeam(survivor);
    const doc = team.owner.documentId;

    const writer = acknowledgingClient(balancer.wsUrl, doc, team.editor.token);
    stops.push(async () => writer.destroy());
    const observer = open(survivor, doc, team.viewer.token);
    await waitFor(() => writer.provider.synced, 'writer synced through the load balancer');
    await synced(observer);
    expect(balancer.routed).toEqual([1, 0]);

    // The writer writes steadily on instance A; A is killed while changes are in flight.
    let n = 0;
    const writing = setInterval(() => writer.write(`w${++n};`), 4);
    await waitFor(() => writer.writes.filter((w) => w.acknowledged).length >= 25, 'acknowledged writes on A');
    const seenBeforeKill = observer.text.toString();
    killed.process.kill('SIGKILL');
    await killed.exited;
    await waitFor(() => balancer.routed[1] === 1 && writer.provider.synced, 'writer reconnected to instance B', 20_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    clearInterval(writing);
    const last = writer.writes.at(-1);
    expect(last?.socket).not.toBeNull();
    await waitFor(() => last?.acknowledged === true, 'the last write acknowledged by instance B', 20_000);

    const acknowledged = writer.writes.filter((w) => w.acknowledged).map((w) => w.label);
    const all = writer.writes.map((w) => w.label);
    await waitFor(() => observer.text.toString() === writer.text.toString(), 'observer and writer converge', 20_000);
    const stored = await storedText(survivor, doc);
    // Relayed before the kill, acknowledged, or not: every change is stored, in order, once.
    expect(stored.startsWith(seenBeforeKill)).toBe(true);
    for (const label of acknowledged) expect(stored).toContain(label);
    expect(stored).toBe(all.join(''));
    const seqs = (await survivor.store.readUpdates(doc, 1)).map((u) => u.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  }, 90_000);

  it('repairs a lost relayed update from the log as soon as a later one shows the gap', async () => {
    const { a, team, doc, alice, reader } = await writerAndReader();
    alice.text.insert(0, 'one;');
    await waitFor(() => reader.text.toString() === 'one;', 'relayed');

    // An update stored by an instance whose message never reached Redis (stored, not published).
    const lost = new Y.Doc();
    Y.applyUpdate(lost, Y.encodeStateAsUpdate(alice.doc));
    const before = Y.encodeStateVector(lost);
    lost.getText('t').insert(4, 'lost;');
    await a.store.appendUpdates([{ documentId: doc, memberId: team.owner.userId, update: Y.encodeStateAsUpdate(lost, before), time: Date.now(), bindClients: [lost.clientID] }]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reader.text.toString()).toBe('one;');

    // The next relayed update carries seq N+1: instance B reads N from the log.
    alice.text.insert(0, 'two;');
    await waitFor(() => reader.text.toString() === 'two;one;lost;', 'gap repaired on B', 3000);
    await waitFor(() => alice.text.toString() === 'two;one;lost;', 'and on A too', 3000);
  });

  it('catches up from the log after its subscription to Redis was dropped', async () => {
    const { alice, reader } = await writerAndReader();

    // Every subscriber connection is cut; what A publishes before they are back is lost to B.
    const admin = redis.client();
    await admin.call('CLIENT', 'KILL', 'TYPE', 'pubsub');
    alice.text.insert(0, 'during the outage;');
    await waitFor(() => reader.text.toString() === 'during the outage;', 'read from the log after reconnecting', 5000);
    alice.text.insert(0, 'after;');
    await waitFor(() => reader.text.toString() === 'after;during the outage;', 'relay working again');
  });
});
