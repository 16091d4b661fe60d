import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { api, createOutsider, startTestServer, type TestServer } from './testServer';
import { command, createWorkshop, postCard, readEvents, setupWorkshopTeam, state, type EventReader, type WorkshopTeam } from './workshopHelpers';

let server: TestServer;
let team: WorkshopTeam;
const readers: EventReader[] = [];
beforeAll(async () => {
  server = await startTestServer();
  team = await setupWorkshopTeam(server);
});
afterEach(() => {
  for (const reader of readers.splice(0)) reader.close();
});
afterAll(async () => {
  await server.cleanup();
});

function listen(who: Parameters<typeof readEvents>[1], workshopId: string): EventReader {
  const reader = readEvents(server, who, workshopId);
  readers.push(reader);
  return reader;
}

describe('the workshop live channel', () => {
  it('carries only revisions: hidden ideas and hidden results reach no participant before the reveal', async () => {
    const id = await createWorkshop(server, team);
    const caregiver = listen(team.caregiver, id);
    const clinician = listen(team.clinician, id);
    expect(await caregiver.status).toBe(200);
    const secret = 'Night-time helpline staffed by peers';
    const posted = await command(server, team.person, 'POST', `/api/workshops/${id}/cards`, { columnId: (await state(server, team.person, id)).body.columns[0]!.id, text: secret });
    await Promise.all([caregiver.reached(posted.body.revision), clinician.reached(posted.body.revision)]);

    // Nobody but the author receives the idea: not other participants, not the facilitator, not the projector.
    for (const who of [team.caregiver, team.clinician, team.facilitator, team.viewer]) {
      const seen = await state(server, who, id);
      expect(seen.raw).not.toContain(secret);
      expect(seen.body.hiddenCards).toBe(1);
    }
    expect((await state(server, team.facilitator, id, 'projector')).raw).not.toContain(secret);
    const author = await state(server, team.person, id);
    expect(author.body.cards).toMatchObject([{ text: secret, mine: true, revealed: false }]);

    const reveal = await command(server, team.facilitator, 'POST', `/api/workshops/${id}/reveal`, { what: 'cards' });
    await caregiver.reached(reveal.body.revision);
    const revealed = await state(server, team.caregiver, id);
    expect(revealed.body.cards).toEqual([{ id: posted.body.id, columnId: author.body.columns[0]!.id, text: secret, themeId: null, revealed: true, mine: false }]);
    expect(revealed.raw).not.toContain(team.person.userId);
    expect(revealed.raw).not.toContain('Marie Usager');

    // The clinician's dots: counted in the progress, but no result and no name goes out.
    const vote = await command(server, team.clinician, 'PUT', `/api/workshops/${id}/votes/${posted.body.id}`, { dots: 3 });
    await caregiver.reached(vote.body.revision);
    const during = await state(server, team.caregiver, id);
    expect(during.body.results).toBeNull();
    expect(during.body.you.votes).toEqual({});
    expect(during.body.voting).toEqual({ dots: 3, voters: 1 });
    expect(during.raw).not.toContain(team.clinician.userId);
    expect(during.raw).not.toContain('"total"');

    // Everything the channel carried is a bare notice, before and after the reveal.
    expect(caregiver.raw()).not.toContain(secret);
    for (const e of [...caregiver.events(), ...clinician.events()]) expect(e.workshopId).toBe(id);
    expect(caregiver.raw().replace(/event: (ready|change)\ndata: \{"workshopId":"[^"]+","revision":\d+\}\n\n|retry: 3000\n\n|: ping\n\n/g, '')).toBe('');

    const shown = await command(server, team.facilitator, 'POST', `/api/workshops/${id}/reveal`, { what: 'votes' });
    await caregiver.reached(shown.body.revision);
    expect((await state(server, team.caregiver, id)).body.results).toEqual([
      { cardId: posted.body.id, total: 3, byPerspective: { experiential: 0, professional: 3, facilitation: 0 } },
    ]);
  });

  it('brings a step change to every participant', async () => {
    const id = await createWorkshop(server, team);
    const people = [team.person, team.caregiver, team.clinician, team.viewer];
    const streams = people.map((who) => listen(who, id));
    await Promise.all(streams.map((s) => s.status));
    const steps = (await state(server, team.facilitator, id)).body.steps;
    const moved = await command(server, team.facilitator, 'POST', `/api/workshops/${id}/step`, { stepId: steps[1]!.id });
    await Promise.all(streams.map((s) => s.reached(moved.body.revision)));
    for (const who of people) expect((await state(server, who, id)).body.currentStepId).toBe(steps[1]!.id);
  });

  it('delivers notices in order during a burst of ideas, ending at the last revision', async () => {
    const id = await createWorkshop(server, team);
    const stream = listen(team.viewer, id);
    await stream.status;
    const results = await Promise.all([team.person, team.caregiver, team.clinician].flatMap((who) => [1, 2, 3].map((n) => postCard(server, who, id, `Idea ${n}`))));
    expect(results).toHaveLength(9);
    const last = (await state(server, team.viewer, id)).body.revision;
    await stream.reached(last);
    const revisions = stream.events().map((e) => e.revision);
    expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
  });

  it('refuses strangers and signed-out callers, and ends at once for a member who is removed', async () => {
    const id = await createWorkshop(server, team);
    expect(await listen({ token: await createOutsider(server), userId: '' }, id).status).toBe(404);
    const anonymous = await fetch(`${server.url}/api/workshops/${id}/events`);
    expect(anonymous.status).toBe(401);
    const viewer = listen(team.viewer, id);
    expect(await viewer.status).toBe(200);
    const removed = await api(server.url, 'DELETE', `/api/workspaces/${team.workspaceId}/members/${team.viewer.userId}`, { token: team.facilitator.token });
    expect(removed.status).toBeLessThan(300);
    await viewer.ended;
    expect((await state(server, team.viewer, id)).status).toBe(404);
  });
});
