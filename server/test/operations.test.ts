import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../shared/src/index';
import { startServer, type RunningServer } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/log';
import { propose } from './decisionHelpers';
import { api, connectClient, invite, makeDataDir, setupFixture, startTestServer, synced, waitFor, type TestClient, type TestServer } from './testServer';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function testServer(env: Record<string, string> = {}): Promise<TestServer> {
  const server = await startTestServer({ env });
  cleanups.push(() => server.cleanup());
  return server;
}

function client(server: TestServer | { wsUrl: string }, documentId: string, token: string): TestClient {
  const c = connectClient(server.wsUrl, documentId, token);
  cleanups.push(async () => c.destroy());
  return c;
}

/** Prometheus text -> { 'name{labels}': value } */
async function scrape(url: string, headers: Record<string, string> = {}): Promise<Map<string, number>> {
  const res = await fetch(`${url}/api/metrics`, { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  const samples = new Map<string, number>();
  for (const line of (await res.text()).split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    samples.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return samples;
}

describe('health, readiness and metrics', () => {
  it('counts a scripted session exactly', async () => {
    const server = await testServer();
    expect((await api(server.url, 'GET', '/api/ready')).body).toEqual({ ready: true });
    const before = await scrape(server.url);
    expect(before.get('ensemble_updates_appended_total')).toBe(0);
    const fx = await setupFixture(server); // 3 × 201
    expect((await api(server.url, 'GET', `/api/documents/${fx.documentId}`, { token: fx.token })).status).toBe(200);
    expect((await api(server.url, 'GET', '/api/documents/nope', { token: fx.token })).status).toBe(404);
    expect((await api(server.url, 'GET', '/api/me')).status).toBe(401);
    const a = client(server, fx.documentId, fx.token);
    const b = client(server, fx.documentId, fx.token);
    await Promise.all([synced(a), synced(b)]);
    for (const word of ['one ', 'two ', 'three ', 'four ', 'five']) a.text.insert(a.text.length, word);
    await waitFor(() => b.text.toString() === 'one two three four five', 'b sees every update');

    const after = await scrape(server.url);
    const delta = (name: string) => (after.get(name) ?? 0) - (before.get(name) ?? 0);
    expect(delta('ensemble_updates_appended_total')).toBe(5);
    expect(after.get('ensemble_updates_appended_total')).toBe(await server.store.latestSeq(fx.documentId));
    // ready + first scrape + 3 set-up calls + 1 document = 6; the second scrape is not finished yet.
    expect(after.get('ensemble_http_requests_total{class="2xx"}')).toBe(6);
    expect(after.get('ensemble_http_requests_total{class="4xx"}')).toBe(2);
    expect(after.get('ensemble_http_requests_total{class="5xx"}')).toBe(0);
    expect(after.get('ensemble_connections')).toBe(2);
    expect(after.get('ensemble_rooms_loaded')).toBe(1);
    expect(after.get('ensemble_errors_total')).toBe(0);
    const batches = after.get('ensemble_append_duration_seconds_count') ?? 0;
    expect(batches).toBeGreaterThanOrEqual(1);
    expect(batches).toBeLessThanOrEqual(5);
    expect(after.get('ensemble_append_duration_seconds_bucket{le="+Inf"}')).toBe(batches);
    expect(after.get('ensemble_update_bytes_appended_total')).toBeGreaterThan(0);

    a.destroy();
    b.destroy();
    await waitFor(async () => (await scrape(server.url)).get('ensemble_connections') === 0, 'connections closed');
  });

  it('serves metrics to loopback only by default, and only with the token when METRICS_TOKEN is set', async () => {
    const open = await testServer();
    const proxied = await fetch(`${open.url}/api/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(proxied.status).toBe(403);
    const locked = await testServer({ METRICS_TOKEN: 'a-long-metrics-token-123' });
    expect((await fetch(`${locked.url}/api/metrics`)).status).toBe(403);
    expect((await fetch(`${locked.url}/api/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(403);
    await scrape(locked.url, { authorization: 'Bearer a-long-metrics-token-123' });
    expect((await api(locked.url, 'GET', '/api/health')).body).toMatchObject({ ok: true });
  });
});

describe('retention of closed workspaces', () => {
  it('deletes a closed workspace past its retention period with its documents, logs and decisions, and logs no health content', async () => {
    const dataDir = makeDataDir();
    const lines: string[] = [];
    let now = Date.now();
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, RETENTION_SWEEP_MS: '20' });
    const server: RunningServer = await startServer(config, { clock: { now: () => now }, log: createLogger('debug', (line) => lines.push(line)) });
    cleanups.push(async () => {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });
    const ts = { ...server, wsUrl: server.url.replace(/^http/, 'ws') + '/collab' };
    const fx = await setupFixture(server);
    const roy = await invite(server.url, fx.token, fx.workspaceId, 'clinician', 'editor', 'Dr Roy');
    const c = client(ts, fx.documentId, fx.token);
    await synced(c);
    c.text.insert(0, 'Secret health note about Marie');
    await waitFor(async () => (await server.store.latestSeq(fx.documentId)) === 1, 'stored');
    await propose(ts as unknown as TestServer, fx.token, fx.documentId, { title: 'Private decision title', proposal: 'Private proposal text' });

    const patch = (token: string, body: unknown) => api(server.url, 'PATCH', `/api/workspaces/${fx.workspaceId}`, { token, body });
    expect((await patch(roy.token, { closed: true })).status).toBe(403);
    expect((await patch(fx.token, {})).status).toBe(400);
    expect((await patch(fx.token, { retentionDays: 0 })).status).toBe(400);
    const closed = await patch(fx.token, { closed: true, retentionDays: 30 });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ workspaceId: fx.workspaceId, retentionDays: 30, deleteAfter: new Date(now + 30 * 86_400_000).toISOString() });
    expect((await api(server.url, 'GET', `/api/workspaces/${fx.workspaceId}/retention`, { token: roy.token })).body).toEqual(closed.body);
    const audit = await api(server.url, 'GET', `/api/workspaces/${fx.workspaceId}/audit`, { token: fx.token });
    expect(audit.body.events.slice(0, 2).map((e: { kind: string }) => e.kind).sort()).toEqual(['retention_changed', 'workspace_closed']);

    now += 29 * 86_400_000;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await api(server.url, 'GET', `/api/workspaces/${fx.workspaceId}`, { token: fx.token })).status).toBe(200);

    // Past the period while someone still has the document open: disconnected first, deleted next sweep.
    const ended = new Promise<number>((resolve) => c.provider.on('connection-close', (event) => event && resolve(event.code)));
    now += 2 * 86_400_000;
    expect(await ended).toBe(CLOSE_CODES.accessEnded);
    c.provider.disconnect();
    // (Sessions have expired by now: the clock moved 31 days.)
    await waitFor(async () => (await server.store.getWorkspace(fx.workspaceId)) === null, 'workspace deleted');
    const db = new Database(path.join(dataDir, 'ensemble.sqlite'), { readonly: true });
    try {
      for (const table of ['documents', 'updates', 'decision_entries', 'access_log', 'memberships', 'audit_events']) {
        expect((db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n, table).toBe(0);
      }
    } finally {
      db.close();
    }
    const deletion = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.event === 'workspace_deleted_by_retention');
    expect(deletion).toMatchObject({ level: 'info', workspaceId: fx.workspaceId, documents: 1 });
    for (const secret of ['Secret health note', 'Marie', 'Private decision title', 'Private proposal', 'Plan de Marie', 'Mon projet de vie', fx.token]) {
      expect(lines.join('\n')).not.toContain(secret);
    }
  });
});
