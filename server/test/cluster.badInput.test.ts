/**
 * Bad input around the relay between instances: a wrong REDIS_URL or INSTANCE_ID, a Redis that
 * cannot be reached, and garbage published on the relay's channels. Each gets a clear error or
 * is dropped, and disturbs nobody.
 */
import fs from 'node:fs';
import net from 'node:net';
import { expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { setupTeam } from './decisionHelpers';
import { useInstancePair } from './support/cluster';
import { describeWithRedis, useRedis } from './support/redis';
import { connectClient, makeDataDir, startTestServer, synced, waitFor, type TestClient, type TestServer } from './testServer';

it('refuses a REDIS_URL or INSTANCE_ID that cannot be right, with a clear message', () => {
  expect(() => loadConfig({ REDIS_URL: 'http://cache:6379' })).toThrow(/REDIS_URL must be a Redis URL: redis:\/\//);
  expect(() => loadConfig({ INSTANCE_ID: 'two words' })).toThrow(/INSTANCE_ID must be 1 to 64 letters/);
  expect(() => loadConfig({ INSTANCE_ID: 'x'.repeat(65) })).toThrow(/INSTANCE_ID/);
  expect(loadConfig({ REDIS_URL: '' }).redisUrl).toBeNull();
  expect(loadConfig({ REDIS_URL: 'rediss://:secret@cache.internal:6380/2', INSTANCE_ID: 'web-1' })).toMatchObject({ redisUrl: 'rediss://:secret@cache.internal:6380/2', instanceId: 'web-1' });
  // Two instances started without INSTANCE_ID still get different ones.
  expect(loadConfig({}).instanceId).not.toBe(loadConfig({}).instanceId);
});

it('does not start when Redis cannot be reached, and says so', async () => {
  const closed = await new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
  const dataDir = makeDataDir();
  try {
    await expect(startTestServer({ dataDir, env: { REDIS_URL: `redis://127.0.0.1:${closed}` } })).rejects.toThrow(/Redis at REDIS_URL could not be reached/);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

describeWithRedis('garbage on the relay', () => {
  const redis = useRedis();
  const clients: TestClient[] = [];
  const pair = useInstancePair(redis, clients);

  it('drops undecodable or invalid relayed messages and keeps every document and connection working', async () => {
    const { a, b } = pair;
    const team = await setupTeam(a);
    const doc = team.owner.documentId;
    const alice = connectClient(a.wsUrl, doc, team.owner.token);
    const roy = connectClient(b.wsUrl, doc, team.editor.token);
    clients.push(alice, roy);
    await Promise.all([synced(alice), synced(roy)]);

    const publisher = redis.client();
    const garbage: Array<[string, Buffer | string]> = [
      [`ensemble:doc:${doc}`, Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff])],
      [`ensemble:doc:${doc}`, Buffer.from([1, 5, 0x6f, 0x74, 0x68, 0x65, 0x72, 1, 0])], // an update entry cut short
      [`ensemble:doc:${doc}`, Buffer.from([4, 1, 0x78, 3, 0x7b, 0x7d, 0x7d])], // a notice that is not JSON
      [`ensemble:doc:${doc}`, Buffer.from([2, 1, 0x78, 5, 1, 7, 1, 1, 0x7b])], // presence whose state is not JSON
      ['ensemble:bus', 'not json at all'],
      ['ensemble:bus', JSON.stringify({ from: 'intruder', message: { kind: 'end-connections', filter: {}, code: 4403, reason: 'everyone out' } })],
      ['ensemble:bus', JSON.stringify({ from: 'intruder', message: { kind: 'drop-database' } })],
    ];
    for (const [channel, payload] of garbage) await publisher.publish(channel, payload);

    alice.text.insert(0, 'still here;');
    roy.text.insert(0, 'me too;');
    await waitFor(() => alice.text.toString() === roy.text.toString() && alice.text.length === 'still here;me too;'.length, 'both instances keep relaying');
    expect(alice.provider.wsconnected && roy.provider.wsconnected).toBe(true);
    const seqs = (await a.store.readUpdates(doc, 1)).map((u) => u.seq);
    expect(seqs).toEqual([1, 2]);
  });
});
