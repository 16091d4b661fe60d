/**
 * "Forgot password?" by email, against a real SMTP server in this process: the neutral answer,
 * the emailed single-use link (the same /recover/:token screen as an owner's link), expiry,
 * rate limits, and a mail server that is down.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/log';
import { openSqliteDatabase } from '../src/storage/sqlite/sqliteStore';
import { freePort, startTestSmtp, type TestSmtp } from './smtpHelpers';
import { api, invite, makeDataDir, setupFixture, startTestServer, waitFor, type Fixture } from './testServer';

const EMAIL = 'alice@example.org';
const PASSWORD = 'a long passphrase';
const NEUTRAL = 'If an account uses this email address, a link to choose a new password is on its way. It works once, for 30 minutes.';

interface World {
  server: RunningServer;
  smtp: TestSmtp;
  owner: Fixture;
  logs: string[];
  dataDir: string;
  advance(ms: number): void;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function world(env: Record<string, string> = {}): Promise<World> {
  const smtp = await startTestSmtp();
  cleanups.push(() => smtp.close());
  const port = await freePort();
  const dataDir = makeDataDir();
  // A stand-in for the built client, so the emailed link can be opened whatever was built.
  fs.mkdirSync(path.join(dataDir, 'client'));
  fs.writeFileSync(path.join(dataDir, 'client', 'index.html'), '<!doctype html><title>Ensemble client</title>');
  let now = Date.now();
  const logs: string[] = [];
  const config = loadConfig({
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    CLIENT_DIR: path.join(dataDir, 'client'),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_SECURITY: 'none',
    SMTP_FROM: 'Ensemble <no-reply@example.org>',
    ...env,
  });
  const server = await startServer(config, { clock: { now: () => now }, log: createLogger('info', (line) => logs.push(line)) });
  cleanups.push(async () => {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const owner = await setupFixture(server);
  return { server, smtp, owner, logs, dataDir, advance: (ms) => (now += ms) };
}

const ask = (w: World, email: string, headers: Record<string, string> = {}) => api(w.server.url, 'POST', '/api/password-reset', { body: { email }, headers });
const login = (w: World, password: string) => api(w.server.url, 'POST', '/api/login', { body: { email: EMAIL, password } });

/** The link in the last mail, and the route its token posts to. */
function linkIn(w: World): { url: URL; route: string } {
  const mail = w.smtp.mails.at(-1)!;
  const found = /https?:\/\/\S+\/recover\/\S+/.exec(mail.text);
  expect(found, mail.text).not.toBeNull();
  const url = new URL(found![0]);
  return { url, route: `/api/recovery/${url.pathname.split('/').at(-1)}` };
}

