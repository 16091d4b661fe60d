/**
 * Cold load from a checkpoint plus a log tail (the state after a crash): while the room is
 * built, the server sends the stored checkpoint at once, but a stock provider must only call
 * itself synced once it has the whole document, tail included.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStore, openSqliteDatabase } from '../src/storage/sqlite/sqliteStore';
import { connectClient, setupFixture, startTestServer, synced, waitFor, type TestServer } from './testServer';

let server: TestServer | null = null;

afterEach(async () => {
  await server?.cleanup();
  server = null;
});

describe('cold load from a checkpoint and a log tail', () => {
  it('a new client is synced only once it has the checkpoint and every update after it', async () => {
    server = await startTestServer();
    const fixture = await setupFixture(server);
    const writer = connectClient(server.wsUrl, fixture.documentId, fixture.token);
    await synced(writer);
    for (let i = 0; i < 200; i++) writer.text.insert(writer.text.length, `checkpointed ${i}. `);
    const checkpointed = writer.text.toString();
    const watcher = connectClient(server.wsUrl, fixture.documentId, fixture.token);
    await waitFor(() => watcher.text.toString() === checkpointed, 'the watcher to have the text');
    writer.destroy();
    watcher.destroy();
    // A graceful stop checkpoints the room at its last update.
    await server.stop();

    // The log goes on after the checkpoint (what a crash leaves: no checkpoint for the tail).
    const db = openSqliteDatabase({ filename: path.join(server.dataDir, 'ensemble.sqlite'), durability: 'normal' });
    const store = new SqliteStore(db);
    const doc = new Y.Doc();
    const before = await store.loadDocumentState(fixture.documentId);
    expect(before.checkpoint).not.toBeNull();
    expect(before.tail).toHaveLength(0);
    Y.applyUpdate(doc, before.checkpoint!.state);
    let tailUpdate: Uint8Array | null = null;
    doc.once('update', (update: Uint8Array) => (tailUpdate = update));
    doc.getText('t').insert(doc.getText('t').length, 'written after the checkpoint');
    await store.appendUpdates([{ documentId: fixture.documentId, memberId: fixture.userId, update: tailUpdate!, time: Date.now(), bindClients: [doc.clientID] }]);
    await store.close();

    server = await startTestServer({ dataDir: server.dataDir });
    const reader = connectClient(server.wsUrl, fixture.documentId, fixture.token);
    let textWhenSynced: string | null = null;
    reader.provider.on('sync', (isSynced: boolean) => {
      if (isSynced && textWhenSynced === null) textWhenSynced = reader.text.toString();
    });
    await waitFor(() => textWhenSynced !== null, 'the reader to sync');
    expect(textWhenSynced).toBe(checkpointed + 'written after the checkpoint');
    reader.destroy();
  });
});
