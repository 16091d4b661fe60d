/** Recovery links, shared devices, my data and erasure (issues 12 and 13); a document's life is in life.spec.ts. */
import {
  ACCOUNT,
  createWorkspaceAndDocument,
  editorOf,
  expect,
  expectNoAxeViolations,
  expectSaved,
  setUpAccount,
  test,
} from '../fixtures/test';
import { inviteByApi } from '../fixtures/people';
import { localCopies, myUserId } from '../fixtures/life';

test('a recovery link signs a member back in as the same person, once', async ({ alice, bob, carol, baseURL }) => {
  await setUpAccount(alice, baseURL!);
  const { workspaceId } = await createWorkspaceAndDocument(alice, baseURL!, 'Shared care plan');
  const bobId = await inviteByApi(alice, bob, baseURL!, workspaceId, { role: 'caregiver', permission: 'editor', displayName: 'Bob Tremblay' });

  await alice.page.goto(`/w/${workspaceId}/people`);
  await alice.page.getByRole('button', { name: 'Make a recovery link (Bob Tremblay)' }).click();
  const card = alice.page.getByRole('dialog', { name: 'Recovery link for Bob Tremblay' });
  await expect(card).toContainText('It works only once');
  await expectNoAxeViolations(alice.page, 'recovery link');
  const url = await card.getByLabel('Recovery link').inputValue();
  await card.getByRole('button', { name: 'Close' }).click();

  // Bob lost his phone; on a new one (Carol's browser context here), the link brings him back.
  await carol.page.goto(url);
  await expect(carol.page.getByRole('heading', { level: 1, name: 'Get back into Ensemble' })).toBeVisible();
  await expectNoAxeViolations(carol.page, 'recovery');
  await carol.page.getByRole('button', { name: 'Sign me back in' }).click();
  await expect(carol.page.getByRole('heading', { level: 1, name: 'Your workspaces' })).toBeVisible();
  await expect(carol.page.getByRole('banner')).toContainText('Signed in as Bob Tremblay');
  await expect(carol.page.getByRole('article', { name: 'Care plan of Marie' })).toContainText('You take part as family caregiver, with the editor permission.');
  expect(await myUserId(carol.page)).toBe(bobId);

  await bob.page.goto(url);
  await bob.page.getByRole('button', { name: 'Sign me back in' }).click();
  await expect(bob.page.getByRole('alert')).toContainText('This link no longer works');
});

