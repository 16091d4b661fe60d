/**
 * The whole server on PostgreSQL (DATABASE_URL): stock y-websocket clients edit and converge,
 * decisions are recorded, and a restart on the same database (with an empty data directory:
 * nothing lives there) finds everything. Readiness reflects the database; the SQLite backup
 * script points to pg_dump; a crash (SIGKILL) loses nothing a client has seen.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { startChildServer, type ChildServer } from './childServer';
import { position, propose } from './decisionHelpers';
import { describeWithPostgres, usePostgres } from './support/postgres';
import { api, connectClient, makeDataDir, setupFixture, startTestServer, synced, waitFor, type TestClient, type TestServer } from './testServer';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function server(databaseUrl: string): Promise<TestServer> {
  const s = await startTestServer({ databaseUrl });
  cleanups.push(() => s.cleanup());
  return s;
}

function client(s: { wsUrl: string }, documentId: string, token: string): TestClient {
  const c = connectClient(s.wsUrl, documentId, token);
  cleanups.push(() => c.destroy());
  return c;
}

describeWithPostgres('the server on PostgreSQL', () => {
  const postgres = usePostgres();

  it('syncs two clients, records decisions, and finds both intact after a restart on the same database', async () => {
    const databaseUrl = await postgres.createDatabase();
    const first = await server(databaseUrl);
    const fixture = await setupFixture(first);
    const alice = client(first, fixture.documentId, fixture.token);
    const bob = client(first, fixture.documentId, fixture.token);
    await Promise.all([synced(alice), synced(bob)]);
    alice.text.insert(0, 'Marie souhaite reprendre le travail. ');
    bob.text.insert(0, 'Objectif : ');
    for (let i = 0; i < 20; i++) (i % 2 ? alice : bob).text.insert(0, `${i};`);
    await waitFor(() => alice.text.toString() === bob.text.toString() && alice.text.length > 60, 'both clients converge');
    const content = alice.text.toString();

    const decision = await propose(first, fixture.token, fixture.documentId);
    expect((await position(first, fixture.token, decision.id, { stance: 'agree', reason: 'Bon rythme.' })).status).toBe(201);
    const before = await api(first.url, 'GET', `/api/documents/${fixture.documentId}/decisions`, { token: fixture.token });
    expect(before.status).toBe(200);
    expect((await api(first.url, 'GET', `/api/documents/${fixture.documentId}/decisions/verify`, { token: fixture.token })).body).toMatchObject({ ok: true, entries: 2 });
    expect((await api(first.url, 'GET', '/api/ready')).body).toEqual({ ready: true });
    const metrics = await fetch(`${first.url}/api/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/ensemble_/);

    alice.destroy();
    bob.destroy();
    await first.cleanup();
    // A new instance with a fresh, empty data directory: everything comes from PostgreSQL.
    const second = await server(databaseUrl);
    expect(fs.readdirSync(second.dataDir).filter((f) => f.startsWith('ensemble.sqlite'))).toEqual([]);
    const reader = client(second, fixture.documentId, fixture.token);
    await synced(reader);
    await waitFor(() => reader.text.toString() === content, 'the restarted server serves the same content');
    const after = await api(second.url, 'GET', `/api/documents/${fixture.documentId}/decisions`, { token: fixture.token });
    expect(after.body).toEqual(before.body);
    expect((await api(second.url, 'GET', `/api/documents/${fixture.documentId}/decisions/verify`, { token: fixture.token })).body).toMatchObject({ ok: true, entries: 2 });
    // The first run's session still signs in: sessions are in the database too.
    expect((await api(second.url, 'GET', '/api/me', { token: fixture.token })).status).toBe(200);
  });

  it('keeps every update another client has seen when the server is killed with SIGKILL', async () => {
    const databaseUrl = await postgres.createDatabase();
    const dataDir = makeDataDir();
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    let child: ChildServer = await startChildServer(dataDir, { DATABASE_URL: databaseUrl });
    cleanups.push(() => void child.process.kill('SIGKILL'));
    const { token, documentId } = await setupFixture(child);
    const writer = client(child, documentId, token);
    const watcher = client(child, documentId, token);
    await Promise.all([synced(writer), synced(watcher)]);
    let seen = 0;
    let killedAt = '';
    watcher.text.observe(() => {
      if (++seen === 25 && !killedAt) {
        killedAt = watcher.text.toString();
        child.process.kill('SIGKILL');
      }
    });
    for (let i = 0; !killedAt; i++) {
      writer.text.insert(writer.text.length, `${i};`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect((await child.exited).signal).toBe('SIGKILL');
    writer.destroy();
    watcher.destroy();

    child = await startChildServer(dataDir, { DATABASE_URL: databaseUrl });
    const reader = client(child, documentId, token);
    await synced(reader);
    await waitFor(() => reader.text.toString().length >= killedAt.length, 'restart has loaded the document');
    expect(reader.text.toString().startsWith(killedAt)).toBe(true);
    child.process.kill('SIGTERM');
    expect((await child.exited).code).toBe(0);
  }, 60_000);

  it('tells operators to use pg_dump / pg_restore when `npm run backup` / `restore` meet DATABASE_URL, and touches nothing', async () => {
    const dataDir = makeDataDir();
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const run = async (script: string, args: string[]) => {
      const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', script), ...args], {
        cwd: repoRoot,
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: postgres.url },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      return { code, out };
    };
    const backup = await run('backup.mjs', []);
    expect(backup.code).toBe(2);
    expect(backup.out).toContain('pg_dump');
    const restore = await run('restore.mjs', [path.join(dataDir, 'some.sqlite')]);
    expect(restore.code).toBe(2);
    expect(restore.out).toContain('pg_restore');
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});

describeWithPostgres('readiness on PostgreSQL', () => {
  const postgres = usePostgres();

  it('answers 503 once the database is unreachable, while liveness still answers', async () => {
    const s = await server(await postgres.createDatabase());
    expect((await api(s.url, 'GET', '/api/ready')).status).toBe(200);
    await postgres.stop();
    const ready = await api(s.url, 'GET', '/api/ready');
    expect(ready.status).toBe(503);
    expect(JSON.stringify(ready.body)).toContain('Storage is not reachable.');
    expect((await api(s.url, 'GET', '/api/health')).status).toBe(200);
  });
});

describe('DATABASE_URL', () => {
  it('accepts postgres:// and postgresql:// URLs, treats an empty value as unset, and refuses anything else clearly', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://ensemble:secret@db:5432/ensemble' }).databaseUrl).toBe('postgres://ensemble:secret@db:5432/ensemble');
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/ensemble', DATABASE_POOL_SIZE: '20' })).toMatchObject({ databaseUrl: 'postgresql://db/ensemble', databasePoolSize: 20 });
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeNull();
    expect(loadConfig({}).databaseUrl).toBeNull();
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/ensemble' })).toThrow(/DATABASE_URL must be a PostgreSQL URL/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/ensemble', DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
  });
});
