import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connectClient, setupFixture, startTestServer, synced, type Fixture, type TestServer } from './testServer';

let server: TestServer;
let fx: Fixture;
beforeAll(async () => {
  server = await startTestServer();
  fx = await setupFixture(server);
});
afterAll(async () => {
  await server.cleanup();
});

async function readContent(documentId: string): Promise<Y.XmlElement[]> {
  const client = connectClient(server.wsUrl, documentId, fx.token);
  await synced(client);
  const elements = client.doc.getXmlFragment('default').toArray() as Y.XmlElement[];
  // Read before the client is destroyed: the types belong to its doc.
  const copy = elements.map((e) => e.clone());
  const doc = new Y.Doc();
  doc.getXmlFragment('default').insert(0, copy);
  client.destroy();
  return doc.getXmlFragment('default').toArray() as Y.XmlElement[];
}

describe('demo workspace', () => {
  it('creates, in French, a care trajectory, a structuring document in review and a past workshop, written by fictional people', async () => {
    const created = await api(server.url, 'POST', '/api/demo', { token: fx.token, body: { language: 'fr' } });
    expect(created.status).toBe(201);
    expect(created.body.name).toBe('Exemple — Soins et services en partenariat');
    expect(created.body.decisions).toBe(3);
    const [care, policy, workshop] = created.body.documents as Array<{ id: string; title: string; template: string }>;
    expect([care?.template, policy?.template, workshop?.template]).toEqual(['care-trajectory', 'structuring-document', 'workshop-record']);

    const workspaces = await api(server.url, 'GET', '/api/workspaces', { token: fx.token });
    expect(workspaces.body.workspaces.find((w: { id: string }) => w.id === created.body.workspaceId)).toMatchObject({ permission: 'owner', role: 'facilitator' });
    const members = await api(server.url, 'GET', `/api/workspaces/${created.body.workspaceId}/members`, { token: fx.token });
    expect(members.body.members.map((m: { role: string }) => m.role).sort()).toEqual(['caregiver', 'clinician', 'facilitator', 'manager', 'peer_supporter', 'person']);
    const marie = members.body.members.find((m: { role: string }) => m.role === 'person');
    expect(marie.displayName).toBe('Marie Lavoie');

    // ProseMirror's Yjs representation: headings with a level, paragraphs, lists.
    const content = await readContent(care!.id);
    expect(content[0]?.nodeName).toBe('heading');
    expect(content[0]?.getAttribute('level')).toBe(2);
    expect(content[0]?.toString()).toContain('Mon projet de vie, dans mes mots');
    expect(content.map((e) => e.nodeName)).toContain('bulletList');

    const contributions = await api(server.url, 'GET', `/api/documents/${care!.id}/contributions`, { token: fx.token });
    expect(contributions.body.people.map((p: { displayName: string }) => p.displayName).sort()).toEqual(['Dre Sophie Roy', 'Jean Lavoie', 'Karim Haddad', 'Marie Lavoie']);
    expect(contributions.body.perspectives.map((p: { perspective: string }) => p.perspective).sort()).toEqual(['experiential', 'professional']);

    const log = await api(server.url, 'GET', `/api/documents/${care!.id}/decisions`, { token: fx.token });
    expect(JSON.stringify(log.body)).toContain('Retour progressif au travail');
    expect((await api(server.url, 'GET', `/api/documents/${care!.id}/decisions/verify`, { token: fx.token })).body).toMatchObject({ ok: true, entries: 5 });

    const versions = await api(server.url, 'GET', `/api/documents/${policy!.id}/named-versions`, { token: fx.token });
    expect(versions.status).toBe(200);
    expect(versions.body.versions[0].signers.map((s: { status: string }) => s.status).sort()).toEqual(['approved', 'asked', 'asked']);

    const documents = await api(server.url, 'GET', `/api/workspaces/${created.body.workspaceId}/documents`, { token: fx.token });
    const past = documents.body.documents.find((d: { id: string }) => d.id === workshop!.id);
    expect(Date.now() - Date.parse(past.updatedAt)).toBeGreaterThan(40 * 86_400_000);
  });

  it('speaks English when asked, and refuses strangers and unknown languages', async () => {
    const created = await api(server.url, 'POST', '/api/demo', { token: fx.token, body: { language: 'en' } });
    expect(created.status).toBe(201);
    expect(created.body.documents.map((d: { title: string }) => d.title)).toEqual([
      'Marie’s care trajectory',
      'Welcome guide for families (draft for review)',
      'Workshop — improving the first appointment',
    ]);
    // The goal block carries both voices and who expressed it, so the FHIR export has a real Goal.
    const fhir = await fetch(`${server.url}/api/documents/${created.body.documents[0].id}/export?format=fhir`, { headers: { authorization: `Bearer ${fx.token}` } });
    const bundle = await fhir.text();
    expect(fhir.status).toBe(200);
    expect(bundle).toContain('I want to shelve books again, mornings only.');
    expect(bundle).toContain('Marie Lavoie');
    expect((await api(server.url, 'POST', '/api/demo', { body: { language: 'en' } })).status).toBe(401);
    expect((await api(server.url, 'POST', '/api/demo', { token: fx.token, body: { language: 'de' } })).status).toBe(400);
  });
});
