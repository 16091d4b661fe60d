import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportArchive, fillWorkspace, firstAccount, importArchive, type ArchiveSource } from './archiveHelpers';
import { api, connectClient, startTestServer, synced, waitFor, type TestClient, type TestServer } from './testServer';

// The target installation has small archive caps, so that "too large" is cheap to reach.
const MAX_BYTES = 64 * 1024;
const MAX_UNPACKED = 256 * 1024;
let source: TestServer;
let target: TestServer;
let s: ArchiveSource;
let archive: string;
let bob: { token: string; userId: string };
const clients: TestClient[] = [];

beforeAll(async () => {
  source = await startTestServer();
  target = await startTestServer({ env: { LIMIT_MAX_ARCHIVE_BYTES: String(MAX_BYTES), LIMIT_MAX_ARCHIVE_UNPACKED_BYTES: String(MAX_UNPACKED) } });
  s = await fillWorkspace(source, clients);
  archive = (await exportArchive(source, s.alice.token, s.alice.workspaceId, 'names')).text;
  bob = await firstAccount(target);
});
afterAll(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await source.cleanup();
  await target.cleanup();
});

/** What the target holds: Bob's workspaces and every account (placeholders included). */
async function census(): Promise<{ workspaces: number; users: number }> {
  const list = await api(target.url, 'GET', '/api/workspaces', { token: bob.token });
  const workspaces = (Array.isArray(list.body) ? list.body : list.body.workspaces) as unknown[];
  return { workspaces: workspaces.length, users: await target.store.countUsers() };
}

function edited(change: (archive: any) => void): string {
  const copy = JSON.parse(archive);
  change(copy);
  return JSON.stringify(copy);
}

describe('workspace archive refusals', () => {
  it('refuses an archive whose decision record was changed, with a clear error, and creates nothing', async () => {
    const before = await census();
    const tampered = edited((a) => {
      const entry = a.documents[0].decisionEntries.find((e: { kind: string }) => e.kind === 'position');
      entry.payload = entry.payload.replace('Trop tôt pour elle.', 'Tout à fait d’accord.');
    });
    const refused = await importArchive(target, bob.token, tampered);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/Document “Mon projet de vie”: the decision record does not verify \(entry 2: hash-mismatch\).*Nothing was imported\./);
    // A changed hash is caught as well.
    const rehashed = edited((a) => {
      const entries = a.documents[0].decisionEntries;
      entries[0].hash = 'f'.repeat(64);
    });
    expect((await importArchive(target, bob.token, rehashed)).body.error.message).toMatch(/does not verify/);
    const signoff = edited((a) => {
      a.documents[0].signoffEntries[0].actorId = a.members[1].id;
    });
    expect((await importArchive(target, bob.token, signoff)).body.error.message).toMatch(/sign-off record does not verify/);
    expect(await census()).toEqual(before);
  });

  it('refuses malformed archives and other versions with clear errors, and creates nothing', async () => {
    const before = await census();
    const cases: Array<[string | Uint8Array, number, RegExp]> = [
      ['{ not json', 400, /not valid JSON/],
      ['', 400, /Send the archive file/],
      [JSON.stringify({ hello: 'world' }), 400, /not an Ensemble workspace archive/],
      [edited((a) => (a.version = 2)), 400, /newer version of Ensemble \(archive format 2\).*reads format 1/],
      [edited((a) => delete a.documents[0].updates), 400, /damaged or incomplete \(at documents\.0\.updates/],
      [edited((a) => (a.documents[0].updates[1].data = Buffer.from('not a yjs update').toString('base64'))), 400, /change 2 of its history is not readable/],
      [edited((a) => a.documents[0].updates.splice(1, 1)), 400, /history is incomplete/],
      [edited((a) => (a.documents[0].comments[0].authorId = 'nobody')), 400, /not in the archive's member list/],
      [Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]), 400, /compressed file is damaged/],
    ];
    for (const [body, status, message] of cases) {
      const res = await importArchive(target, bob.token, body);
      expect(res.status, String(message)).toBe(status);
      expect(res.body.error.message).toMatch(message);
    }
    expect(await census()).toEqual(before);
  });

  it('refuses archives over the caps, as sent and once unpacked, and keeps serving everyone else', async () => {
    const before = await census();
    // A live editor on the target keeps working while the uploads are refused.
    const own = await api(target.url, 'POST', '/api/workspaces', { token: bob.token, body: { name: 'Comité' } });
    const document = await api(target.url, 'POST', `/api/workspaces/${own.body.id}/documents`, { token: bob.token, body: { title: 'Guide' } });
    const editor = connectClient(target.wsUrl, document.body.id, bob.token);
    clients.push(editor);
    await synced(editor);

    const padded = edited((a) => (a.workspace.name = 'x'.repeat(400) + a.workspace.name)).replace('{', `{"padding":"${'p'.repeat(MAX_BYTES)}",`);
    const tooBig = await importArchive(target, bob.token, padded);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.message).toMatch(/too large: this installation accepts archives up to 0\.1 MB \(0\.3 MB once unpacked\)\. Nothing was imported\./);
    const bomb = zlib.gzipSync(Buffer.from(`{"padding":"${'p'.repeat(MAX_UNPACKED * 2)}"}`));
    expect(bomb.length).toBeLessThan(MAX_BYTES);
    const unpacked = await importArchive(target, bob.token, bomb, 'application/gzip');
    expect(unpacked.status).toBe(413);

    editor.text.insert(0, 'Toujours là.');
    await waitFor(async () => (await target.store.latestSeq(document.body.id)) >= 1, 'the edit is stored');
    expect((await api(target.url, 'GET', '/api/health')).status).toBe(200);
    expect(await census()).toEqual({ workspaces: before.workspaces + 1, users: before.users });

    // The same archive, gzipped and within the caps, goes in.
    const gzipped = await importArchive(target, bob.token, zlib.gzipSync(Buffer.from(archive)), 'application/gzip');
    expect(gzipped.status).toBe(201);
  });

  it('needs a signed-in person to import', async () => {
    expect((await importArchive(target, 'not-a-session', archive)).status).toBe(401);
  });
});
