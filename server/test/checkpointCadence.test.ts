/**
 * Checkpoint cadence: after `LIMIT_CHECKPOINT_EVERY` updates, a new checkpoint is written only
 * once the log after the last one is at least as large as that checkpoint, so a large
 * document is not rewritten whole for every few small edits.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, setupFixture, startTestServer, synced, waitFor, type TestServer } from './testServer';

let server: TestServer | null = null;

afterEach(async () => {
  await server?.cleanup();
  server = null;
});

describe('checkpoint cadence', () => {
  it('waits for the log to reach the size of the last checkpoint before writing another', async () => {
    server = await startTestServer({ env: { LIMIT_CHECKPOINT_EVERY: '10' } });
    const s = server;
    const fixture = await setupFixture(s);
    const client = connectClient(s.wsUrl, fixture.documentId, fixture.token);
    await synced(client);
    const checkpoint = async () => (await s.store.loadDocumentState(fixture.documentId)).checkpoint;
    const typeAndWait = async (texts: string[]) => {
      const before = await s.store.latestSeq(fixture.documentId);
      for (const text of texts) client.text.insert(client.text.length, text);
      await waitFor(async () => (await s.store.latestSeq(fixture.documentId)) >= before + texts.length, 'updates stored');
      // The checkpoint is written on a later turn, once the server is no longer busy with this burst.
      await new Promise((resolve) => setTimeout(resolve, 400));
    };

    // A large first passage, then small edits: the tenth update makes the first checkpoint.
    await typeAndWait(['x'.repeat(20_000), ...Array.from({ length: 9 }, (_, i) => ` small ${i}`)]);
    const first = await checkpoint();
    expect(first?.seq).toBe(10);
    const size = first?.state.length ?? 0;
    expect(size).toBeGreaterThan(20_000);

    // Ten more small edits, then a passage of half the document: still less than it, no new checkpoint.
    await typeAndWait(Array.from({ length: 10 }, (_, i) => ` more ${i}`));
    expect((await checkpoint())?.seq).toBe(10);
    await typeAndWait(['y'.repeat(Math.ceil(size / 2))]);
    expect((await checkpoint())?.seq).toBe(10);

    // Another half makes the log as large as the checkpoint: the next one is written.
    await typeAndWait(['z'.repeat(Math.ceil(size / 2))]);
    expect((await checkpoint())?.seq).toBe(22);
    client.destroy();
  });
});
