/**
 * Integration test helpers: a real server on port 0 with a temporary data directory, real
 * HTTP calls, and stock y-websocket providers (Node, with the `ws` polyfill).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/log';
import { hashToken, newId, newToken, type Clock } from '../src/util/ids';
import { sharedTestDatabase } from './support/postgres';

export interface TestServer extends RunningServer {
  dataDir: string;
  wsUrl: string;
  /** Stops the server; the data directory stays until `cleanup`. */
  stop(): Promise<void>;
  cleanup(): Promise<void>;
}

export function makeDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ensemble-test-'));
}

/** `databaseUrl`: run on that PostgreSQL database (DATABASE_URL) instead of SQLite in dataDir. */
export async function startTestServer(options: { dataDir?: string; env?: Record<string, string>; clock?: Clock; databaseUrl?: string } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? makeDataDir();
  // ENSEMBLE_TEST_DATABASE=postgres runs every test server on PostgreSQL (support/postgres.ts).
  const databaseUrl = options.databaseUrl ?? (process.env.ENSEMBLE_TEST_DATABASE === 'postgres' ? await sharedTestDatabase(dataDir) : undefined);
  const database = databaseUrl ? { DATABASE_URL: databaseUrl } : {};
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'error', ...database, ...options.env });
  const server = await startServer(config, { log: createLogger('error', () => {}), ...(options.clock ? { clock: options.clock } : {}) });
  return {
    ...server,
    dataDir,
    wsUrl: server.url.replace(/^http/, 'ws') + '/collab',
    stop: () => server.close(),
    cleanup: async () => {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ApiResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function api<T = any>(
  baseUrl: string,
  method: string,
  route: string,
  options: { body?: unknown; token?: string; headers?: Record<string, string>; rawBody?: string } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const res = await fetch(baseUrl + route, { method, headers, body });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as T) : (undefined as T), headers: res.headers };
}

export interface Fixture {
  token: string;
  userId: string;
  workspaceId: string;
  documentId: string;
}

/** First-run setup, one workspace, one document. */
export async function setupFixture(server: { url: string }): Promise<Fixture> {
  const setup = await api(server.url, 'POST', '/api/setup', {
    body: { displayName: 'Alice Tremblay', email: 'alice@example.org', password: 'a long passphrase' },
  });
  if (setup.status !== 201) throw new Error(`setup failed: ${JSON.stringify(setup.body)}`);
  const token = setup.body.token as string;
  const workspace = await api(server.url, 'POST', '/api/workspaces', { token, body: { name: 'Plan de Marie', purpose: 'care-trajectory' } });
  const document = await api(server.url, 'POST', `/api/workspaces/${workspace.body.id}/documents`, { token, body: { title: 'Mon projet de vie' } });
  return { token, userId: setup.body.user.id, workspaceId: workspace.body.id, documentId: document.body.id };
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  text: Y.Text;
  destroy(): void;
}

export function connectClient(wsUrl: string, documentId: string, token: string, params: Record<string, string> = {}): TestClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, documentId, doc, {
    params: { token, ...params },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  return {
    doc,
    provider,
    text: doc.getText('t'),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function synced(client: TestClient): Promise<void> {
  await waitFor(() => client.provider.synced, 'provider synced');
}

/** Opens a raw socket and resolves with how the server closed it. */
/** Resolves with the code and reason the server ends a client's connection with. */
export function closedWith(client: TestClient): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    client.provider.on('connection-close', (event) => {
      if (event) resolve({ code: event.code, reason: event.reason });
    });
  });
}

export function rawSocket(url: string): { ws: WebSocket; opened: Promise<void>; closed: Promise<{ code: number; reason: string }> } {
  const ws = new WebSocket(url);
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  ws.on('error', () => {});
  return { ws, opened, closed };
}

/**
 * A second signed-in person who belongs to no workspace. Invitations are the product's way in;
 * until a test needs them, the account and session are written straight to the store.
 */
export async function createOutsider(server: RunningServer): Promise<string> {
  const id = newId();
  await server.store.createUser({ id, email: `${id}@example.org`, displayName: 'Outsider', passwordHash: null, color: '#000000', language: null, createdAt: Date.now() });
  const token = newToken();
  await server.store.createSession({ tokenHash: hashToken(token), userId: id, createdAt: Date.now(), expiresAt: Date.now() + 60_000 });
  return token;
}

/** An owner invites someone with a role and permission; they join with only a name. */
export async function invite(
  baseUrl: string,
  ownerToken: string,
  workspaceId: string,
  role: string,
  permission: string,
  displayName: string,
): Promise<{ token: string; userId: string }> {
  const invitation = await api(baseUrl, 'POST', `/api/workspaces/${workspaceId}/invitations`, { token: ownerToken, body: { role, permission } });
  if (invitation.status !== 201) throw new Error(`invite failed: ${JSON.stringify(invitation.body)}`);
  const accepted = await api(baseUrl, 'POST', `/api/invitations/${invitation.body.token}/accept`, { body: { displayName } });
  if (accepted.status !== 201) throw new Error(`accept failed: ${JSON.stringify(accepted.body)}`);
  return { token: accepted.body.token, userId: accepted.body.user.id };
}
