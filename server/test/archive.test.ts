import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { archiveBytes, exportArchive, fillWorkspace, firstAccount, importArchive, TEXT, type ArchiveSource } from './archiveHelpers';
import { api, connectClient, createOutsider, startTestServer, synced, waitFor, type TestClient, type TestServer } from './testServer';

// Two installations, each with its own data directory: the archive is the only thing that moves.
let source: TestServer;
let target: TestServer;
let s: ArchiveSource;
let bob: { token: string; userId: string };
const clients: TestClient[] = [];

beforeAll(async () => {
  source = await startTestServer();
  target = await startTestServer();
  s = await fillWorkspace(source, clients);
  bob = await firstAccount(target);
});
afterAll(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await source.cleanup();
  await target.cleanup();
});

const get = async (server: TestServer, token: string, route: string) => {
  const res = await api(server.url, 'GET', route, { token });
  expect(res.status, route).toBe(200);
  return res.body;
};

async function openImported(documentId: string): Promise<TestClient> {
  const client = connectClient(target.wsUrl, documentId, bob.token);
  clients.push(client);
  await synced(client);
  return client;
}

async function importedDocument(workspaceId: string): Promise<string> {
  const documents = await get(target, bob.token, `/api/workspaces/${workspaceId}/documents`);
  const list = (Array.isArray(documents) ? documents : documents.documents) as Array<{ id: string; title: string }>;
  const found = list.find((d) => d.title === 'Mon projet de vie');
  if (!found) throw new Error(`imported document missing: ${JSON.stringify(documents)}`);
  return found.id;
}

function charsOf(contributions: { people: Array<{ displayName: string; currentChars: number }> }): Record<string, number> {
  return Object.fromEntries(contributions.people.map((p) => [p.displayName, p.currentChars]));
}

