import * as decoding from 'lib0/decoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MESSAGE_TYPES, RecordEventSchema, type RecordEvent } from '../../shared/src/index';
import { anchorIn, comment, firstText, openClient, resolveAnchor, writeParagraph } from './coDraftingHelpers';
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

const list = async (token: string, query = '') => (await api(server.url, 'GET', `/api/documents/${doc}/comments${query}`, { token })).body;

describe('comments', () => {
  it('anchors a thread to a passage that survives concurrent edits before it', async () => {
    const editor = await openClient(server, doc, team.editor.token, clients);
    await writeParagraph(server, editor, doc, 'Objectif : reprendre le travail à mi-temps.');
    const jean = await openClient(server, doc, team.commenter.token, clients);
    await waitFor(() => jean.doc.getXmlFragment('default').length === 1, 'commenter has the paragraph');
    const anchor = anchorIn(firstText(jean), 'reprendre le travail');
    const created = await comment(server, team.commenter.token, doc, { body: 'Et si on commençait par deux jours ?', anchor });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ threadId: created.body.id, parentId: null, author: { userId: team.commenter.userId, role: 'caregiver', perspective: 'experiential' }, roundId: null });

    // Two people type before the passage at the same time; a third client resolves the anchor.
    const owner = await openClient(server, doc, team.owner.token, clients);
    firstText(owner).insert(0, 'Marie : ');
    firstText(editor).insert(0, 'Révisé. ');
    const late = await openClient(server, doc, team.viewer.token, clients);
    await waitFor(() => [owner, editor, late].every((c) => firstText(c).length === 'Marie : Révisé. Objectif : reprendre le travail à mi-temps.'.length), 'edits converge');
    const thread = (await list(team.viewer.token)).threads[0];
    expect(thread.anchor).toEqual(anchor);
    expect(resolveAnchor(late.doc, thread.anchor)).toBe('reprendre le travail');
  });

  it('threads replies, validates mentions, and keeps resolved threads and earlier bodies in history', async () => {
    const root = (await comment(server, team.commenter.token, doc, { body: 'Premier avis', mentions: [team.editor.userId, team.editor.userId] })).body;
    expect(root.mentions.map((m: { displayName: string }) => m.displayName)).toEqual(['Dr Roy']);
    const reply = await comment(server, team.editor.token, doc, { body: 'Bonne idée', parentId: root.id });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ threadId: root.id, parentId: root.id });
    expect((await comment(server, team.editor.token, doc, { body: 'x', mentions: ['stranger'] })).body.error.message).toMatch(/stranger is not a member/);
    expect((await comment(server, team.editor.token, doc, { body: 'x', parentId: 'nope' })).status).toBe(404);
    expect((await comment(server, team.editor.token, doc, { body: '   ' })).status).toBe(400);
    expect((await comment(server, team.editor.token, doc, { body: 'x', authorId: team.owner.userId })).body.error.message).toMatch(/Unknown field/);

    // Edit own body only; the previous body stays.
    const edit = (token: string, id: string) => api(server.url, 'PATCH', `/api/comments/${id}`, { token, body: { body: 'Premier avis, précisé' } });
    expect((await edit(team.owner.token, root.id)).status).toBe(403);
    const edited = await edit(team.commenter.token, root.id);
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ body: 'Premier avis, précisé', edits: [{ body: 'Premier avis' }] });
    expect(edited.body.editedAt).not.toBeNull();

    // Resolve through a reply's id (it stands for its thread), then reopen; history keeps both.
    const resolve = (token: string, id: string) => api(server.url, 'POST', `/api/comments/${id}/resolve`, { token });
    expect((await resolve(team.facilitator.token, root.id)).status).toBe(403);
    const resolved = await resolve(team.editor.token, reply.body.id);
    expect(resolved.status).toBe(200);
    expect(resolved.body.status).toBe('resolved');
    expect((await resolve(team.editor.token, root.id)).status).toBe(409);
    expect((await comment(server, team.owner.token, doc, { body: 'Encore ?', parentId: root.id })).status).toBe(409);
    const after = await list(team.viewer.token);
    expect(after.counts).toEqual({ open: 0, resolved: 1 });
    expect(after.threads[0].comments.map((c: { body: string }) => c.body)).toEqual(['Premier avis, précisé', 'Bonne idée']);
    const reopened = await api(server.url, 'POST', `/api/comments/${root.id}/reopen`, { token: team.commenter.token });
    expect(reopened.body.status).toBe('open');
    expect(reopened.body.statusHistory.map((s: { status: string; by: { displayName: string } }) => [s.status, s.by.displayName])).toEqual([
      ['resolved', 'Dr Roy'],
      ['open', 'Jean'],
    ]);
  });

  it('filters by status, mine and perspective', async () => {
    const a = (await comment(server, team.commenter.token, doc, { body: 'Vécu' })).body;
    await comment(server, team.editor.token, doc, { body: 'Clinique', mentions: [team.facilitator.userId] });
    await comment(server, team.facilitator.token, doc, { body: 'Animation' });
    await api(server.url, 'POST', `/api/comments/${a.id}/resolve`, { token: team.commenter.token });
    const bodies = async (token: string, query: string) =>
      (await list(token, query)).threads.map((t: { comments: Array<{ body: string }> }) => t.comments[0]?.body);
    expect(await bodies(team.owner.token, '?status=open')).toEqual(['Clinique', 'Animation']);
    expect(await bodies(team.owner.token, '?status=resolved')).toEqual(['Vécu']);
    expect(await bodies(team.facilitator.token, '?mine=1')).toEqual(['Clinique', 'Animation']);
    expect(await bodies(team.owner.token, '?perspective=experiential')).toEqual(['Vécu']);
    expect(await bodies(team.owner.token, '?perspective=professional&status=open')).toEqual(['Clinique']);
    expect((await api(server.url, 'GET', `/api/documents/${doc}/comments?status=closed`, { token: team.owner.token })).status).toBe(400);
  });

  it('refuses viewers, lets them read, and counts comments in contributions', async () => {
    await comment(server, team.commenter.token, doc, { body: 'Un' });
    await comment(server, team.commenter.token, doc, { body: 'Deux' });
    await comment(server, team.owner.token, doc, { body: 'Trois' });
    const refused = await comment(server, team.viewer.token, doc, { body: 'Je peux ?' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/Viewers can read comments/);
    expect((await list(team.viewer.token)).threads).toHaveLength(3);
    const contributions = (await api(server.url, 'GET', `/api/documents/${doc}/contributions`, { token: team.viewer.token })).body;
    const other = (id: string) => contributions.people.find((p: { userId: string }) => p.userId === id)?.other.comments;
    expect([other(team.commenter.userId), other(team.owner.userId)]).toEqual([2, 1]);
    const experiential = contributions.perspectives.find((p: { perspective: string }) => p.perspective === 'experiential');
    expect(experiential.other.comments).toBe(3);
  });

  it('pushes a live notice to Ensemble clients of the document', async () => {
    const watcher = await openClient(server, doc, team.viewer.token, clients, { client: 'ensemble' });
    const notices: RecordEvent[] = [];
    watcher.provider.messageHandlers[MESSAGE_TYPES.record] = (_e, decoder) => {
      notices.push(RecordEventSchema.parse(JSON.parse(decoding.readVarString(decoder))));
    };
    watcher.provider.messageHandlers[MESSAGE_TYPES.saved] = () => {};
    const created = (await comment(server, team.commenter.token, doc, { body: 'Bonjour' })).body;
    await waitFor(() => notices.length === 1, 'comment notice');
    expect(notices[0]).toEqual({ kind: 'comments', documentId: doc, id: created.id });
  });
});
