import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { comment, firstText, mark, openClient, writeParagraph } from './coDraftingHelpers';
import { setupTeam, type Team } from './decisionHelpers';
import { api, startTestServer, waitFor, type TestClient, type TestServer } from './testServer';

let server: TestServer;
let team: Team;
let doc: string;
const clients: TestClient[] = [];

beforeEach(async () => {
  server = await startTestServer();
  team = await setupTeam(server);
  doc = team.owner.documentId;
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.cleanup();
});

const rounds = `/api/documents/:doc/review-rounds`;
const route = (path: string) => path.replace(':doc', doc);
const openRound = (token: string, body: Record<string, unknown>) => api(server.url, 'POST', route(rounds), { token, body });
const notifications = async (token: string) => (await api(server.url, 'GET', '/api/me/notifications', { token })).body;

describe('review rounds', () => {
  it('opens a round, links comments to it, follows progress, and keeps its suggestions when closed', async () => {
    const body = { title: 'Relecture de la politique', reviewers: [team.commenter.userId, team.facilitator.userId], dueDate: '2026-03-15', questions: ['Le ton est-il juste ?'] };
    expect((await openRound(team.editor.token, body)).status).toBe(403);
    expect((await openRound(team.owner.token, { ...body, reviewers: ['stranger'] })).body.error.message).toMatch(/stranger is not a member/);
    expect((await openRound(team.owner.token, { ...body, dueDate: '2026-02-30' })).status).toBe(400);
    const opened = await openRound(team.owner.token, body);
    expect(opened.status).toBe(201);
    const id = opened.body.id as string;
    expect(opened.body).toMatchObject({ status: 'open', dueDate: '2026-03-15', questions: ['Le ton est-il juste ?'], progress: { done: 0, total: 2 }, suggestionsAtClose: null, caller: { isReviewer: false, canClose: true } });

    const during = (await comment(server, team.commenter.token, doc, { body: 'Le ton me semble froid.' })).body;
    expect(during.roundId).toBe(id);
    const done = (token: string, note?: string) => api(server.url, 'POST', `${route(rounds)}/${id}/done`, { token, body: note ? { note } : {} });
    expect((await done(team.editor.token)).status).toBe(403);
    const marked = await done(team.commenter.token, 'Relu, deux remarques.');
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ progress: { done: 1, total: 2 }, commentCount: 1, caller: { isReviewer: true, done: true, canClose: false } });
    expect(marked.body.reviewers.map((r: { person: { displayName: string }; done: boolean; note: string | null }) => [r.person.displayName, r.done, r.note])).toEqual([
      ['Jean', true, 'Relu, deux remarques.'],
      ['Animatrice', false, null],
    ]);
    expect((await done(team.commenter.token)).status).toBe(409);

    // An editor in suggestion mode leaves one open suggestion; closing the round records it.
    const editor = await openClient(server, doc, team.editor.token, clients);
    await writeParagraph(server, editor, doc, 'Les usagers sont consultés.');
    firstText(editor).insert(4, 'partenaires ', { suggestion: mark(team.editor.userId, 'insert', 'sug-1') });
    await waitFor(async () => (await api(server.url, 'GET', `/api/documents/${doc}/suggestions`, { token: team.owner.token })).body.suggestions.length === 1, 'suggestion stored');
    const close = (token: string) => api(server.url, 'POST', `${route(rounds)}/${id}/close`, { token, body: { summary: 'Merci à tous.' } });
    expect((await close(team.commenter.token)).status).toBe(403);
    const closed = await close(team.owner.token);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', summary: 'Merci à tous.', closedBy: { displayName: 'Alice Tremblay' }, caller: { canClose: false } });
    expect(closed.body.suggestionsAtClose).toEqual([expect.objectContaining({ id: 'sug-1', kind: 'insert', text: 'partenaires ', author: expect.objectContaining({ displayName: 'Dr Roy' }) })]);
    expect((await close(team.owner.token)).status).toBe(409);
    expect((await done(team.facilitator.token)).status).toBe(409);
    expect((await comment(server, team.commenter.token, doc, { body: 'Après coup.' })).body.roundId).toBeNull();
    const listed = (await api(server.url, 'GET', route(rounds), { token: team.viewer.token })).body.rounds;
    expect(listed.map((r: { id: string; status: string; commentCount: number }) => [r.id, r.status, r.commentCount])).toEqual([[id, 'closed', 1]]);
    expect((await api(server.url, 'GET', `${route(rounds)}/${id}?x=1`, { token: team.viewer.token })).body.progress).toEqual({ done: 1, total: 2 });
    const comments = (await api(server.url, 'GET', `/api/documents/${doc}/comments?roundId=${id}`, { token: team.viewer.token })).body;
    expect(comments.threads.map((t: { id: string }) => t.id)).toEqual([during.id]);
  });
});

