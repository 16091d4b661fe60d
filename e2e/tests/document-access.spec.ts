/**
 * Per-document access as an owner sees it: the access dialog sums up who can open the document
 * with the choices made, and the People panel says, under each member, which documents leave
 * them out or give them another permission. Members who are not owners see none of it.
 */
import { documentsList, rowAction } from '../fixtures/life';
import { inviteByApi } from '../fixtures/people';
import { createWorkspaceAndDocument, expect, expectNoAxeViolations, setUpAccount, test } from '../fixtures/test';

test('owners see who can open a restricted document, in its access dialog and in the People panel', async ({ alice, bob, carol, baseURL }) => {
  await setUpAccount(alice, baseURL!);
  const { workspaceId } = await createWorkspaceAndDocument(alice, baseURL!, 'Crisis plan');
  await inviteByApi(alice, bob, baseURL!, workspaceId, { role: 'caregiver', permission: 'editor', displayName: 'Bob Tremblay' });
  await inviteByApi(alice, carol, baseURL!, workspaceId, { role: 'clinician', permission: 'editor', displayName: 'Carol Roy' });
  const { page } = alice;

  await page.goto(`/w/${workspaceId}`);
  await rowAction(page, 'Crisis plan', 'Who can open this document…');
  const access = page.getByRole('dialog', { name: 'Who can open “Crisis plan”' });
  await expect(access).toContainText('Can open it: Alice Martin (owner), Bob Tremblay (editor), Carol Roy (editor).');
  await access.getByRole('radio', { name: 'Only the people I choose' }).check();
  await access.getByLabel('Bob Tremblay (Family caregiver)').selectOption({ label: 'Commenter' });
  await expect(access).toContainText('Can open it: Alice Martin (owner), Bob Tremblay (commenter).');
  await expect(access).toContainText('Cannot open it: Carol Roy.');
  await expectNoAxeViolations(page, 'who can open, with its summary');
  await access.getByRole('button', { name: 'Save' }).click();
  await expect(access).toBeHidden();
  await expect(documentsList(page, 'Care plan of Marie').getByRole('listitem').filter({ hasText: 'Crisis plan' }).locator('.badge--restricted')).toContainText('Restricted');

  await page.goto(`/w/${workspaceId}/people`);
  await expect(page.getByRole('list', { name: 'Documents where Carol Roy has a different access' })).toHaveText('Crisis plan: cannot open it');
  await expect(page.getByRole('list', { name: 'Documents where Bob Tremblay has a different access' })).toHaveText('Crisis plan: can comment, not edit');
  await expect(page.getByRole('list', { name: 'Documents where Alice Martin has a different access' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'People panel with per-document access');

  // Members who are not owners see no such detail.
  await bob.page.goto(`/w/${workspaceId}/people`);
  await expect(bob.page.getByRole('heading', { level: 3, name: /Carol Roy/ })).toBeVisible();
  await expect(bob.page.getByText('Different access on some documents:')).toHaveCount(0);
});
