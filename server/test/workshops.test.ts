import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createOutsider, startTestServer, type TestServer } from './testServer';
import { command, createWorkshop, postCard, setupWorkshopTeam, state, type WorkshopTeam } from './workshopHelpers';

let now = Date.parse('2025-03-01T09:00:00Z');
let server: TestServer;
let team: WorkshopTeam;
beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => now } });
  team = await setupWorkshopTeam(server);
});
afterAll(async () => {
  await server.cleanup();
});

/** A workshop with three revealed ideas. */
async function revealedBoard(body: Record<string, unknown> = {}) {
  const id = await createWorkshop(server, team, body);
  const cards = [
    await postCard(server, team.person, id, 'A quiet corner in the waiting room'),
    await postCard(server, team.clinician, id, 'Text messages before appointments'),
    await postCard(server, team.caregiver, id, 'Chairs for family members'),
  ];
  await command(server, team.facilitator, 'POST', `/api/workshops/${id}/reveal`, { what: 'cards' });
  return { id, cards };
}

describe('dot voting', () => {
  it('lets a participant spread N dots freely and refuses the dot beyond N', async () => {
    const { id, cards } = await revealedBoard();
    const vote = (card: string, dots: number, expected = [200]) => command(server, team.person, 'PUT', `/api/workshops/${id}/votes/${card}`, { dots }, expected);
    await vote(cards[0]!, 2);
    await vote(cards[1]!, 1);
    const refused = await vote(cards[2]!, 1, [409]);
    expect(refused.body.error.message).toMatch(/3 dots in all and 0 left/);
    // Taking a dot back frees it for another idea.
    await vote(cards[0]!, 1);
    await vote(cards[2]!, 1);
    const mine = (await state(server, team.person, id)).body.you;
    expect(mine.votesUsed).toBe(3);
    expect(mine.votes).toEqual({ [cards[0]!]: 1, [cards[1]!]: 1, [cards[2]!]: 1 });
  });

  it('keeps the limit under a burst of concurrent votes from one person', async () => {
    const { id, cards } = await revealedBoard({ votesPerPerson: 2 });
    const attempts = await Promise.all(
      Array.from({ length: 12 }, (_, i) => api(server.url, 'PUT', `/api/workshops/${id}/votes/${cards[i % 3]}`, { token: team.clinician.token, body: { dots: 1 + (i % 2) } })),
    );
    expect(attempts.every((a) => a.status === 200 || a.status === 409)).toBe(true);
    const mine = (await state(server, team.clinician, id)).body.you;
    expect(mine.votesUsed).toBeLessThanOrEqual(2);
    expect(Object.values(mine.votes).reduce((a, b) => a + b, 0)).toBe(mine.votesUsed);
  });

  it('refuses votes on private ideas, from viewers, and after the results are shown', async () => {
    const { id, cards } = await revealedBoard();
    const hidden = await postCard(server, team.clinician, id, 'Still private');
    expect((await api(server.url, 'PUT', `/api/workshops/${id}/votes/${hidden}`, { token: team.person.token, body: { dots: 1 } })).status).toBe(404);
    expect((await api(server.url, 'PUT', `/api/workshops/${id}/votes/${cards[0]}`, { token: team.viewer.token, body: { dots: 1 } })).status).toBe(403);
    await command(server, team.facilitator, 'POST', `/api/workshops/${id}/reveal`, { what: 'votes' });
    const late = await api(server.url, 'PUT', `/api/workshops/${id}/votes/${cards[0]}`, { token: team.person.token, body: { dots: 1 } });
    expect(late.status).toBe(409);
  });

  it('shows results by perspective only once revealed', async () => {
    const { id, cards } = await revealedBoard();
    await command(server, team.person, 'PUT', `/api/workshops/${id}/votes/${cards[0]}`, { dots: 2 });
    await command(server, team.caregiver, 'PUT', `/api/workshops/${id}/votes/${cards[0]}`, { dots: 1 });
    await command(server, team.clinician, 'PUT', `/api/workshops/${id}/votes/${cards[1]}`, { dots: 3 });
    const before = await state(server, team.facilitator, id);
    expect(before.body.results).toBeNull();
    expect(before.body.voting).toEqual({ dots: 6, voters: 3 });
    await command(server, team.facilitator, 'POST', `/api/workshops/${id}/reveal`, { what: 'votes' });
    const after = (await state(server, team.person, id)).body.results;
    expect(after).toEqual([
      { cardId: cards[0], total: 3, byPerspective: { experiential: 3, professional: 0, facilitation: 0 } },
      { cardId: cards[1], total: 3, byPerspective: { experiential: 0, professional: 3, facilitation: 0 } },
    ]);
  });
});

