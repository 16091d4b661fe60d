import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from './childServer';
import { connectClient, makeDataDir, setupFixture, synced, waitFor, type TestClient } from './testServer';

const dataDir = makeDataDir();
let server: ChildServer | null = null;
afterAll(() => {
  server?.process.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('durability', () => {
  it('keeps every update another client has seen when the server is killed with SIGKILL', async () => {
    server = await startChildServer(dataDir);
    const { token, documentId } = await setupFixture(server);
    for (let round = 0; round < 3; round++) {
      const writer = connectClient(server.wsUrl, documentId, token);
      const watcher = connectClient(server.wsUrl, documentId, token);
      await Promise.all([synced(writer), synced(watcher)]);
      const seen: string[] = [];
      const stopWriting = { value: false };
      // The writer types continuously; the moment the watcher receives its 25th relayed update,
      // the server is killed: whatever the watcher saw must be on disk.
      let killedAt = '';
      watcher.text.observe(() => {
        seen.push(watcher.text.toString());
        if (seen.length === 25 && !killedAt) {
          killedAt = watcher.text.toString();
          server!.process.kill('SIGKILL');
          stopWriting.value = true;
        }
      });
      let i = 0;
      while (!stopWriting.value) {
        writer.text.insert(writer.text.length, `r${round}-${i++};`);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      const exit = await server.exited;
      expect(exit.signal).toBe('SIGKILL');
      writer.destroy();
      watcher.destroy();

      server = await startChildServer(dataDir);
      const reader: TestClient = connectClient(server.wsUrl, documentId, token);
      await synced(reader);
      await waitFor(() => reader.text.toString().length >= killedAt.length, 'restart has loaded the document');
      expect(reader.text.toString().startsWith(killedAt)).toBe(true);
      reader.destroy();
    }
    server.process.kill('SIGTERM');
    const exit = await server.exited;
    expect(exit.code).toBe(0);
    expect(server.output()).toContain('"event":"stopped"');
  }, 60_000);
});