describe('notifications', () => {
  it('lists mentions, reviews asked of me and documents changed since my last visit', async () => {
    const round = (await openRound(team.owner.token, { title: 'Relecture', reviewers: [team.commenter.userId] })).body;
    await comment(server, team.editor.token, doc, { body: 'Jean, qu’en pensez-vous ?', mentions: [team.commenter.userId] });
    const jean = await notifications(team.commenter.token);
    expect(jean.reviews).toEqual([expect.objectContaining({ roundId: round.id, documentId: doc, documentTitle: 'Mon projet de vie', title: 'Relecture', openedBy: expect.objectContaining({ displayName: 'Alice Tremblay' }) })]);
    expect(jean.mentions).toEqual([expect.objectContaining({ documentId: doc, excerpt: 'Jean, qu’en pensez-vous ?', unseen: true, by: expect.objectContaining({ displayName: 'Dr Roy' }) })]);
    await api(server.url, 'POST', `/api/documents/${doc}/review-rounds/${round.id}/done`, { token: team.commenter.token, body: {} });
    expect((await notifications(team.commenter.token)).reviews).toEqual([]);

    // Alice visits, leaves; Dr Roy edits; the change shows until Alice opens the document again.
    const visit = await openClient(server, doc, team.owner.token, clients);
    visit.destroy();
    await waitFor(async () => (await notifications(team.owner.token)).changed.length === 0, 'visit recorded');
    const editor = await openClient(server, doc, team.editor.token, clients);
    await writeParagraph(server, editor, doc, 'Nouveau paragraphe.');
    const changed = (await notifications(team.owner.token)).changed;
    expect(changed).toEqual([expect.objectContaining({ documentId: doc, updates: 1, by: [expect.objectContaining({ displayName: 'Dr Roy' })] })]);
    expect(changed[0].lastVisitAt).not.toBeNull();
    expect((await notifications(team.editor.token)).changed).toEqual([]);
    await openClient(server, doc, team.owner.token, clients);
    await waitFor(async () => (await notifications(team.owner.token)).changed.length === 0, 'seen again');
    expect((await notifications(team.outsider)).changed).toEqual([]);
  });
});

describe('access', () => {
  it('answers 404 to non-members on every route, exactly as for unknown ids, and 401 without a session', async () => {
    const round = (await openRound(team.owner.token, { title: 'R', reviewers: [team.commenter.userId] })).body;
    const c = (await comment(server, team.commenter.token, doc, { body: 'Un avis' })).body;
    const routes: Array<[string, string, unknown?]> = [
      ['GET', `/api/documents/${doc}/comments`],
      ['POST', `/api/documents/${doc}/comments`, { body: 'x' }],
      ['PATCH', `/api/comments/${c.id}`, { body: 'x' }],
      ['POST', `/api/comments/${c.id}/resolve`],
      ['POST', `/api/comments/${c.id}/reopen`],
      ['GET', `/api/documents/${doc}/suggestions`],
      ['POST', `/api/documents/${doc}/suggestions/s1/accept`],
      ['POST', `/api/documents/${doc}/suggestions/s1/reject`],
      ['GET', `/api/documents/${doc}/review-rounds`],
      ['POST', `/api/documents/${doc}/review-rounds`, { title: 'T', reviewers: [team.commenter.userId] }],
      ['GET', `/api/documents/${doc}/review-rounds/${round.id}`],
      ['POST', `/api/documents/${doc}/review-rounds/${round.id}/done`, {}],
      ['POST', `/api/documents/${doc}/review-rounds/${round.id}/close`, {}],
    ];
    for (const [method, path, body] of routes) {
      const outsider = await api(server.url, method, path, { token: team.outsider, body });
      const unknown = await api(server.url, method, path.replace(doc, 'unknown-doc').replace(c.id, 'unknown-comment'), { token: team.outsider, body });
      expect([path, outsider.status]).toEqual([path, 404]);
      expect(outsider.body).toEqual(unknown.body);
      expect((await api(server.url, method, path, { body })).status).toBe(401);
    }
    expect((await api(server.url, 'GET', '/api/me/notifications')).status).toBe(401);
  });
});