describe('password reset by email', () => {
  it('says it is available, mails a working single-use link, and the new password works', async () => {
    const w = await world();
    expect((await api(w.server.url, 'GET', '/api/setup')).body).toEqual({ needsSetup: false, emailReset: true });

    const asked = await ask(w, '  Alice@Example.org ');
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ message: NEUTRAL });
    await waitFor(() => w.smtp.mails.length === 1, 'the reset mail');
    const mail = w.smtp.mails[0]!;
    expect(mail.to).toEqual([EMAIL]);
    expect(mail.from).toBe('no-reply@example.org');
    expect(mail.subject).toBe('Choose a new password for Ensemble');
    expect(mail.text).toContain('Hello Alice Tremblay,');
    expect(mail.text).toContain('within the next 30 minutes');
    expect(mail.text).not.toContain('Plan de Marie');
    const { url, route } = linkIn(w);
    expect(url.origin).toBe(w.server.url);
    expect(url.searchParams.get('reset')).toBe('1');
    // The link opens the client's recovery screen on this server.
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Ensemble client');
    // Only a hash of the token is stored.
    const token = url.pathname.split('/').at(-1)!;
    const db = new Database(path.join(w.dataDir, 'ensemble.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT token_hash, workspace_id, purpose FROM recovery_links').all() as Array<Record<string, unknown>>;
    db.close();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ workspace_id: null, purpose: 'password_reset' });
    expect(JSON.stringify(rows)).not.toContain(token);

    // A reset link always sets a password: without one it is refused and not spent.
    const noPassword = await api(w.server.url, 'POST', route, { body: {} });
    expect(noPassword.status).toBe(400);
    const used = await api(w.server.url, 'POST', route, { body: { password: 'a brand new passphrase' } });
    expect(used.status).toBe(201);
    expect(used.body.user.id).toBe(w.owner.userId);
    expect((await login(w, 'a brand new passphrase')).status).toBe(200);
    expect((await login(w, PASSWORD)).status).toBe(401);
    // Once only.
    const again = await api(w.server.url, 'POST', route, { body: { password: 'yet another passphrase' } });
    expect(again.status).toBe(404);
    expect((await login(w, 'yet another passphrase')).status).toBe(401);
  });

  it('writes in the person’s language, else the server’s default', async () => {
    const w = await world({ DEFAULT_LANGUAGE: 'fr' });
    await ask(w, EMAIL);
    await waitFor(() => w.smtp.mails.length === 1, 'the first mail');
    expect(w.smtp.mails[0]!.subject).toBe('Choisir un nouveau mot de passe pour Ensemble');
    expect(w.smtp.mails[0]!.text).toContain('Bonjour Alice Tremblay,');
    expect(w.smtp.mails[0]!.text).toContain('Le lien ne fonctionne qu’une seule fois.');
    expect((await api(w.server.url, 'PATCH', '/api/me', { token: w.owner.token, body: { language: 'en' } })).status).toBe(200);
    await ask(w, EMAIL);
    await waitFor(() => w.smtp.mails.length === 2, 'the second mail');
    expect(w.smtp.mails[1]!.subject).toBe('Choose a new password for Ensemble');
  });

  it('refuses an expired link', async () => {
    const w = await world();
    await ask(w, EMAIL);
    await waitFor(() => w.smtp.mails.length === 1, 'the reset mail');
    const { route } = linkIn(w);
    w.advance(31 * 60 * 1000);
    const late = await api(w.server.url, 'POST', route, { body: { password: 'a brand new passphrase' } });
    expect(late.status).toBe(404);
    expect(late.body.error.code).toBe('not_found');
    expect((await login(w, PASSWORD)).status).toBe(200);
  });

  it('answers an unknown address exactly the same way, and sends nothing', async () => {
    const w = await world();
    const jean = await invite(w.server.url, w.owner.token, w.owner.workspaceId, 'caregiver', 'editor', 'Jean');
    const unknown = await ask(w, 'nobody@example.org');
    const known = await ask(w, EMAIL);
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    // Requests are handled in order: once the second mail is out, the first was handled too.
    await waitFor(() => w.smtp.mails.length === 1, 'the reset mail');
    expect(w.smtp.mails.map((m) => m.to)).toEqual([[EMAIL]]);
    // A member without a password (joined with a name only) has no address to write to either.
    expect((await api(w.server.url, 'GET', '/api/me', { token: jean.token })).body.user.hasPassword).toBe(false);
  });

  it('limits requests per client address and per email address, like sign-in', async () => {
    const w = await world({ LIMIT_AUTH_ATTEMPTS_PER_WINDOW: '3', TRUST_PROXY: '1' });
    const from = (address: string) => ({ 'x-forwarded-for': address });
    for (let i = 0; i < 3; i++) expect((await ask(w, `someone${i}@example.org`, from('10.0.0.1'))).status).toBe(202);
    const limited = await ask(w, 'someone9@example.org', from('10.0.0.1'));
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    // Another address is not affected...
    expect((await ask(w, EMAIL, from('10.0.0.2'))).status).toBe(202);
    await waitFor(() => w.smtp.mails.length === 1, 'the reset mail');
    // ...but one email address cannot be flooded from many places.
    expect((await ask(w, EMAIL, from('10.0.0.3'))).status).toBe(202);
    expect((await ask(w, EMAIL, from('10.0.0.4'))).status).toBe(202);
    expect((await ask(w, EMAIL, from('10.0.0.5'))).status).toBe(429);
    // Sign-in is untouched, and the window ends.
    expect((await login(w, PASSWORD)).status).toBe(200);
    w.advance(61_000);
    expect((await ask(w, 'someone9@example.org', from('10.0.0.1'))).status).toBe(202);
  });

  it('with the mail server down, answers the same and logs an error without the address or the link', async () => {
    const w = await world();
    await w.smtp.close();
    const asked = await ask(w, EMAIL);
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ message: NEUTRAL });
    await waitFor(() => w.logs.some((line) => line.includes('password_reset_mail_failed')), 'the error in the log', 20_000);
    const line = JSON.parse(w.logs.find((l) => l.includes('password_reset_mail_failed'))!) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'error', event: 'password_reset_mail_failed', code: expect.any(String) });
    const db = new Database(path.join(w.dataDir, 'ensemble.sqlite'), { readonly: true });
    const { token_hash: hash } = db.prepare('SELECT token_hash FROM recovery_links').get() as { token_hash: string };
    db.close();
    const all = w.logs.join('\n');
    expect(all).not.toContain(EMAIL);
    expect(all).not.toContain('/recover/');
    expect(all).not.toContain(hash);
    // The server carries on.
    expect((await login(w, PASSWORD)).status).toBe(200);
  });

  it('refuses bad input with a clear error and sends nothing', async () => {
    const w = await world();
    const invalid = await api(w.server.url, 'POST', '/api/password-reset', { body: { email: 'not an address' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('validation_failed');
    expect(JSON.stringify(invalid.body)).toContain('Email address is not valid.');
    expect((await api(w.server.url, 'POST', '/api/password-reset', { body: { email: EMAIL, password: 'x' } })).status).toBe(400);
    expect((await api(w.server.url, 'POST', '/api/password-reset', { rawBody: '{nope', headers: { 'content-type': 'application/json' } })).status).toBe(400);
    expect((await api(w.server.url, 'POST', '/api/password-reset', { body: { email: 'a'.repeat(400) + '@example.org' } })).status).toBe(400);
    expect((await api(w.server.url, 'POST', '/api/recovery/' + 'x'.repeat(300), { body: { password: 'a brand new passphrase' } })).status).toBe(404);
    // A valid request afterwards is served normally.
    expect((await ask(w, EMAIL)).status).toBe(202);
    await waitFor(() => w.smtp.mails.length === 1, 'the reset mail');
    expect(w.smtp.mails).toHaveLength(1);
  });
});

describe('without a mail server', () => {
  it('does not offer email reset and has no such route', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.cleanup());
    expect((await api(server.url, 'GET', '/api/setup')).body).toEqual({ needsSetup: true, emailReset: false });
    expect((await api(server.url, 'POST', '/api/password-reset', { body: { email: EMAIL } })).status).toBe(404);
  });
});

