import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api, connectClient, startTestServer, synced, waitFor, type TestClient, type TestServer } from './testServer';
import { command, createWorkshop, postCard, setupWorkshopTeam, state, type WorkshopTeam } from './workshopHelpers';

let server: TestServer;
let team: WorkshopTeam;
const clients: TestClient[] = [];

beforeEach(async () => {
  server = await startTestServer();
  team = await setupWorkshopTeam(server);
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.cleanup();
});

/** Rows about one person in the tables erasure must reach, read straight from the file. */
function rowsAbout(userId: string): Record<string, number> {
  const db = new Database(path.join(server.dataDir, 'ensemble.sqlite'), { readonly: true });
  try {
    const count = (sql: string) => (db.prepare(sql).get(userId) as { n: number }).n;
    return {
      visits: count('SELECT COUNT(*) AS n FROM document_visits WHERE user_id = ?'),
      hands: count('SELECT COUNT(*) AS n FROM workshop_hands WHERE user_id = ?'),
      checkins: count('SELECT COUNT(*) AS n FROM workshop_checkins WHERE user_id = ?'),
      ideas: count('SELECT COUNT(*) AS n FROM workshop_cards WHERE author_id = ?'),
      votes: count('SELECT COUNT(*) AS n FROM workshop_votes WHERE voter_id = ?'),
    };
  } finally {
    db.close();
  }
}

describe('erasure of workshop activity and document visits', () => {
  it('lists them in my data, then keeps ideas and votes under the pseudonym and deletes visits, hands and check-ins', async () => {
    const paul = team.coFacilitator;
    const id = await createWorkshop(server, team, { allowAuthorshipReveal: true });
    const w = `/api/workshops/${id}`;
    const idea = await postCard(server, paul, id, 'Une salle d’attente plus calme');
    await command(server, team.facilitator, 'POST', `${w}/reveal`, { what: 'cards' });
    await command(server, team.facilitator, 'POST', `${w}/reveal`, { what: 'authorship' });
    await command(server, paul, 'PUT', `${w}/votes/${idea}`, { dots: 2 });
    await command(server, paul, 'POST', `${w}/hand`, { raised: true });
    await command(server, paul, 'PUT', `${w}/checkin`, { phase: 'in', mood: 'low', word: 'Fatigué' });
    // Having a document open records the visit ("changed since your last visit").
    const document = await api(server.url, 'POST', `/api/workspaces/${team.workspaceId}/documents`, { token: team.facilitator.token, body: { title: 'Compte rendu' } });
    const client = connectClient(server.wsUrl, document.body.id, paul.token);
    clients.push(client);
    await synced(client);
    client.destroy();
    await waitFor(() => rowsAbout(paul.userId).visits === 1, 'the visit is recorded');

    const data = (await api(server.url, 'GET', '/api/me/data', { token: paul.token })).body;
    expect(data.workshopIdeas).toEqual([expect.objectContaining({ workshopId: id, cardId: idea, role: 'facilitator', text: 'Une salle d’attente plus calme' })]);
    expect(data.workshopVotes).toEqual([{ workshopId: id, cardId: idea, role: 'facilitator', dots: 2 }]);
    expect(data.workshopCheckins).toEqual([expect.objectContaining({ workshopId: id, phase: 'in', mood: 'low', word: 'Fatigué' })]);
    expect(data.documentVisits).toEqual([expect.objectContaining({ documentId: document.body.id })]);
    const html = await fetch(`${server.url}/api/me/data?format=html`, { headers: { authorization: `Bearer ${paul.token}` } }).then((r) => r.text());
    expect(html).toContain('Your workshop ideas');
    expect(html).toContain('Fatigué');
    // Nobody else's activity is in Paul's download.
    await postCard(server, team.person, id, 'Idée de Marie');
    expect(JSON.stringify((await api(server.url, 'GET', '/api/me/data', { token: paul.token })).body)).not.toContain('Idée de Marie');

    const before = await state(server, team.facilitator, id);
    expect(before.raw).toContain('Paul Peer');
    expect(before.body.queue).toHaveLength(1);
    expect(before.body.checkins.in).toMatchObject({ people: 1, words: [{ word: 'fatigué', count: 1 }] });

    const erased = await api(server.url, 'DELETE', '/api/me', { token: paul.token, body: { confirm: true } });
    expect(erased.status).toBe(200);
    const pseudonym = 'Former member 1 — facilitator';
    expect(erased.body.pseudonym).toBe(pseudonym);

    const after = await state(server, team.facilitator, id);
    expect(after.raw).not.toContain('Paul');
    expect(after.raw.toLowerCase()).not.toContain('fatigué');
    const card = after.body.cards.find((c) => c.id === idea);
    expect(card?.text).toBe('Une salle d’attente plus calme');
    expect(JSON.stringify(card)).toContain(pseudonym);
    expect(after.body.queue).toHaveLength(0);
    expect(after.body.checkins.in).toMatchObject({ people: 0, words: [] });
    expect(rowsAbout(paul.userId)).toEqual({ visits: 0, hands: 0, checkins: 0, ideas: 1, votes: 1 });
  });
});
