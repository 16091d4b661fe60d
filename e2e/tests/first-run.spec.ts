import { ACCOUNT, editorOf, expect, expectNoAxeViolations, expectSaved, test } from '../fixtures/test';

test('the first person sets up Ensemble, creates a workspace and a document, and every screen passes axe', async ({ alice }) => {
  const { page } = alice;

  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Ensemble' })).toBeVisible();
  await expectNoAxeViolations(page, 'setup');

  // A too-short password is explained next to the field, and announced.
  await page.getByLabel('Your name').fill(ACCOUNT.displayName);
  await page.getByLabel('Email address').fill(ACCOUNT.email);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page.getByRole('alert')).toContainText('Please check the fields marked below.');
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription(/at least 10 characters/);
  await expectNoAxeViolations(page, 'setup with errors');

  await page.getByLabel('Password').fill(ACCOUNT.password);
  await page.getByRole('button', { name: 'Create my account' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Your workspaces' })).toBeVisible();
  await expect(page.getByText('You have no workspace yet.')).toBeVisible();
  await expectNoAxeViolations(page, 'home (empty)');

  await page.getByLabel('Workspace name').fill('Patient partners committee');
  await page.getByLabel('What is it for?').selectOption({ label: 'Committee' });
  await page.getByRole('button', { name: 'Create the workspace' }).click();
  const workspace = page.getByRole('article', { name: 'Patient partners committee' });
  await expect(workspace).toBeVisible();
  await expect(workspace.getByText('Committee', { exact: true })).toBeVisible();
  await expect(workspace.getByText('with the owner permission')).toBeVisible();

  await workspace.getByLabel('Title of the new document').fill('Welcome guide for new members');
  await workspace.getByRole('button', { name: 'Create and open' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Welcome guide for new members' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Patient partners committee');
  await expectSaved(page);
  const editor = editorOf(page);
  await editor.click();
  await page.keyboard.type('Everyone is welcome here.');
  await expect(editor).toContainText('Everyone is welcome here.');
  await expectSaved(page);
  await expect(page.getByRole('region', { name: 'Who is here' })).toContainText(ACCOUNT.displayName);
  await expectNoAxeViolations(page, 'document');

  // Back home, the document is listed and opens again with its text.
  await page.getByRole('link', { name: 'Back to home' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your workspaces' })).toBeVisible();
  await expectNoAxeViolations(page, 'home');
  await page.getByRole('link', { name: 'Welcome guide for new members' }).click();
  await expect(editorOf(page)).toContainText('Everyone is welcome here.');

  // Sign out, then a wrong password is refused in plain words, and the right one works.
  await page.getByRole('link', { name: 'Back to home' }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expectNoAxeViolations(page, 'sign-in');
  await page.getByLabel('Email address').fill(ACCOUNT.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText(/Email or password is incorrect/);
  await page.getByLabel('Password').fill(ACCOUNT.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your workspaces' })).toBeVisible();
});

test('the skip link and the sign-in form work with the keyboard alone', async ({ alice, baseURL }) => {
  const { page } = alice;
  const setup = await alice.context.request.post('/api/setup', { data: ACCOUNT, headers: { Origin: new URL(baseURL!).origin } });
  expect(setup.status()).toBe(201);
  await alice.context.clearCookies();

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();

  await page.getByLabel('Email address').focus();
  await page.keyboard.type(ACCOUNT.email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type(ACCOUNT.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Your workspaces' })).toBeVisible();
});