describe('authorship', () => {
  it('cannot be revealed in a workshop set up to keep ideas anonymous', async () => {
    const { id } = await revealedBoard();
    const refused = await api(server.url, 'POST', `/api/workshops/${id}/reveal`, { token: team.facilitator.token, body: { what: 'authorship' } });
    expect(refused.status).toBe(403);
    expect((await state(server, team.person, id)).raw).not.toContain('Dr Kim');
  });

  it('is revealed by a facilitator only, and only where the workshop allows it', async () => {
    const { id } = await revealedBoard({ allowAuthorshipReveal: true });
    const before = await state(server, team.person, id);
    expect(before.body.cards.every((c) => c.author === undefined)).toBe(true);
    expect(before.raw).not.toContain(team.clinician.userId);
    expect((await api(server.url, 'POST', `/api/workshops/${id}/reveal`, { token: team.person.token, body: { what: 'authorship' } })).status).toBe(403);
    await command(server, team.coFacilitator, 'POST', `/api/workshops/${id}/reveal`, { what: 'authorship' }, [403]);
    await command(server, team.facilitator, 'POST', `/api/workshops/${id}/reveal`, { what: 'authorship' });
    const after = await state(server, team.person, id);
    expect(after.body.cards.map((c) => c.author?.displayName).sort()).toEqual(['Chloé Proche', 'Dr Kim', 'Marie Usager']);
    // The projector never shows names.
    expect((await state(server, team.facilitator, id, 'projector')).raw).not.toMatch(/Dr Kim|Marie Usager|Chloé Proche|Fatima/);
  });
});

describe('access and controls', () => {
  it('answers 404 to non-members and 403 to participants using facilitator controls', async () => {
    const id = await createWorkshop(server, team);
    const outsider = { token: await createOutsider(server), userId: '' };
    expect((await state(server, outsider, id)).status).toBe(404);
    expect((await api(server.url, 'POST', `/api/workshops/${id}/cards`, { token: outsider.token, body: { columnId: 'x', text: 'hi' } })).status).toBe(404);
    const first = (await state(server, team.person, id)).body;
    const step = await api(server.url, 'POST', `/api/workshops/${id}/step`, { token: team.person.token, body: { stepId: first.steps[1]!.id } });
    expect(step.status).toBe(403);
    expect((await api(server.url, 'POST', `/api/workspaces/${team.workspaceId}/workshops`, { token: team.person.token, body: { title: 'Mine' } })).status).toBe(403);
  });

  it('gives equal controls to a named co-facilitator', async () => {
    const id = await createWorkshop(server, team, { coFacilitatorId: team.coFacilitator.userId });
    const s = (await state(server, team.coFacilitator, id)).body;
    expect(s.you.facilitating).toBe(true);
    await command(server, team.coFacilitator, 'POST', `/api/workshops/${id}/step`, { stepId: s.steps[2]!.id });
    expect((await state(server, team.person, id)).body.currentStepId).toBe(s.steps[2]!.id);
  });

  it('runs the countdown from a stored deadline: start, pause, extend, resume', async () => {
    const id = await createWorkshop(server, team);
    const timer = (body: unknown) => command(server, team.facilitator, 'POST', `/api/workshops/${id}/timer`, body);
    await timer({ action: 'start', minutes: 5 });
    now += 60_000;
    expect((await state(server, team.person, id)).body.timer).toEqual({ state: 'running', remainingMs: 240_000, durationMs: 300_000 });
    await timer({ action: 'pause' });
    now += 120_000;
    await timer({ action: 'extend', minutes: 2 });
    expect((await state(server, team.person, id)).body.timer).toMatchObject({ state: 'paused', remainingMs: 360_000 });
    await timer({ action: 'resume' });
    now += 400_000;
    expect((await state(server, team.person, id)).body.timer).toMatchObject({ state: 'done', remainingMs: 0 });
  });

  it('lets participants group revealed ideas only during a grouping step', async () => {
    const { id, cards } = await revealedBoard();
    const s = (await state(server, team.person, id)).body;
    expect(s.you.canGroup).toBe(false);
    expect((await api(server.url, 'POST', `/api/workshops/${id}/themes`, { token: team.person.token, body: { name: 'Comfort' } })).status).toBe(403);
    await command(server, team.facilitator, 'POST', `/api/workshops/${id}/step`, { stepId: s.steps.find((x) => x.kind === 'grouping')!.id });
    const theme = await command(server, team.person, 'POST', `/api/workshops/${id}/themes`, { name: 'Comfort' });
    await command(server, team.person, 'PUT', `/api/workshops/${id}/cards/${cards[2]}/theme`, { themeId: theme.body.id });
    const after = (await state(server, team.clinician, id)).body;
    expect(after.cards.find((c) => c.id === cards[2])?.themeId).toBe(theme.body.id);
    expect(after.themes).toEqual([{ id: theme.body.id, name: 'Comfort' }]);
  });
});
