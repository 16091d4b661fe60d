import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { position, propose } from './decisionHelpers';
import { api, connectClient, makeDataDir, setupFixture, startTestServer, synced, waitFor, type TestClient, type TestServer } from './testServer';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Runs `npm run <script>`'s entry point as operators do, against a data directory. */
function runScript(script: 'backup' | 'restore', args: string[], dataDir: string): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', `${script}.mjs`), ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
}

async function server(dataDir?: string): Promise<TestServer> {
  const s = await startTestServer(dataDir ? { dataDir } : {});
  cleanups.push(() => s.cleanup());
  return s;
}

function client(s: TestServer, documentId: string, token: string): TestClient {
  const c = connectClient(s.wsUrl, documentId, token);
  cleanups.push(() => c.destroy());
  return c;
}

describe('backup and restore', () => {
  it('backs up during active typing; the restore gives the identical document, verifying decisions and working sign-in', async () => {
    const original = await server();
    const fx = await setupFixture(original);
    const decision = await propose(original, fx.token, fx.documentId);
    expect((await position(original, fx.token, decision.id, { stance: 'agree' })).status).toBe(201);
    const a = client(original, fx.documentId, fx.token);
    const b = client(original, fx.documentId, fx.token);
    await Promise.all([synced(a), synced(b)]);

    let typing = true;
    let words = 0;
    const typist = (async () => {
      while (typing) {
        const who = words % 2 === 0 ? a : b;
        who.text.insert(who.text.length, `w${words++} `);
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
    })();
    await waitFor(async () => (await original.store.latestSeq(fx.documentId)) >= 20, 'typing under way');
    const backupDir = makeDataDir();
    cleanups.push(() => fs.rmSync(backupDir, { recursive: true, force: true }));
    const file = path.join(backupDir, 'snapshot.sqlite');
    const seqBefore = await original.store.latestSeq(fx.documentId);
    const backup = await runScript('backup', [file], original.dataDir);
    const seqAfter = await original.store.latestSeq(fx.documentId);
    typing = false;
    await typist;
    expect(backup.code, backup.out).toBe(0);
    expect(backup.out).toContain(`Backup written: ${file}`);
    expect(seqAfter).toBeGreaterThan(seqBefore);

    // The snapshot is a gapless prefix of the update log, taken while appends went on.
    const snapshot = new Database(file, { readonly: true });
    const { n, last } = snapshot.prepare('SELECT COUNT(*) AS n, MAX(seq) AS last FROM updates WHERE document_id = ?').get(fx.documentId) as { n: number; last: number };
    snapshot.close();
    expect(n).toBe(last);
    expect(last).toBeGreaterThanOrEqual(seqBefore);
    expect(last).toBeLessThanOrEqual(seqAfter);
    expect(fs.readdirSync(backupDir)).toEqual(['snapshot.sqlite']);

    const refused = await runScript('restore', [file], original.dataDir);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/is running on .*Stop it, then restore/);

    const freshDir = makeDataDir();
    const restore = await runScript('restore', [file], freshDir);
    expect(restore.code, restore.out).toBe(0);
    expect(fs.existsSync(path.join(freshDir, 'ensemble.sqlite-wal'))).toBe(false);
    const restored = await server(freshDir);

    const login = await api(restored.url, 'POST', '/api/login', { body: { email: 'alice@example.org', password: 'a long passphrase' } });
    expect(login.status).toBe(200);
    const expected = new Y.Doc();
    for (const entry of await original.store.readUpdates(fx.documentId, 1, last)) Y.applyUpdate(expected, entry.update);
    const reader = client(restored, fx.documentId, login.body.token);
    await synced(reader);
    expect(reader.text.toString()).toBe(expected.getText('t').toString());
    expect(reader.text.length).toBeGreaterThan(0);
    const stored = await restored.store.readUpdates(fx.documentId, 1);
    expect(stored.map((u) => Buffer.from(u.update).toString('base64'))).toEqual(
      (await original.store.readUpdates(fx.documentId, 1, last)).map((u) => Buffer.from(u.update).toString('base64')),
    );
    const verify = await api(restored.url, 'GET', `/api/documents/${fx.documentId}/decisions/verify`, { token: login.body.token });
    expect(verify.body).toMatchObject({ ok: true, entries: 2 });
  });

  it('writes DATA_DIR/backups/ensemble-<timestamp>.sqlite by default and refuses a file that is not a database', async () => {
    const s = await server();
    await setupFixture(s);
    const backup = await runScript('backup', [], s.dataDir);
    expect(backup.code, backup.out).toBe(0);
    const [name] = fs.readdirSync(path.join(s.dataDir, 'backups'));
    expect(name).toMatch(/^ensemble-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.sqlite$/);
    const junk = path.join(s.dataDir, 'junk.sqlite');
    fs.writeFileSync(junk, 'not a database at all, just text that is long enough to have a header');
    const freshDir = makeDataDir();
    cleanups.push(() => fs.rmSync(freshDir, { recursive: true, force: true }));
    const refused = await runScript('restore', [junk], freshDir);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/not an Ensemble database/);
    expect(fs.existsSync(path.join(freshDir, 'ensemble.sqlite'))).toBe(false);
  });
});
