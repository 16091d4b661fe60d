import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, setupFixture, startTestServer, synced, waitFor, type TestServer } from './testServer';
import { loadSequentialTrace, plainReplay, tracePath } from './traces';

const TRACE = 'automerge-paper.json.gz';
const COUNT = 20_000;
const trace = loadSequentialTrace(TRACE);
if (!trace) console.warn(`Skipping trace replay: ${tracePath(TRACE)} is absent (it ships beside the repository in CI).`);

describe.skipIf(!trace)(`replay of ${TRACE}`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { LIMIT_MESSAGES_PER_SECOND: '1000000', LIMIT_MESSAGE_BURST: '1000000' } });
  });
  afterAll(async () => {
    await server.cleanup();
  });

  it(`stores the first ${COUNT} transactions and loads identical text after a restart`, async () => {
    const t = trace!;
    const expected = plainReplay(t, COUNT);
    const { token, documentId } = await setupFixture(server);
    const writer = connectClient(server.wsUrl, documentId, token);
    await synced(writer);
    const text = writer.text;
    if (t.startContent) text.insert(0, t.startContent);
    for (const txn of t.txns.slice(0, COUNT)) {
      writer.doc.transact(() => {
        for (const [pos, del, ins] of txn.patches) {
          if (del > 0) text.delete(pos, del);
          if (ins) text.insert(pos, ins);
        }
      });
    }
    expect(text.toString()).toBe(expected);
    await waitFor(() => writer.provider.wsconnected && (writer.provider.ws?.bufferedAmount ?? 0) === 0, 'all sent', 20_000);
    const latest = async () => server.store.latestSeq(documentId);
    const start = Date.now();
    while ((await latest()) < COUNT && Date.now() - start < 60_000) await new Promise((r) => setTimeout(r, 50));
    expect(await latest()).toBeGreaterThanOrEqual(COUNT);
    writer.destroy();

    await server.stop();
    server = await startTestServer({ dataDir: server.dataDir });
    const reader = connectClient(server.wsUrl, documentId, token);
    await synced(reader);
    expect(reader.text.toString()).toBe(expected);
    reader.destroy();
  }, 120_000);
});
