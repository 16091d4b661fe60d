import { inviteByApi, openTab, sidePanel } from '../fixtures/people';
import { createWorkspaceAndDocument, editorOf, expect, expectNoAxeViolations, expectSaved, setUpAccount, test } from '../fixtures/test';

test('the authorship view names who typed each passage; a restore is a new change attributed to the restorer; sign-off shows when the text changed', async ({
  alice,
  bob,
  baseURL,
}) => {
  await setUpAccount(alice, baseURL!);
  const { workspaceId, documentId } = await createWorkspaceAndDocument(alice, baseURL!, 'Shared care plan');
  await inviteByApi(alice, bob, baseURL!, workspaceId, { role: 'clinician', permission: 'editor', displayName: 'Dr Bob Roy' });
  await Promise.all([alice.page.goto(`/d/${documentId}`), bob.page.goto(`/d/${documentId}`)]);
  await Promise.all([expectSaved(alice.page), expectSaved(bob.page)]);

  await editorOf(alice.page).click();
  await alice.page.keyboard.type('Alice wrote this line.');
  await expect(editorOf(bob.page)).toContainText('Alice wrote this line.');
  await expectSaved(alice.page);
  const versions = await openTab(alice.page, 'History');
  await versions.getByLabel('Name of the current version').fill('Alice only');
  await versions.getByRole('button', { name: 'Name this version' }).click();
  await expect(versions.getByRole('status').filter({ hasText: 'Version “Alice only” named.' })).toBeVisible();

  await editorOf(bob.page).click();
  await bob.page.keyboard.press('ControlOrMeta+End');
  await bob.page.keyboard.press('Enter');
  await bob.page.keyboard.type('Bob added this sentence.');
  await expect(editorOf(alice.page)).toContainText('Bob added this sentence.');
  await expectSaved(bob.page);

  // By person: each passage carries its author's name and role; the legend names both.
  await alice.page.getByRole('button', { name: 'By person' }).click();
  const bobText = editorOf(alice.page).locator('.authorship', { hasText: 'Bob added this sentence.' });
  await expect(bobText).toHaveAttribute('title', 'Dr Bob Roy — Clinician · Professional knowledge');
  await expect(editorOf(alice.page).locator('.authorship', { hasText: 'Alice wrote this line.' })).toHaveAttribute(
    'title',
    'Alice Martin — Person receiving care · Experiential knowledge',
  );
  const legend = alice.page.getByRole('list', { name: 'Legend of the authorship view' });
  await expect(legend).toContainText('Alice Martin');
  await expect(legend).toContainText('Dr Bob Roy');
  await bobText.click();
  await expect(alice.page.getByText('At the cursor: written by Dr Bob Roy (Clinician · Professional knowledge).')).toBeVisible();
  await alice.page.getByRole('button', { name: 'By perspective' }).click();
  await expect(legend.getByText('Professional knowledge')).toBeVisible();
  await expect(legend.getByText('Experiential knowledge')).toBeVisible();
  await expect(editorOf(alice.page).locator('.authorship--professional')).toHaveText('Bob added this sentence.');
  await expectNoAxeViolations(alice.page, 'document with the authorship view');

  // Alice names the current text and asks Bob to approve it; Bob approves.
  await versions.getByLabel('Name of the current version').fill('Both lines');
  await versions.getByRole('button', { name: 'Name this version' }).click();
  const both = versions.getByRole('article', { name: 'Both lines' });
  await both.getByRole('button', { name: 'Ask for sign-off (the version “Both lines”)' }).click();
  await both.getByRole('checkbox', { name: 'Dr Bob Roy' }).check();
  await both.getByRole('button', { name: 'Send the request' }).click();
  await expect(both).toContainText('Dr Bob Roy: not answered yet');
  const bobVersions = await openTab(bob.page, 'History');
  const bobBoth = bobVersions.getByRole('article', { name: 'Both lines' });
  await bobBoth.getByLabel('Comment (optional)').fill('Fine for me.');
  await bobBoth.getByRole('button', { name: 'Approve' }).click();
  await expect(bobBoth).toContainText('Approved by Dr Bob Roy on');
  await expect(bob.page.getByRole('status').filter({ hasText: 'This text is the version “Both lines”, approved on' })).toBeVisible();

  // Alice restores "Alice only": Bob's sentence goes, and the change is hers.
  await versions.getByRole('article', { name: 'Alice only' }).getByRole('button', { name: 'Restore (the version “Alice only”)' }).click();
  const confirm = alice.page.getByRole('dialog', { name: 'Restore the version “Alice only”?' });
  await expect(confirm).toContainText('the restore is a new change recorded under your name');
  await confirm.getByRole('button', { name: 'Restore' }).click();
  await expect(sidePanel(alice.page).getByRole('status').filter({ hasText: 'Restored. The change is recorded under your name.' })).toBeVisible();
  await expect(editorOf(bob.page)).not.toContainText('Bob added this sentence.');
  await expect(editorOf(alice.page)).toContainText('Alice wrote this line.');
  await expect(alice.page.getByRole('status').filter({ hasText: 'The text has changed since the last approval (version “Both lines”' })).toBeVisible();

  await versions.getByRole('article', { name: 'Both lines' }).getByRole('button', { name: 'Compare with now (the version “Both lines”)' }).click();
  const compare = alice.page.getByRole('dialog', { name: 'The version “Both lines”' });
  await expect(compare.locator('del')).toContainText('removed by Alice Martin');
  await expect(compare.locator('del')).toContainText('Bob added this sentence.');
  await expectNoAxeViolations(alice.page, 'version comparison');
  await compare.getByRole('button', { name: 'Text of this version' }).click();
  await expect(compare.getByRole('textbox', { name: 'Text of this earlier version' })).toContainText('Bob added this sentence.');
  await compare.getByRole('button', { name: 'Close' }).click();
  await expect(compare).toBeHidden();
});
