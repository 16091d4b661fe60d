import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../shared/src/index';
import { closeCode, firstText, mark, openClient, plain, storedText, writeParagraph } from './coDraftingHelpers';
import { setupTeam, type Team } from './decisionHelpers';
import { api, startTestServer, waitFor, type TestClient, type TestServer } from './testServer';

let server: TestServer;
let team: Team;
let doc: string;
const clients: TestClient[] = [];
const TEXT = 'Le comité se réunit chaque mois.';

beforeEach(async () => {
  server = await startTestServer();
  team = await setupTeam(server);
  doc = team.owner.documentId;
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.cleanup();
});

const lastLogged = async () => (await server.store.readUpdates(doc, 1)).at(-1);

/** An editor with one paragraph, the commenter Jean and the owner, all synced. */
async function drafting() {
  const editor = await openClient(server, doc, team.editor.token, clients);
  await writeParagraph(server, editor, doc, TEXT);
  const jean = await openClient(server, doc, team.commenter.token, clients);
  const owner = await openClient(server, doc, team.owner.token, clients);
  await waitFor(() => plain(jean) === TEXT && plain(owner) === TEXT, 'everyone has the paragraph');
  return { editor, jean, owner };
}

describe('suggestion mode', () => {
  it('refuses a commenter’s plain edit with 4422, stores nothing, and others carry on', async () => {
    const { editor, jean, owner } = await drafting();
    const seq = await server.store.latestSeq(doc);
    const closed = closeCode(jean);
    firstText(jean).insert(3, 'nouveau ');
    expect(await closed).toBe(CLOSE_CODES.suggestionRefused);
    expect(await server.store.latestSeq(doc)).toBe(seq);
    expect(await storedText(server, doc)).toBe(TEXT);
    firstText(editor).insert(TEXT.length, ' Ou plus.');
    await waitFor(() => plain(owner) === `${TEXT} Ou plus.`, 'the room still relays');
    expect(plain(owner)).not.toContain('nouveau');
  });

  it('relays a commenter’s suggested insertion and deletion, attributed to them, and lists them', async () => {
    const { jean, owner } = await drafting();
    const text = firstText(jean);
    text.insert(TEXT.length - 1, ' ou sur demande', { suggestion: mark(team.commenter.userId, 'insert', 's-ins') });
    text.format(3, 6, { suggestion: mark(team.commenter.userId, 'delete', 's-del') });
    await waitFor(() => firstText(owner).toDelta().length === 5, 'the suggestions reach the owner');
    expect(firstText(owner).toDelta()).toEqual([
      { insert: 'Le ' },
      { insert: 'comité', attributes: { suggestion: mark(team.commenter.userId, 'delete', 's-del') } },
      { insert: ' se réunit chaque mois' },
      { insert: ' ou sur demande', attributes: { suggestion: mark(team.commenter.userId, 'insert', 's-ins') } },
      { insert: '.' },
    ]);
    expect((await lastLogged())?.memberId).toBe(team.commenter.userId);
    const listed = await api(server.url, 'GET', `/api/documents/${doc}/suggestions`, { token: team.viewer.token });
    expect(listed.body.suggestions).toEqual([
      { id: 's-del', kind: 'delete', text: 'comité', at: '2026-02-01T10:00:00.000Z', author: { userId: team.commenter.userId, displayName: 'Jean', role: 'caregiver', perspective: 'experiential' } },
      { id: 's-ins', kind: 'insert', text: ' ou sur demande', at: '2026-02-01T10:00:00.000Z', author: expect.objectContaining({ displayName: 'Jean' }) },
    ]);
  });

  it('refuses a suggestion signed with someone else’s name', async () => {
    const { jean } = await drafting();
    const closed = closeCode(jean);
    firstText(jean).insert(0, 'Dr Roy dit : ', { suggestion: mark(team.editor.userId, 'insert', 'forged') });
    expect(await closed).toBe(CLOSE_CODES.suggestionRefused);
    expect(await storedText(server, doc)).toBe(TEXT);
  });

  it('accepts and rejects through the API as changes attributed to the editor, converging everywhere', async () => {
    const { editor, jean, owner } = await drafting();
    const text = firstText(jean);
    text.insert(TEXT.length - 1, ' ou sur demande', { suggestion: mark(team.commenter.userId, 'insert', 's-ins') });
    text.format(3, 6, { suggestion: mark(team.commenter.userId, 'delete', 's-del') });
    text.insert(0, 'Désormais, ', { suggestion: mark(team.commenter.userId, 'insert', 's-two') });
    await waitFor(() => firstText(editor).toDelta().length === 6, 'the editor sees three suggestions');
    const decide = (token: string, id: string, action: string) => api(server.url, 'POST', `/api/documents/${doc}/suggestions/${id}/${action}`, { token });

    expect((await decide(team.commenter.token, 's-ins', 'accept')).status).toBe(403);
    expect((await decide(team.viewer.token, 's-ins', 'accept')).status).toBe(403);
    expect((await decide(team.editor.token, 'nope', 'accept')).status).toBe(404);
    const accepted = await decide(team.editor.token, 's-ins', 'accept');
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ suggestionId: 's-ins', action: 'accept', kind: 'insert' });
    expect(await lastLogged()).toMatchObject({ seq: accepted.body.seq, memberId: team.editor.userId });
    expect((await decide(team.editor.token, 's-ins', 'accept')).status).toBe(404);
    const deletion = await decide(team.owner.token, 's-del', 'accept');
    expect(await lastLogged()).toMatchObject({ seq: deletion.body.seq, memberId: team.owner.userId });
    await decide(team.editor.token, 's-two', 'reject');

    const expected = 'Le  se réunit chaque mois ou sur demande.';
    await waitFor(() => [editor, jean, owner].every((c) => plain(c) === expected), 'all clients converge');
    for (const c of [editor, jean, owner]) expect(firstText(c).toDelta()).toEqual([{ insert: expected }]);
    expect(await storedText(server, doc)).toBe(expected);
    expect((await api(server.url, 'GET', `/api/documents/${doc}/suggestions`, { token: team.owner.token })).body.suggestions).toEqual([]);
    // The accepted text now belongs to the document: its author can no longer take it back.
    const closed = closeCode(jean);
    firstText(jean).delete(expected.indexOf(' ou sur'), 3);
    expect(await closed).toBe(CLOSE_CODES.suggestionRefused);
  });
});