describe('workspace archives', () => {
  it('moves a workspace with its names: same text, same authorship, decisions that verify, comments and sign-offs', async () => {
    const exported = await exportArchive(source, s.alice.token, s.alice.workspaceId, 'names');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toMatch(/attachment; filename="ensemble-workspace-\d{4}-\d{2}-\d{2}\.json"/);
    expect(exported.text).not.toContain('alice@example.org');

    const imported = await importArchive(target, bob.token, exported.text);
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ name: 'Plan de Marie', documents: 1, members: 2, decisionEntries: 2, comments: 1, workshops: 1 });
    const workspaceId = imported.body.workspaceId as string;
    expect(workspaceId).not.toBe(s.alice.workspaceId);
    const documentId = await importedDocument(workspaceId);

    const client = await openImported(documentId);
    expect(client.text.toString()).toBe(TEXT);
    const goal = client.doc.getXmlFragment('default').get(0) as Y.XmlElement;
    expect(goal.getAttribute('expressedByName')).toBe('Jean Lavoie (papa)');

    const before = await get(source, s.alice.token, `/api/documents/${s.alice.documentId}/contributions`);
    const after = await get(target, bob.token, `/api/documents/${documentId}/contributions`);
    expect(charsOf(after)).toMatchObject(charsOf(before));
    expect(charsOf(after)['Jean Lavoie']).toBe(' Je peux la conduire le mardi.'.length);

    expect(await get(target, bob.token, `/api/documents/${documentId}/decisions/verify`)).toMatchObject({ ok: true, entries: 2 });
    const log = JSON.stringify(await get(target, bob.token, `/api/documents/${documentId}/decisions`));
    expect(log).toContain('Trop tôt pour elle.');
    expect(log).toContain('Jean Lavoie');
    const comments = JSON.stringify(await get(target, bob.token, `/api/documents/${documentId}/comments`));
    expect(comments).toContain(s.commentBody);
    expect(comments).toContain('Jean Lavoie');
    const workshops = await get(target, bob.token, `/api/workspaces/${workspaceId}/workshops`);
    const workshopId = (workshops.workshops ?? workshops)[0].id as string;
    const board = await get(target, bob.token, `/api/workshops/${workshopId}/state`);
    expect(board.title).toBe('Atelier du mardi');
    expect(board.cards.map((c: { text: string }) => c.text)).toEqual(['Un banc près de l’arrêt']);
    expect(board.voting).toEqual({ dots: 2, voters: 1 });
    const versions = JSON.stringify(await get(target, bob.token, `/api/documents/${documentId}/named-versions`));
    expect(versions).toContain('Version de mars');
    expect(versions).toContain('approved');

    // The importer owns it; imported people are placeholders: members without an account.
    const members = (await get(target, bob.token, `/api/workspaces/${workspaceId}/members`)).members as Array<{ userId: string; displayName: string; permission: string; email?: string | null }>;
    expect(members.find((m) => m.userId === bob.userId)?.permission).toBe('owner');
    const jean = members.find((m) => m.displayName === 'Jean Lavoie');
    expect(jean).toBeTruthy();
    expect((await api(target.url, 'POST', '/api/login', { body: { email: 'alice@example.org', password: 'a long passphrase' } })).status).toBe(401);

    // An owner re-attaches a placeholder with the usual recovery link.
    const link = await api(target.url, 'POST', `/api/workspaces/${workspaceId}/members/${jean!.userId}/recovery`, { token: bob.token });
    expect(link.status).toBe(201);
    const used = await api(target.url, 'POST', `/api/recovery/${link.body.token}`, { body: {} });
    expect(used.status).toBe(201);
    const me = await get(target, used.body.token, '/api/me');
    expect(me.user.displayName).toBe('Jean Lavoie');
    expect(charsOf(await get(target, used.body.token, `/api/documents/${documentId}/contributions`))['Jean Lavoie']).toBe(30);

    const sourceAudit = await get(source, s.alice.token, `/api/workspaces/${s.alice.workspaceId}/audit`);
    expect(sourceAudit.events[0]).toMatchObject({ kind: 'workspace_exported', actorId: s.alice.userId, details: { members: 'names', documents: 1 } });
    const targetAudit = await get(target, bob.token, `/api/workspaces/${workspaceId}/audit`);
    const importEvent = targetAudit.events.find((e: { kind: string }) => e.kind === 'workspace_imported');
    expect(importEvent).toMatchObject({ actorId: bob.userId, details: { members: 'names', documents: 1 } });
    const sourceHead = (await get(source, s.alice.token, `/api/documents/${s.alice.documentId}/decisions/verify`)).head;
    expect(importEvent.details.decisionChains[0].sourceHead).toBe(sourceHead);
  });

  it('moves it under pseudonyms: no name or email anywhere in the file, contributions kept under the pseudonyms', async () => {
    const exported = await exportArchive(source, s.alice.token, s.alice.workspaceId, 'pseudonyms');
    expect(exported.status).toBe(200);
    const bytes = archiveBytes(exported.text);
    for (const secret of ['Jean', 'Lavoie', 'Alice', 'Tremblay', 'alice@example.org', 'example.org']) expect(bytes.includes(secret), secret).toBe(false);

    const imported = await importArchive(target, bob.token, exported.text);
    expect(imported.status).toBe(201);
    const documentId = await importedDocument(imported.body.workspaceId);
    const client = await openImported(documentId);
    expect(client.text.toString()).toBe(TEXT);
    const goal = client.doc.getXmlFragment('default').get(0) as Y.XmlElement;
    expect(goal.getAttribute('expressedByName')).toBe('Member 2 — family caregiver');

    const before = charsOf(await get(source, s.alice.token, `/api/documents/${s.alice.documentId}/contributions`));
    const after = charsOf(await get(target, bob.token, `/api/documents/${documentId}/contributions`));
    expect(after['Member 1 — person receiving care']).toBe(before['Alice Tremblay']);
    expect(after['Member 2 — family caregiver']).toBe(before['Jean Lavoie']);
    expect(await get(target, bob.token, `/api/documents/${documentId}/decisions/verify`)).toMatchObject({ ok: true, entries: 2 });
    for (const route of ['decisions', 'comments', 'contributions', 'history', 'named-versions']) {
      const body = JSON.stringify(await get(target, bob.token, `/api/documents/${documentId}/${route}`));
      expect(body, route).not.toContain('Jean');
      expect(body, route).not.toContain('Alice');
    }
  });

  it('refuses export to a member who is not an owner (403) and to a stranger (404)', async () => {
    const asEditor = await exportArchive(source, s.jean.token, s.alice.workspaceId, 'names');
    expect(asEditor.status).toBe(403);
    expect(JSON.parse(asEditor.text).error.message).toMatch(/Only owners/);
    const stranger = await createOutsider(source);
    const asStranger = await exportArchive(source, stranger, s.alice.workspaceId, 'names');
    expect(asStranger.status).toBe(404);
    const badChoice = await api(source.url, 'POST', `/api/workspaces/${s.alice.workspaceId}/export`, { token: s.alice.token, body: { members: 'emails' } });
    expect(badChoice.status).toBe(400);
    expect((await api(source.url, 'POST', `/api/workspaces/${s.alice.workspaceId}/export`, { token: s.alice.token, body: {} })).status).toBe(400);
  });

  it('keeps the source workspace untouched and accepts the same archive twice, as two workspaces with distinct names', async () => {
    const exported = await exportArchive(source, s.alice.token, s.alice.workspaceId, 'names');
    const first = await importArchive(target, bob.token, exported.text);
    const second = await importArchive(target, bob.token, exported.text);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.workspaceId).not.toBe(first.body.workspaceId);
    // Bob already has a “Plan de Marie”: each new one gets a distinct name.
    expect(first.body.name).toMatch(/^Plan de Marie \(\d\)$/);
    expect(second.body.name).not.toBe(first.body.name);
    await waitFor(async () => (await get(source, s.alice.token, `/api/documents/${s.alice.documentId}/decisions/verify`)).ok === true, 'source verifies');
  });
});
