import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../src/decisions/hashChain';
import { anchorFor, outcome, position, propose, setupTeam, type Team } from './decisionHelpers';
import { api, startTestServer, type TestServer } from './testServer';

let server: TestServer;
let team: Team;

beforeEach(async () => {
  server = await startTestServer();
  team = await setupTeam(server);
});
afterEach(async () => {
  await server.cleanup();
});

describe('proposing a decision', () => {
  it('records the proposal with its information, anchor and participants, attributed from the session', async () => {
    const anchor = anchorFor('Objectif : reprendre le travail à mi-temps.', 'reprendre le travail');
    const created = await api(server.url, 'POST', `/api/documents/${team.owner.documentId}/decisions`, {
      token: team.editor.token,
      body: {
        title: '  Reprise du travail  ',
        proposal: 'Reprise à mi-temps en mars.',
        informationShared: { summary: 'Deux options discutées.', options: [{ title: 'Mi-temps', benefits: 'Progressif', risks: 'Fatigue' }, { title: 'Attendre' }] },
        anchor,
        method: 'consensus',
        engagement: 'partnership',
        participants: [team.owner.userId, team.viewer.userId, team.viewer.userId],
      },
    });
    expect(created.status).toBe(201);
    const d = created.body;
    expect(d).toMatchObject({
      title: 'Reprise du travail',
      method: 'consensus',
      engagement: 'partnership',
      blockAllowed: true,
      status: 'open',
      outcome: null,
      anchor,
      proposedBy: { userId: team.editor.userId, displayName: 'Dr Roy', role: 'clinician', perspective: 'professional' },
      informationShared: { summary: 'Deux options discutées.', options: [{ title: 'Mi-temps', benefits: 'Progressif', risks: 'Fatigue' }, { title: 'Attendre', benefits: '', risks: '' }] },
      positions: { total: 0, counts: { agree: 0, reservations: 0, abstain: 0, disagree: 0, block: 0 }, latest: [] },
      ruleCheck: { met: false, code: 'no-positions', text: 'open; consensus: no positions yet' },
      caller: { canTakePosition: true, canRecordOutcome: false },
    });
    expect(d.participants.map((p: { displayName: string; perspective: string }) => [p.displayName, p.perspective])).toEqual([
      ['Alice Tremblay', 'experiential'],
      ['Gestionnaire', 'professional'],
    ]);
    expect(d.positions.awaiting).toHaveLength(2);
    expect(d.history).toHaveLength(1);
    expect(d.history[0]).toMatchObject({ kind: 'created', seq: 1, prevHash: GENESIS_HASH, correctedBy: [] });
    expect(d.history[0].hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('defaults to consent with no stated engagement, and refuses what it cannot record', async () => {
    const d = await propose(server, team.commenter.token, team.owner.documentId);
    expect(d).toMatchObject({ method: 'consent', engagement: null, participants: [], informationShared: null, anchor: null });
    const bad = async (body: Record<string, unknown>) =>
      api(server.url, 'POST', `/api/documents/${team.owner.documentId}/decisions`, { token: team.owner.token, body: { title: 'T', proposal: 'P', ...body } });
    expect((await bad({ title: '   ' })).body.error.message).toMatch(/Title is required/);
    expect((await bad({ proposal: 'x'.repeat(5001) })).body.error.message).toMatch(/at most 5000/);
    expect((await bad({ method: 'unanimity' })).status).toBe(400);
    expect((await bad({ participants: ['someone-else'] })).body.error.message).toMatch(/someone-else is not a member/);
    expect((await bad({ anchor: { start: '////', end: '////' } })).body.error.message).toMatch(/relative position/);
    expect((await bad({ authorId: team.editor.userId })).body.error.message).toMatch(/Unknown field\(s\): authorId/);
    const viewer = await api(server.url, 'POST', `/api/documents/${team.owner.documentId}/decisions`, { token: team.viewer.token, body: { title: 'T', proposal: 'P' } });
    expect(viewer.status).toBe(403);
  });
});

describe('positions', () => {
  it('requires a reason to disagree or to block', async () => {
    const d = await propose(server, team.owner.token, team.owner.documentId);
    for (const stance of ['disagree', 'block']) {
      const refused = await position(server, team.editor.token, d.id, { stance, reason: '   ' });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toMatch(/^reason: A reason is required/);
    }
    expect((await position(server, team.editor.token, d.id, { stance: 'block', reason: 'Trop tôt après l’opération.' })).status).toBe(201);
    expect((await position(server, team.commenter.token, d.id, { stance: 'agree' })).status).toBe(201);
  });

  it('refuses a block where the method has none', async () => {
    for (const method of ['majority', 'person-decides']) {
      const d = await propose(server, team.owner.token, team.owner.documentId, { method });
      expect(d.blockAllowed).toBe(false);
      const refused = await position(server, team.editor.token, d.id, { stance: 'block', reason: 'Non.' });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toMatch(/has no block/);
      expect((await position(server, team.editor.token, d.id, { stance: 'disagree', reason: 'Non.' })).status).toBe(201);
    }
  });

  it('refuses viewers unless the decision lists them as participants', async () => {
    const without = await propose(server, team.owner.token, team.owner.documentId);
    expect((await api(server.url, 'GET', `/api/decisions/${without.id}`, { token: team.viewer.token })).body.caller.canTakePosition).toBe(false);
    expect((await position(server, team.viewer.token, without.id, { stance: 'agree' })).status).toBe(403);
    const withViewer = await propose(server, team.owner.token, team.owner.documentId, { participants: [team.viewer.userId] });
    const taken = await position(server, team.viewer.token, withViewer.id, { stance: 'abstain' });
    expect(taken.status).toBe(201);
    expect(taken.body.entry).toMatchObject({ kind: 'position', author: { userId: team.viewer.userId, role: 'manager' }, payload: { stance: 'abstain', reason: null } });
    expect(taken.body.decision.positions.awaiting).toEqual([]);
  });

  it('keeps the earlier position in history when someone changes theirs', async () => {
    const d = await propose(server, team.owner.token, team.owner.documentId);
    await position(server, team.editor.token, d.id, { stance: 'agree' });
    await position(server, team.commenter.token, d.id, { stance: 'reservations', reason: 'Prévoir un bilan.' });
    const changed = await position(server, team.editor.token, d.id, { stance: 'disagree', reason: 'Les examens ne sont pas revenus.' });
    expect(changed.status).toBe(201);
    const decision = changed.body.decision;
    expect(decision.positions.counts).toEqual({ agree: 0, reservations: 1, abstain: 0, disagree: 1, block: 0 });
    expect(decision.positions.latest.map((p: any) => [p.person.displayName, p.stance, p.earlierPositions])).toEqual([
      ['Dr Roy', 'disagree', 1],
      ['Jean', 'reservations', 0],
    ]);
    expect(decision.history.filter((e: any) => e.kind === 'position').map((e: any) => e.payload.stance)).toEqual(['agree', 'reservations', 'disagree']);
    // Every position taken counts in the person's contribution record.
    const contributions = await api(server.url, 'GET', `/api/documents/${team.owner.documentId}/contributions`, { token: team.owner.token });
    const positions = Object.fromEntries(contributions.body.people.map((p: any) => [p.displayName, p.other.positions]));
    expect(positions).toMatchObject({ 'Dr Roy': 2, Jean: 1 });
  });
});

describe('outcome and corrections', () => {
  it('lets only owners and facilitators record the outcome, once, naming whether the rule was met', async () => {
    const d = await propose(server, team.commenter.token, team.owner.documentId);
    await position(server, team.owner.token, d.id, { stance: 'agree' });
    await position(server, team.editor.token, d.id, { stance: 'reservations', reason: 'Suivi mensuel.' });
    await position(server, team.commenter.token, d.id, { stance: 'reservations' });
    const body = { status: 'adopted', outcome: 'Reprise à mi-temps le 3 mars.', reviewDate: '2026-06-01', minorityView: 'Jean craint la fatigue.' };
    expect((await outcome(server, team.editor.token, d.id, body)).status).toBe(403);
    expect((await outcome(server, team.commenter.token, d.id, body)).status).toBe(403);
    expect((await outcome(server, team.facilitator.token, d.id, { ...body, reviewDate: '2026-02-30' })).status).toBe(400);
    const recorded = await outcome(server, team.facilitator.token, d.id, body);
    expect(recorded.status).toBe(201);
    expect(recorded.body.decision).toMatchObject({
      status: 'adopted',
      outcome: { status: 'adopted', reviewDate: '2026-06-01', minorityView: 'Jean craint la fatigue.', recordedBy: { displayName: 'Animatrice', perspective: 'facilitation' } },
      ruleCheck: { method: 'consent', met: true, consistent: true, text: 'adopted by consent, no block; two reservations' },
      caller: { canTakePosition: false, canRecordOutcome: false },
    });
    expect((await outcome(server, team.owner.token, d.id, body)).status).toBe(409);
    const late = await position(server, team.editor.token, d.id, { stance: 'agree' });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/closed \(adopted\)/);
  });

  it('adds corrections as new entries, by the author of the corrected entry or an owner', async () => {
    const d = await propose(server, team.owner.token, team.owner.documentId);
    const taken = await position(server, team.editor.token, d.id, { stance: 'disagree', reason: 'Examens en attente' });
    const entryId = taken.body.entry.id as string;
    const correct = (token: string, corrects: string) => api(server.url, 'POST', `/api/decisions/${d.id}/corrections`, { token, body: { corrects, text: 'Je voulais dire : les examens de février.' } });
    expect((await correct(team.commenter.token, entryId)).status).toBe(403);
    expect((await correct(team.editor.token, 'no-such-entry')).status).toBe(404);
    const own = await correct(team.editor.token, entryId);
    expect(own.status).toBe(201);
    expect(own.body.entry).toMatchObject({ kind: 'correction', payload: { corrects: entryId }, author: { userId: team.editor.userId } });
    expect((await correct(team.owner.token, entryId)).status).toBe(201);
    const history = (await api(server.url, 'GET', `/api/decisions/${d.id}`, { token: team.viewer.token })).body.history;
    expect(history.find((e: any) => e.id === entryId)).toMatchObject({ payload: { reason: 'Examens en attente' }, correctedBy: [own.body.entry.id, expect.any(String)] });
    expect(history).toHaveLength(4);
  });
});

describe('access', () => {
  it('answers 404 to non-members on every decision route, exactly as for unknown ids', async () => {
    const d = await propose(server, team.owner.token, team.owner.documentId);
    const doc = team.owner.documentId;
    const routes: Array<[string, string, unknown?]> = [
      ['GET', `/api/documents/${doc}/decisions`],
      ['POST', `/api/documents/${doc}/decisions`, { title: 'T', proposal: 'P' }],
      ['GET', `/api/documents/${doc}/decisions/verify`],
      ['GET', `/api/documents/${doc}/decisions/export?format=csv`],
      ['GET', `/api/decisions/${d.id}`],
      ['POST', `/api/decisions/${d.id}/positions`, { stance: 'agree' }],
      ['POST', `/api/decisions/${d.id}/outcome`, { status: 'adopted', outcome: 'O' }],
      ['POST', `/api/decisions/${d.id}/corrections`, { corrects: d.history[0].id, text: 'T' }],
    ];
    for (const [method, route, body] of routes) {
      const outsider = await api(server.url, method, route, { token: team.outsider, body });
      const unknown = await api(server.url, method, route.replace(doc, 'unknown-doc').replace(d.id, 'unknown-decision'), { token: team.outsider, body });
      expect([route, outsider.status]).toEqual([route, 404]);
      expect(outsider.body).toEqual(unknown.body);
      expect((await api(server.url, method, route, { body })).status).toBe(401);
    }
  });
});
