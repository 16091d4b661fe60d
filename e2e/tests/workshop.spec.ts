import type { APIRequestContext, Page } from '@playwright/test';
import { ACCOUNT, expect, expectNoAxeViolations, setUpAccount, test, type Actor } from '../fixtures/test';

/** Cookie-authenticated writes carry the app's Origin (the CSRF rule). */
const origin = (baseURL: string) => ({ Origin: new URL(baseURL).origin });

/** The owner invites someone through the API; they accept in their own browser context (which gets the cookie). */
async function join(owner: APIRequestContext, person: APIRequestContext, baseURL: string, workspaceId: string, role: string, permission: string, displayName: string) {
  const invitation = await owner.post(`/api/workspaces/${workspaceId}/invitations`, { data: { role, permission }, headers: origin(baseURL) });
  expect(invitation.status(), await invitation.text()).toBe(201);
  const { token } = (await invitation.json()) as { token: string };
  const accepted = await person.post(`/api/invitations/${token}/accept`, { data: { displayName }, headers: origin(baseURL) });
  expect(accepted.status(), await accepted.text()).toBe(201);
}

const IDEAS = {
  bob: 'A quiet corner in the waiting room',
  carol: 'Text messages before appointments',
  dave: 'Chairs for family members',
} as const;

/** The step the group is at, as a participant's screen says it. */
const groupStep = (page: Page) => page.locator('.group-now__step');

