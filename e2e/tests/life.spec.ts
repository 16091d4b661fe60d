/** A document's life (issue 13) and the first-run example (issue 12); accounts and devices are in life-accounts.spec.ts. */
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
import { documentAction, documentsList, rowAction } from '../fixtures/life';

test('the first-run screen opens an example workspace in the interface language, with its three documents', async ({ alice }) => {
  const { page } = alice;
  await page.goto('/');
  await page.getByLabel('Your name').fill(ACCOUNT.displayName);
  await page.getByLabel('Email address').fill(ACCOUNT.email);
  await page.getByLabel('Password').fill(ACCOUNT.password);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page.getByText('You have no workspace yet.')).toBeVisible();
  await expectNoAxeViolations(page, 'home with the example offer');

  // The example is made in the interface language.
  await page.getByRole('button', { name: 'Français' }).click();
  await page.getByRole('button', { name: 'Explorer avec un exemple' }).click();
  const name = 'Exemple — Soins et services en partenariat';
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const documents = page.getByRole('list', { name: `Documents de ${name}` });
  await expect(documents.getByRole('listitem')).toHaveCount(3);
  await expect(documents.getByRole('button', { name: /^Options pour/ })).toHaveCount(3);
  await expectNoAxeViolations(page, 'example workspace');
});

test('an owner trashes a document, restores it, trashes it again from its top bar and deletes it for good by typing its title', async ({ alice, baseURL }) => {
  const { page } = alice;
  await setUpAccount(alice, baseURL!);
  const { workspaceId, documentId } = await createWorkspaceAndDocument(alice, baseURL!, 'Crisis plan');
  await page.goto(`/w/${workspaceId}`);

  await rowAction(page, 'Crisis plan', 'Move to the trash…');
  const confirm = page.getByRole('dialog', { name: 'Move “Crisis plan” to the trash?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Move to the trash' }).click();
  await expect(page.getByRole('status').filter({ hasText: '“Crisis plan” is in the trash.' })).toBeVisible();
  await expect(page.getByText('No documents yet.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Documents' })).toBeFocused();

  await page.getByRole('link', { name: 'Open the trash' }).click();
  const trash = page.getByRole('list', { name: 'Documents in the trash of Care plan of Marie' });
  await expect(trash.getByRole('listitem')).toHaveCount(1);
  await expect(trash).toContainText(/Deleted for good on \w+ \d+, \d{4}/);
  await expectNoAxeViolations(page, 'trash');
  await page.getByRole('button', { name: 'Restore Crisis plan' }).click();
  await expect(page.getByRole('status').filter({ hasText: '“Crisis plan” is back among the documents.' })).toBeVisible();
  await expect(page.getByText('The trash is empty.')).toBeVisible();

  // Again, from the document's own top bar: it lands back on the workspace.
  await page.goto(`/d/${documentId}`);
  await documentAction(page, 'Move to the trash…');
  await page.getByRole('dialog', { name: 'Move “Crisis plan” to the trash?' }).getByRole('button', { name: 'Move to the trash' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Care plan of Marie' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Parts of this workspace' }).getByRole('link', { name: 'Trash' }).click();
  await page.getByRole('button', { name: 'Delete for good… Crisis plan' }).click();
  const purge = page.getByRole('dialog', { name: 'Delete “Crisis plan” for good?' });
  await expect(purge.getByLabel('Title of the document')).toBeFocused();
  await expectNoAxeViolations(page, 'delete for good');
  await purge.getByLabel('Title of the document').fill('Crisis');
  await purge.getByRole('button', { name: 'Delete for good' }).click();
  await expect(purge.getByRole('alert')).toContainText('The title does not match.');
  await purge.getByLabel('Title of the document').fill('Crisis plan');
  await purge.getByRole('button', { name: 'Delete for good' }).click();
  await expect(purge).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: '“Crisis plan” is deleted for good.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Trash' })).toBeFocused();
  await expect(page.getByText('The trash is empty.')).toBeVisible();

  await page.getByRole('link', { name: 'Activity' }).click();
  const events = page.getByRole('list', { name: 'Events, most recent first' });
  await expect(events).toContainText('Alice Martin deleted “Crisis plan” for good.');
  await expect(events).toContainText('Alice Martin restored a document from the trash.');
});

