/**
 * Sign-off of a care trajectory, each person in their own browser context: a clinician (owner)
 * names a version and asks the person receiving care and a colleague to approve it; the person
 * approves first, with a comment; everyone sees "Approved by … on …"; then a clinician's edit
 * shows "changed since the last approval" to everyone, live.
 */
import type { Page } from '@playwright/test';
import { inviteByApi, openTab, sidePanel } from '../fixtures/people';
import { editorOf, expect, expectNoAxeViolations, expectSaved, setUpAccount, test, type Actor } from '../fixtures/test';

const VERSION = 'Plan presented at the 12 March meeting';
const COMMENT = 'I agree: this is what we decided together.';

function version(page: Page) {
  return sidePanel(page).getByRole('article', { name: VERSION });
}

async function createCareTrajectory(owner: Actor, baseURL: string): Promise<{ workspaceId: string; documentId: string }> {
  const headers = { Origin: new URL(baseURL).origin };
  const workspace = await owner.context.request.post('/api/workspaces', {
    data: { name: 'Care plan of Marie', purpose: 'care-trajectory', role: 'clinician' },
    headers,
  });
  expect(workspace.status(), await workspace.text()).toBe(201);
  const { id: workspaceId } = (await workspace.json()) as { id: string };
  const document = await owner.context.request.post(`/api/workspaces/${workspaceId}/documents`, { data: { title: 'Care trajectory' }, headers });
  expect(document.status(), await document.text()).toBe(201);
  return { workspaceId, documentId: ((await document.json()) as { id: string }).id };
}

test('the person receiving care approves a named version in their own browser, and a later edit shows “changed since approval” to everyone', async ({
  alice,
  bob,
  carol,
  baseURL,
}) => {
  // Three browsers, live updates and four accessibility checks: longer than the default.
  test.setTimeout(180_000);
  await setUpAccount(alice, baseURL!);
  const { workspaceId, documentId } = await createCareTrajectory(alice, baseURL!);
  await inviteByApi(alice, bob, baseURL!, workspaceId, { role: 'person', permission: 'commenter', displayName: 'Marie Gagnon' });
  await inviteByApi(alice, carol, baseURL!, workspaceId, { role: 'clinician', permission: 'editor', displayName: 'Dr Carole Roy' });
  const everyone = [alice.page, bob.page, carol.page];

  await Promise.all(everyone.map((page) => page.goto(`/d/${documentId}`)));
  await Promise.all(everyone.map((page) => expectSaved(page)));

  // The clinician writes the plan, names this version and asks for sign-off.
  await editorOf(alice.page).click();
  await alice.page.keyboard.type('Physiotherapy twice a week until June.');
  await expectSaved(alice.page);
  const history = await openTab(alice.page, 'History');
  await history.getByLabel('Name of the current version').fill(VERSION);
  await history.getByRole('button', { name: 'Name this version' }).click();
  await expect(history.getByRole('status').filter({ hasText: `Version “${VERSION}” named.` })).toBeVisible();
  await version(alice.page).getByRole('button', { name: /^Ask for sign-off/ }).click();
  const ask = version(alice.page).getByRole('form', { name: `Ask for sign-off of “${VERSION}”` });
  await ask.getByRole('checkbox', { name: 'Marie Gagnon' }).check();
  await ask.getByRole('checkbox', { name: 'Dr Carole Roy' }).check();
  await expectNoAxeViolations(alice.page, 'sign-off request');
  await ask.getByRole('button', { name: 'Send the request' }).click();
  await expect(ask).toBeHidden();

  // Everyone sees who is asked, live.
  for (const page of everyone) {
    await openTab(page, 'History');
    await expect(version(page).getByRole('list', { name: 'People asked to approve' })).toContainText('Marie Gagnon: not answered yet');
  }

  // The person receiving care answers first, in their own browser, with a comment.
  const answer = version(bob.page).getByRole('form', { name: `Your answer about “${VERSION}”` });
  await expect(answer).toContainText('You are asked to approve this version.');
  await expectNoAxeViolations(bob.page, 'sign-off answer');
  await answer.getByLabel('Comment (optional)').fill(COMMENT);
  await answer.getByRole('button', { name: 'Approve' }).click();
  await expect(answer).toBeHidden();
  for (const page of everyone) {
    await expect(version(page).getByRole('list', { name: 'People asked to approve' })).toContainText(/Marie Gagnon: approved on .+ — I agree: this is what we decided together\./);
  }

  // The colleague approves too: the version is approved, for everyone.
  await version(carol.page).getByRole('form', { name: `Your answer about “${VERSION}”` }).getByRole('button', { name: 'Approve' }).click();
  for (const page of everyone) {
    await expect(version(page)).toContainText(/Approved by Marie Gagnon, Dr Carole Roy on \w+ \d{1,2}, \d{4}\./);
    await expect(page.getByRole('status').filter({ hasText: `This text is the version “${VERSION}”, approved on` })).toBeVisible();
    // The person's words stay with their approval.
    await expect(version(page).getByRole('list', { name: 'People asked to approve' })).toContainText(COMMENT);
  }
  await expectNoAxeViolations(bob.page, 'approved version');

  // A clinician changes the text: everyone, the person included, is told at once.
  await editorOf(carol.page).click();
  await carol.page.keyboard.press('End');
  await carol.page.keyboard.type(' Then once a week.');
  await expectSaved(carol.page);
  for (const page of everyone) {
    await expect(page.getByRole('status').filter({ hasText: 'The text has changed since the last approval' })).toBeVisible({ timeout: 20_000 });
    await expect(version(page)).toContainText('The text has changed since the last approval.');
  }
  await expectNoAxeViolations(bob.page, 'changed since approval');
  // The approval stays on record, bound to the version it was given for.
  await expect(version(alice.page)).toContainText(/Approved by Marie Gagnon, Dr Carole Roy on/);
});
