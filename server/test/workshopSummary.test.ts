import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContent } from '../src/content/documentState';
import { plainText } from '../src/content/tree';
import { api, connectClient, startTestServer, synced, waitFor, type TestServer } from './testServer';
import { editorSchema, readAsEditor } from './tiptapSchema';
import { command, createWorkshop, postCard, setupWorkshopTeam, state, type WorkshopTeam } from './workshopHelpers';

let server: TestServer;
let team: WorkshopTeam;
beforeAll(async () => {
  server = await startTestServer();
  team = await setupWorkshopTeam(server);
});
afterAll(async () => {
  await server.cleanup();
});

/** Opens the document with a stock y-websocket client and returns its text once it has content. */
async function readBack(documentId: string, token: string): Promise<{ text: string; dropped: boolean }> {
  const client = connectClient(server.wsUrl, documentId, token);
  try {
    await synced(client);
    await waitFor(() => client.doc.getXmlFragment('default').length > 0, 'record content');
    return { text: plainText(readContent(client.doc)), dropped: readAsEditor(client.doc, editorSchema()).dropped };
  } finally {
    client.destroy();
  }
}

describe('the workshop summary', () => {
  it('writes themes, most voted ideas and decisions into a workshop record and proposes the top ideas', async () => {
    const id = await createWorkshop(server, team, { allowAuthorshipReveal: true });
    const w = `/api/workshops/${id}`;
    const quiet = await postCard(server, team.person, id, 'A quiet corner in the waiting room');
    const texts = await postCard(server, team.clinician, id, 'Text messages before appointments');
    const chairs = await postCard(server, team.caregiver, id, 'Chairs for family members');
    await command(server, team.facilitator, 'POST', `${w}/reveal`, { what: 'cards' });
    await postCard(server, team.person, id, 'A private thought never revealed');
    await postCard(server, team.clinician, id, 'Posted after the reveal, still private');
    await command(server, team.facilitator, 'POST', `${w}/reveal`, { what: 'authorship' });
    const comfort = await command(server, team.facilitator, 'POST', `${w}/themes`, { name: 'Comfort' });
    for (const card of [quiet, chairs]) await command(server, team.facilitator, 'PUT', `${w}/cards/${card}/theme`, { themeId: comfort.body.id });
    await command(server, team.person, 'PUT', `${w}/votes/${quiet}`, { dots: 3 });
    await command(server, team.clinician, 'PUT', `${w}/votes/${texts}`, { dots: 2 });
    await command(server, team.caregiver, 'PUT', `${w}/votes/${quiet}`, { dots: 1 });
    await command(server, team.facilitator, 'POST', `${w}/outcomes`, { text: 'Try the quiet corner for three months' });
    await command(server, team.person, 'PUT', `${w}/checkin`, { phase: 'out', mood: 'good', word: 'Heard' });

    expect((await api(server.url, 'POST', `${w}/summary`, { token: team.person.token })).status).toBe(403);
    const summary = await command(server, team.facilitator, 'POST', `${w}/summary`);
    expect(summary.status).toBe(201);
    const { documentId, decisionIds } = summary.body as { documentId: string; decisionIds: string[] };
    expect(decisionIds).toHaveLength(2);

    // The record, read back with a stock client: the template's sections, filled, without names or private ideas.
    const record = await readBack(documentId, team.caregiver.token);
    expect(record.dropped).toBe(false);
    for (const expected of [
      'Agenda',
      'Dot voting (5 min)',
      '3 people took part.',
      'Experiential knowledge: 2 people',
      'Professional knowledge: 1 person',
      'Comfort',
      'A quiet corner in the waiting room',
      'Chairs for family members',
      'Ideas not grouped in a theme',
      'Most voted ideas',
      'A quiet corner in the waiting room — 4 votes (experiential knowledge: 4)',
      'Text messages before appointments — 2 votes (professional knowledge: 2)',
      'Try the quiet corner for three months',
      'Next steps',
    ]) expect(record.text).toContain(expected);
    for (const absent of ['A private thought never revealed', 'Posted after the reveal', 'Marie Usager', 'Dr Kim', 'Chloé Proche']) expect(record.text).not.toContain(absent);

    // Attributed to the facilitator who asked for it.
    const authorship = await api(server.url, 'GET', `/api/documents/${documentId}/authorship`, { token: team.person.token });
    expect(new Set(authorship.body.clients.map((c: { userId: string }) => c.userId))).toEqual(new Set([team.facilitator.userId]));
    const documents = await api(server.url, 'GET', `/api/workspaces/${team.workspaceId}/documents`, { token: team.person.token });
    expect(documents.body.documents).toContainEqual(expect.objectContaining({ id: documentId, title: 'Workshop record: Waiting room', template: 'workshop-record' }));

    // The two ideas that got votes are proposed in the record's decision log, by the facilitator.
    const log = await api(server.url, 'GET', `/api/documents/${documentId}/decisions`, { token: team.clinician.token });
    expect(log.body.decisions.map((d: { title: string }) => d.title)).toEqual(['A quiet corner in the waiting room', 'Text messages before appointments']);
    expect(log.body.entries.every((e: { authorId?: string; author?: { userId: string } }) => (e.author?.userId ?? e.authorId) === team.facilitator.userId)).toBe(true);
    expect(log.body.verification.ok).toBe(true);

    // Ideas count in each author's contributions on the record, private ones included.
    const contributions = await api(server.url, 'GET', `/api/documents/${documentId}/contributions`, { token: team.person.token });
    const ideas = Object.fromEntries(contributions.body.people.map((p: { userId: string; other: { ideas: number } }) => [p.userId, p.other.ideas]));
    expect(ideas).toMatchObject({ [team.person.userId]: 2, [team.clinician.userId]: 2, [team.caregiver.userId]: 1 });

    // The workshop is closed, points at its record, and refuses a second summary.
    const closed = (await state(server, team.person, id)).body;
    expect(closed).toMatchObject({ status: 'closed', summaryDocumentId: documentId });
    expect((await api(server.url, 'POST', `${w}/summary`, { token: team.facilitator.token })).status).toBe(409);
    expect((await api(server.url, 'POST', `${w}/cards`, { token: team.person.token, body: { columnId: closed.columns[0]!.id, text: 'Late' } })).status).toBe(409);
  });

  it('writes the record in the workshop’s language', async () => {
    const id = await createWorkshop(server, team, { language: 'fr', title: 'Salle d’attente' });
    const summary = await command(server, team.facilitator, 'POST', `/api/workshops/${id}/summary`);
    expect(summary.body.decisionIds).toEqual([]);
    const record = await readBack(summary.body.documentId, team.facilitator.token);
    for (const expected of ['Ordre du jour', 'Vote par gommettes (5\u00a0min)', 'Personne n’a publié d’idée', 'Aucune idée n’a reçu de vote.', 'Prochaines étapes']) {
      expect(record.text).toContain(expected);
    }
    const info = await api(server.url, 'GET', `/api/documents/${summary.body.documentId}`, { token: team.facilitator.token });
    expect(info.body.title).toBe('Compte rendu d’atelier\u00a0: Salle d’attente');
  });
});