test('a restricted document disappears for a member left off its list and comes back when they are added', async ({ alice, bob, baseURL }) => {
  await setUpAccount(alice, baseURL!);
  const { workspaceId, documentId } = await createWorkspaceAndDocument(alice, baseURL!, 'Crisis plan');
  await inviteByApi(alice, bob, baseURL!, workspaceId, { role: 'caregiver', permission: 'editor', displayName: 'Bob Tremblay' });
  const bobDocuments = documentsList(bob.page, 'Care plan of Marie');
  await bob.page.goto(`/w/${workspaceId}`);
  await expect(bobDocuments.getByRole('link', { name: 'Crisis plan' })).toBeVisible();

  const { page } = alice;
  await page.goto(`/w/${workspaceId}`);
  await rowAction(page, 'Crisis plan', 'Who can open this document…');
  const access = page.getByRole('dialog', { name: 'Who can open “Crisis plan”' });
  await access.getByRole('radio', { name: 'Only the people I choose' }).check();
  await expect(access.getByLabel('Alice Martin (Person receiving care) — you')).toHaveValue('owner');
  await expect(access.getByLabel('Bob Tremblay (Family caregiver)')).toHaveValue('');
  await expectNoAxeViolations(page, 'who can open');
  await access.getByRole('button', { name: 'Save' }).click();
  await expect(access).toBeHidden();
  const row = documentsList(page, 'Care plan of Marie').getByRole('listitem').filter({ hasText: 'Crisis plan' });
  await expect(row.locator('.badge--restricted')).toContainText('Restricted');

  await bob.page.reload();
  await expect(bob.page.getByText('No documents yet.')).toBeVisible();
  await bob.page.goto(`/d/${documentId}`);
  await expect(bob.page.getByText('This document does not exist, or you do not have access to it.')).toBeVisible();

  await rowAction(page, 'Crisis plan', 'Who can open this document…');
  await access.getByLabel('Bob Tremblay (Family caregiver)').selectOption({ label: 'Commenter' });
  await access.getByRole('button', { name: 'Save' }).click();
  await expect(access).toBeHidden();

  await bob.page.goto(`/w/${workspaceId}`);
  await bobDocuments.getByRole('link', { name: 'Crisis plan' }).click();
  await expect(bob.page.getByText('You can suggest changes: what you type or delete is shown as a proposal in your name, and the text changes only when an editor accepts it.')).toBeVisible();
  await expect(bob.page.getByRole('banner').locator('.badge--restricted')).toContainText('Restricted');
  await expectNoAxeViolations(bob.page, 'restricted document');

  // A rename reaches the people who have the document open.
  await rowAction(page, 'Crisis plan', 'Rename…');
  await page.getByRole('dialog', { name: 'Rename “Crisis plan”' }).getByLabel('New title').fill('Crisis plan (shared)');
  await page.getByRole('dialog', { name: 'Rename “Crisis plan”' }).getByRole('button', { name: 'Rename' }).click();
  await expect(bob.page.getByRole('heading', { level: 1, name: 'Crisis plan (shared)' })).toBeVisible();
});

test('an owner renames and archives a document from its top bar, sees who consulted it, unarchives it, and sets how long the closed workspace is kept', async ({ alice, baseURL }) => {
  const { page } = alice;
  await setUpAccount(alice, baseURL!);
  const { workspaceId, documentId } = await createWorkspaceAndDocument(alice, baseURL!, 'Weekly notes');
  await page.goto(`/d/${documentId}`);
  await expectSaved(page);

  await documentAction(page, 'Rename…');
  const rename = page.getByRole('dialog', { name: 'Rename “Weekly notes”' });
  await expect(rename.getByLabel('New title')).toBeFocused();
  await rename.getByLabel('New title').fill('Weekly notes — March');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Weekly notes — March' })).toBeVisible();

  await documentAction(page, 'Archive');
  await expect(page.getByRole('banner').locator('.badge--archived')).toContainText('Archived');
  await expect(page.getByText('You can read this document but not change it.')).toBeVisible();
  await expect(editorOf(page)).toHaveAttribute('contenteditable', 'false');

  await documentAction(page, 'Who consulted this document…');
  const log = page.getByRole('dialog', { name: 'Who consulted “Weekly notes — March”' });
  await expect(log.getByRole('row').filter({ hasText: 'Alice Martin' }).first()).toContainText('Opened it');
  await expectNoAxeViolations(page, 'who consulted');
  await log.getByRole('button', { name: 'Close' }).click();

  await page.goto(`/w/${workspaceId}`);
  await expect(page.getByText('No documents yet.')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Show archived documents' }).check();
  const archived = page.getByRole('list', { name: 'Archived documents of Care plan of Marie' });
  await expect(archived.locator('.badge--archived')).toContainText('Archived');
  await rowAction(page, 'Weekly notes — March', 'Unarchive');
  await expect(page.getByRole('status').filter({ hasText: 'is no longer archived' })).toBeVisible();
  await expect(documentsList(page, 'Care plan of Marie').getByRole('link', { name: 'Weekly notes — March' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Parts of this workspace' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByText('This workspace is open.')).toBeVisible();
  await expectNoAxeViolations(page, 'workspace settings');
  await page.getByLabel('How long to keep it after it is closed').selectOption({ label: '1 year' });
  await page.getByRole('button', { name: 'Save the retention period' }).click();
  await expect(page.getByText('Once closed, it will be kept for 1 year, then deleted for good.')).toBeVisible();
  await page.getByRole('button', { name: 'Close the workspace' }).click();
  const close = page.getByRole('dialog', { name: 'Close “Care plan of Marie”?' });
  await expect(close).toContainText('It will be deleted for good 1 year after today');
  await close.getByRole('button', { name: 'Close the workspace' }).click();
  await expect(page.getByText('This workspace was closed on')).toBeVisible();
  await expect(page.getByText(/It will be deleted for good on/)).toBeVisible();

  await page.getByRole('link', { name: 'Activity' }).click();
  const events = page.getByRole('list', { name: 'Events, most recent first' });
  await expect(events).toContainText('Alice Martin closed the workspace.');
  await expect(events).toContainText('Alice Martin set the retention period to 365 days.');
  await expect(events).toContainText('Alice Martin renamed “Weekly notes” to “Weekly notes — March”.');
});