describe('migration 10', () => {
  it('keeps the recovery links issued before it, as owner-issued links', async () => {
    const dataDir = makeDataDir();
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const file = path.join(dataDir, 'ensemble.sqlite');
    const before = openSqliteDatabase({ filename: file, durability: 'normal' });
    // Back to the shape of migration 6, with one link in it.
    before.exec(`
      INSERT INTO users (id, email, display_name, password_hash, color, created_at) VALUES ('u1', NULL, 'Jean', NULL, '#123456', 1);
      INSERT INTO workspaces (id, name, purpose, created_at, created_by) VALUES ('w1', 'Plan', 'other', 1, 'u1');
      DROP TABLE recovery_links;
      CREATE TABLE recovery_links (token_hash TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, created_by TEXT NOT NULL, expires_at INTEGER NOT NULL, used_at INTEGER, created_at INTEGER NOT NULL);
      INSERT INTO recovery_links VALUES ('h1', 'w1', 'u1', 'u1', 99, NULL, 1);
      DELETE FROM schema_migrations WHERE version = 10;
    `);
    before.close();
    const after = openSqliteDatabase({ filename: file, durability: 'normal' });
    expect(after.prepare('SELECT token_hash, workspace_id, purpose FROM recovery_links').all()).toEqual([{ token_hash: 'h1', workspace_id: 'w1', purpose: 'recovery' }]);
    after.close();
  });
});