test('a facilitator and three participants go through ideas, reveal, voting and summary', async ({ alice, bob, carol, browser, baseURL }) => {
  test.setTimeout(150_000);
  const url = baseURL!;
  // Dave takes part from a phone-sized screen.
  const daveContext = await browser.newContext({ baseURL: url, locale: 'en-US', viewport: { width: 390, height: 844 } });
  const dave: Actor = { name: 'dave', context: daveContext, page: await daveContext.newPage() };
  try {
    await setUpAccount(alice, url);
    const created = await alice.context.request.post('/api/workspaces', { data: { name: 'Clinic redesign', purpose: 'workshop-series' }, headers: origin(url) });
    const { id: workspaceId } = (await created.json()) as { id: string };
    await join(alice.context.request, bob.context.request, url, workspaceId, 'person', 'editor', 'Bob Usager');
    await join(alice.context.request, carol.context.request, url, workspaceId, 'clinician', 'editor', 'Carol Nguyen');
    await join(alice.context.request, dave.context.request, url, workspaceId, 'caregiver', 'commenter', 'Dave Proche');

    // Alice sets up the workshop from the workspace screen.
    await alice.page.goto(`/w/${workspaceId}`);
    await alice.page.getByRole('navigation', { name: 'Parts of this workspace' }).getByRole('link', { name: 'Workshops' }).click();
    await alice.page.getByLabel('Name of the workshop').fill('Waiting room redesign');
    await alice.page.getByLabel('Votes per person').selectOption('2');
    await alice.page.getByRole('button', { name: 'Create the workshop' }).click();
    await expect(alice.page.getByRole('heading', { level: 1, name: 'Waiting room redesign' })).toBeVisible();
    const workshopPath = new URL(alice.page.url()).pathname.replace(/\/facilitate$/, '');
    await expectNoAxeViolations(alice.page, 'facilitator');

    const participants = [bob, carol, dave];
    for (const p of participants) await p.page.goto(workshopPath);
    for (const p of participants) await expect(groupStep(p.page)).toHaveText('Welcome and check-in');

    // The facilitator moves everyone to the ideas step; every screen follows.
    await alice.page.getByRole('button', { name: 'Move everyone to: Ideas, each on your own' }).click();
    for (const p of participants) await expect(groupStep(p.page)).toHaveText('Ideas, each on your own');
    for (const p of participants) {
      await p.page.getByLabel(/^Your idea/).fill(IDEAS[p.name as keyof typeof IDEAS]);
      await p.page.getByRole('button', { name: 'Add my idea' }).click();
      await expect(p.page.getByText('Only you see this for now')).toBeVisible();
    }
    // Private until revealed: nobody sees another person's idea, not even the facilitator.
    await expect(bob.page.getByText(IDEAS.carol)).toHaveCount(0);
    await expect(alice.page.getByText('Waiting to be shown: 3.')).toBeVisible();
    await expect(alice.page.getByText(IDEAS.bob)).toHaveCount(0);
    await expectNoAxeViolations(dave.page, 'participant (ideas, phone)');

    await alice.page.getByRole('button', { name: 'Show everyone’s ideas (3)' }).click();
    for (const p of participants) for (const idea of Object.values(IDEAS)) await expect(p.page.getByText(idea, { exact: true })).toBeVisible();
    await expect(bob.page.getByText(/Carol Nguyen|Dave Proche/)).toHaveCount(0);

    // Grouping: participants may group during this step, with the keyboard-friendly "Move to theme".
    await alice.page.getByRole('button', { name: 'Move everyone to: Grouping into themes' }).click();
    await expect(groupStep(carol.page)).toHaveText('Grouping into themes');
    await carol.page.getByLabel('Name of a new theme').fill('Comfort');
    await carol.page.getByRole('button', { name: 'Add the theme' }).click();
    await carol.page.getByLabel(`Move to theme — ${IDEAS.dave}`).selectOption({ label: 'Comfort' });
    await expect(bob.page.getByRole('region', { name: 'Comfort' }).getByText(IDEAS.dave, { exact: true })).toBeVisible();

    // Voting: two votes each, spread freely; the buttons stop at two.
    await alice.page.getByRole('button', { name: 'Move everyone to: Dot voting' }).click();
    await alice.page.getByRole('button', { name: 'Start the timer' }).click();
    for (const p of participants) await expect(p.page.getByRole('timer')).toContainText(/left/);
    await bob.page.getByRole('button', { name: `Give a vote to: ${IDEAS.bob}` }).click();
    await expect(bob.page.getByText('Votes left: 1 of 2')).toBeVisible();
    await bob.page.getByRole('button', { name: `Give a vote to: ${IDEAS.bob}` }).click();
    await expect(bob.page.getByText('Votes left: 0 of 2')).toBeVisible();
    await expect(bob.page.getByRole('button', { name: `Give a vote to: ${IDEAS.carol}` })).toBeDisabled();
    await carol.page.getByRole('button', { name: `Give a vote to: ${IDEAS.bob}` }).click();
    await carol.page.getByRole('button', { name: `Give a vote to: ${IDEAS.carol}` }).click();
    await dave.page.getByRole('button', { name: `Give a vote to: ${IDEAS.dave}` }).click();
    await expect(alice.page.getByText('Votes placed: 5. People who voted: 3.').first()).toBeVisible();
    await expect(bob.page.getByText('Results of the vote')).toHaveCount(0);

    // The room's screen: large, anonymous, and accessible.
    const projector = await alice.context.newPage();
    await projector.goto(`${workshopPath}/projector`);
    await expect(projector.locator('.projector__step')).toHaveText('Dot voting');
    await expect(projector.getByText('Votes placed: 5. People who voted: 3.')).toBeVisible();
    await expectNoAxeViolations(projector, 'projector');

    await alice.page.getByRole('button', { name: 'Show the results of the vote' }).click();
    await expect(bob.page.getByText('Voting is over. Here are the results.')).toBeVisible();
    const results = projector.getByRole('list', { name: 'Ideas by number of votes' });
    await expect(results.getByRole('listitem').first()).toContainText(`${IDEAS.bob} 3 votes`);
    await expect(results.getByRole('listitem').first()).toContainText('Experiential knowledge: 2 · Professional knowledge: 1 · Facilitation: 0');
    await expect(projector.getByText(new RegExp(['Bob Usager', 'Carol Nguyen', 'Dave Proche', ACCOUNT.displayName].join('|')))).toHaveCount(0);
    await expectNoAxeViolations(projector, 'projector with results');
    await expectNoAxeViolations(bob.page, 'participant (results)');

    // A decision, then the summary in one click.
    await alice.page.getByLabel('A decision the group took').fill('Try the quiet corner for three months');
    await alice.page.getByRole('button', { name: 'Note the decision' }).click();
    await alice.page.getByRole('button', { name: 'Write the summary and close the workshop' }).click();
    await expect(alice.page.getByText('The summary is written. Decisions proposed: 3.')).toBeVisible();
    await expect(bob.page.getByText('This workshop is over. Thank you for taking part.')).toBeVisible();
    await expect(bob.page.getByRole('link', { name: 'Read the workshop record' })).toBeVisible();
    const documents = (await (await alice.context.request.get(`/api/workspaces/${workspaceId}/documents`)).json()) as { documents: Array<{ id: string; title: string }> };
    const record = documents.documents.find((d) => d.title === 'Workshop record: Waiting room redesign');
    expect(record, 'the workshop record document').toBeTruthy();
    const log = (await (await bob.context.request.get(`/api/documents/${record!.id}/decisions`)).json()) as { decisions: Array<{ title: string }> };
    expect(log.decisions.map((d) => d.title)).toEqual([IDEAS.bob, IDEAS.carol, IDEAS.dave]);
  } finally {
    await daveContext.close();
  }
});