test('signing out on a shared device leaves no offline copy of any document', async ({ alice, baseURL }) => {
  const { page, context } = alice;
  await setUpAccount(alice, baseURL!);
  const { documentId } = await createWorkspaceAndDocument(alice, baseURL!, 'Clinic notes');
  await context.clearCookies();

  await page.goto('/');
  await page.getByLabel('Email address').fill(ACCOUNT.email);
  await page.getByLabel('Password').fill(ACCOUNT.password);
  await page.getByRole('checkbox', { name: 'This is a shared device' }).check();
  await expect(page.getByRole('checkbox', { name: 'This is a shared device' })).toHaveAccessibleDescription(/15 minutes without activity/);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your workspaces' })).toBeVisible();
  // The session ends with the browser: its cookie has no expiry date.
  expect((await context.cookies()).find((c) => c.name === 'ensemble_session')?.expires).toBe(-1);

  await page.getByRole('link', { name: 'Clinic notes' }).click();
  await expectSaved(page);
  await editorOf(page).click();
  await page.keyboard.type('Blood pressure 120/80.');
  await expectSaved(page);
  await expect.poll(() => localCopies(page)).toEqual([`ensemble-doc-${documentId}`]);

  await page.getByRole('link', { name: 'Back to home' }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect.poll(() => localCopies(page)).toEqual([]);
  expect(await page.evaluate(() => localStorage.getItem('ensemble.sharedDevice'))).toBeNull();
});

test('on a shared device, 15 minutes without activity sign the person out and clear the copies, even with a document open', async ({ alice, baseURL }) => {
  const { page, context } = alice;
  await setUpAccount(alice, baseURL!);
  const { documentId } = await createWorkspaceAndDocument(alice, baseURL!, 'Clinic notes');
  await context.clearCookies();
  await page.clock.install();
  await page.goto('/');
  await page.getByLabel('Email address').fill(ACCOUNT.email);
  await page.getByLabel('Password').fill(ACCOUNT.password);
  await page.getByRole('checkbox', { name: 'This is a shared device' }).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Clinic notes' }).click();
  await expect.poll(() => localCopies(page)).toEqual([`ensemble-doc-${documentId}`]);

  await page.clock.fastForward('16:00');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('You were signed out after 15 minutes without activity');
  await expect.poll(() => localCopies(page)).toEqual([]);
});

test('the profile gives a copy of my data, and erasure explains itself, asks for the password and waits for another owner', async ({ alice, bob, baseURL }) => {
  const { page } = alice;
  await setUpAccount(alice, baseURL!);
  const { workspaceId } = await createWorkspaceAndDocument(alice, baseURL!, 'Shared care plan');
  await inviteByApi(alice, bob, baseURL!, workspaceId, { role: 'caregiver', permission: 'editor', displayName: 'Bob Tremblay' });

  await page.goto('/profile');
  await expect(page.getByRole('heading', { level: 2, name: 'Your data' })).toBeVisible();
  await expectNoAxeViolations(page, 'profile (my data)');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download as a data file (JSON)' }).click();
  expect((await download).suggestedFilename()).toMatch(/^ensemble-my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Open the readable page (opens in a new tab)' }).click();
  await expect((await popup).getByRole('heading', { level: 1 })).toHaveText('Everything Ensemble holds about you');

  await page.getByRole('button', { name: 'Leave Ensemble and erase my account' }).click();
  const erase = page.getByRole('dialog', { name: 'Leave Ensemble and erase your account?' });
  await expect(erase).toContainText('Former member 3 — family caregiver');
  await expectNoAxeViolations(page, 'erasure dialog');
  await erase.getByRole('button', { name: 'Erase my account' }).click();
  await expect(erase.getByRole('checkbox', { name: /I understand/ })).toHaveAccessibleDescription('Tick this box to confirm.');
  await erase.getByRole('checkbox', { name: /I understand/ }).check();
  await erase.getByLabel('Your password').fill('not the password');
  await erase.getByRole('button', { name: 'Erase my account' }).click();
  await expect(erase.getByRole('alert')).toContainText('Your password is not correct.');
  await erase.getByLabel('Your password').fill(ACCOUNT.password);
  await erase.getByRole('button', { name: 'Erase my account' }).click();
  await expect(erase.getByRole('alert')).toContainText('You are the only owner of a workspace.');
  await expect(erase.getByRole('link', { name: 'Care plan of Marie' })).toBeVisible();
  await erase.getByRole('button', { name: 'Cancel' }).click();
  await expect(erase).toBeHidden();

  // Bob joined with only his name: no password is asked, and he leaves.
  await bob.page.goto('/profile');
  await bob.page.getByRole('button', { name: 'Leave Ensemble and erase my account' }).click();
  const bobErase = bob.page.getByRole('dialog', { name: 'Leave Ensemble and erase your account?' });
  await expect(bobErase.getByLabel('Your password')).toHaveCount(0);
  await bobErase.getByRole('checkbox', { name: /I understand/ }).check();
  await bobErase.getByRole('button', { name: 'Erase my account' }).click();
  await expect(bob.page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(bob.page.getByRole('alert')).toContainText('Your account is erased.');

  await page.goto(`/w/${workspaceId}/activity`);
  await expect(page.getByRole('list', { name: 'Events, most recent first' })).toContainText(
    'Former member 1 — family caregiver left Ensemble and had their account erased.',
  );
});
