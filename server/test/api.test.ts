import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api, setupFixture, startTestServer, type TestServer } from './testServer';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer({ env: { LIMIT_AUTH_ATTEMPTS_PER_WINDOW: '5' } });
});
afterEach(async () => {
  await server.cleanup();
});

describe('HTTP API', () => {
  it('answers health once listening', async () => {
    const res = await api(server.url, 'GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(true);
  });

  it('allows setup only once, then answers 409 with a readable message', async () => {
    expect((await api(server.url, 'GET', '/api/setup')).body).toEqual({ needsSetup: true, emailReset: false });
    const first = await api(server.url, 'POST', '/api/setup', {
      body: { displayName: 'Alice', email: 'Alice@Example.org', password: 'a long passphrase' },
    });
    expect(first.status).toBe(201);
    expect(first.body.user.email).toBe('alice@example.org');
    expect(first.headers.get('set-cookie')).toMatch(/ensemble_session=.+; HttpOnly; SameSite=Lax/);
    const second = await api(server.url, 'POST', '/api/setup', {
      body: { displayName: 'Mallory', email: 'm@example.org', password: 'another passphrase' },
    });
    expect(second.status).toBe(409);
    expect(second.body.error).toEqual({ code: 'conflict', message: expect.stringMatching(/already set up/) });
    expect((await api(server.url, 'GET', '/api/setup')).body).toEqual({ needsSetup: false, emailReset: false });
  });

  it('rejects invalid bodies with field-level messages', async () => {
    const res = await api(server.url, 'POST', '/api/setup', { body: { displayName: '', email: 'nope', password: 'short' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toMatch(/displayName: .*required/);
    expect(res.body.error.message).toMatch(/email: .*not valid/);
    expect(res.body.error.message).toMatch(/password: .*at least 10/);
    const extra = await api(server.url, 'POST', '/api/setup', {
      body: { displayName: 'A', email: 'a@example.org', password: 'a long passphrase', admin: true },
    });
    expect(extra.status).toBe(400);
    expect(extra.body.error.message).toMatch(/Unknown field.*admin/);
  });

  it('rejects malformed JSON and oversized bodies', async () => {
    const bad = await api(server.url, 'POST', '/api/login', { rawBody: '{"email":', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/not valid JSON/);
    const huge = await api(server.url, 'POST', '/api/login', { body: { email: 'a@example.org', password: 'x'.repeat(100_000) } });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
    expect((await api(server.url, 'GET', '/api/health')).status).toBe(200);
  });

  it('refuses wrong credentials with 401 and rate-limits repeated failures with 429', async () => {
    await setupFixture(server);
    const wrong = await api(server.url, 'POST', '/api/login', { body: { email: 'alice@example.org', password: 'not the password' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toMatch(/not correct/);
    const unknown = await api(server.url, 'POST', '/api/login', { body: { email: 'nobody@example.org', password: 'whatever it is' } });
    expect(unknown.status).toBe(401);
    for (let i = 0; i < 3; i++) await api(server.url, 'POST', '/api/login', { body: { email: 'alice@example.org', password: 'wrong again!' } });
    const limited = await api(server.url, 'POST', '/api/login', { body: { email: 'alice@example.org', password: 'a long passphrase' } });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(limited.headers.get('retry-after')).toBe('60');
  });

  it('signs in, answers /api/me, and ends the session on logout', async () => {
    await setupFixture(server);
    const login = await api(server.url, 'POST', '/api/login', { body: { email: 'alice@example.org', password: 'a long passphrase' } });
    expect(login.status).toBe(200);
    const me = await api(server.url, 'GET', '/api/me', { token: login.body.token });
    expect(me.status).toBe(200);
    expect(me.body.user.displayName).toBe('Alice Tremblay');
    expect(me.body.memberships).toHaveLength(1);
    expect((await api(server.url, 'POST', '/api/logout', { token: login.body.token })).status).toBe(204);
    expect((await api(server.url, 'GET', '/api/me', { token: login.body.token })).status).toBe(401);
  });

  it('lists the caller workspaces and documents, and creates both', async () => {
    const f = await setupFixture(server);
    const workspaces = await api(server.url, 'GET', '/api/workspaces', { token: f.token });
    expect(workspaces.body.workspaces).toEqual([
      expect.objectContaining({ id: f.workspaceId, name: 'Plan de Marie', purpose: 'care-trajectory', role: 'person', permission: 'owner' }),
    ]);
    const docs = await api(server.url, 'GET', `/api/workspaces/${f.workspaceId}/documents`, { token: f.token });
    expect(docs.body.documents.map((d: { id: string }) => d.id)).toEqual([f.documentId]);
    const info = await api(server.url, 'GET', `/api/documents/${f.documentId}`, { token: f.token });
    expect(info.body).toMatchObject({ title: 'Mon projet de vie', workspaceName: 'Plan de Marie', permission: 'owner', role: 'person' });
    const workspace = await api(server.url, 'GET', `/api/workspaces/${f.workspaceId}`, { token: f.token });
    expect(workspace.body).toMatchObject({ id: f.workspaceId, name: 'Plan de Marie', purpose: 'care-trajectory', role: 'person', permission: 'owner' });
  });

  it('answers 400 for an unknown template and 404 for an unknown workspace or document', async () => {
    const f = await setupFixture(server);
    const tpl = await api(server.url, 'POST', `/api/workspaces/${f.workspaceId}/documents`, { token: f.token, body: { title: 'X', template: 'nope' } });
    expect(tpl.status).toBe(400);
    expect(tpl.body.error.message).toMatch(/Unknown template/);
    expect((await api(server.url, 'GET', '/api/workspaces/doesnotexist/documents', { token: f.token })).status).toBe(404);
    expect((await api(server.url, 'GET', '/api/documents/doesnotexist', { token: f.token })).status).toBe(404);
    expect((await api(server.url, 'GET', '/api/workspaces/doesnotexist', { token: f.token })).status).toBe(404);
  });

  it('requires authentication and refuses cookie writes from another origin', async () => {
    expect((await api(server.url, 'GET', '/api/workspaces')).status).toBe(401);
    // Authentication comes before validation: a stranger learns nothing about the body rules.
    expect((await api(server.url, 'POST', '/api/workspaces', { body: { name: '' } })).status).toBe(401);
    const wrongMethod = await api(server.url, 'DELETE', '/api/workspaces');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.body.error.code).toBe('method_not_allowed');
    const f = await setupFixture(server);
    const cookie = `ensemble_session=${f.token}`;
    const foreign = await api(server.url, 'POST', '/api/workspaces', { body: { name: 'X' }, headers: { cookie, origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    const own = await api(server.url, 'POST', '/api/workspaces', { body: { name: 'X' }, headers: { cookie, origin: server.url } });
    expect(own.status).toBe(201);
    const noOrigin = await api(server.url, 'POST', '/api/workspaces', { body: { name: 'X' }, headers: { cookie } });
    expect(noOrigin.status).toBe(403);
  });

  it('sets security headers on every answer', async () => {
    const res = await fetch(server.url + '/api/health');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
