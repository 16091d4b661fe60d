import fs from 'node:fs';
import { ACCOUNT, createWorkspaceAndDocument, editorOf, expect, expectNoAxeViolations, expectSaved, setUpAccount, test } from '../fixtures/test';

test('an owner exports a workspace under pseudonyms, imports the file from Home and finds the text in the new workspace', async ({ alice, baseURL }) => {
  const { page } = alice;
  await setUpAccount(alice, baseURL!);
  const { workspaceId, documentId } = await createWorkspaceAndDocument(alice, baseURL!, 'Life project');
  await page.goto(`/d/${documentId}`);
  await expectSaved(page);
  await editorOf(page).click();
  await page.keyboard.type('Walk to the market with my daughter every Saturday.');
  await expectSaved(page);

  await page.goto(`/w/${workspaceId}`);
  await page.getByRole('navigation', { name: 'Parts of this workspace' }).getByRole('link', { name: 'Settings' }).click();
  const exportSection = page.getByRole('region', { name: 'Export this workspace' });
  await expect(exportSection.getByRole('radio', { name: 'Under pseudonyms' })).toBeChecked();
  await expectNoAxeViolations(page, 'workspace settings with export');
  const [download] = await Promise.all([page.waitForEvent('download'), exportSection.getByRole('button', { name: 'Download the archive' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^ensemble-workspace-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(exportSection.getByRole('status')).toHaveText(/The archive has been downloaded/);
  const file = await download.path();
  const archive = fs.readFileSync(file, 'utf8');
  expect(archive).not.toContain(ACCOUNT.displayName);
  expect(archive).not.toContain(ACCOUNT.email);

  await page.goto('/');
  const importCard = page.getByRole('region', { name: 'Import a workspace' });
  await importCard.getByRole('button', { name: 'Import' }).click();
  await expect(importCard.getByText('Choose the archive file first.')).toBeVisible();
  await importCard.getByLabel('Archive file').setInputFiles(file);
  await importCard.getByRole('button', { name: 'Import' }).click();
  // Imported next to its source, it gets a distinct name.
  await expect(importCard.getByText('“Care plan of Marie (2)” has been imported.')).toBeVisible();
  await expect(importCard).toContainText('1 document(s), 1 person(s)');
  await expectNoAxeViolations(page, 'home after an import');

  await importCard.getByRole('button', { name: 'Open “Care plan of Marie (2)”' }).click();
  await expect(page).not.toHaveURL(new RegExp(workspaceId));
  await page.getByRole('link', { name: 'Life project' }).click();
  await expectSaved(page);
  await expect(editorOf(page)).toContainText('Walk to the market with my daughter every Saturday.');
});

test('a damaged archive is refused on Home with a clear message, and nothing is created', async ({ alice, baseURL }) => {
  const { page } = alice;
  await setUpAccount(alice, baseURL!);
  await page.goto('/');
  const importCard = page.getByRole('region', { name: 'Import a workspace' });
  await importCard.getByLabel('Archive file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"something else"}') });
  await importCard.getByRole('button', { name: 'Import' }).click();
  await expect(importCard.getByRole('alert')).toContainText('This archive was not imported, and nothing was created.');
  await expect(importCard.getByRole('alert')).toContainText('not an Ensemble workspace archive');
  await expectNoAxeViolations(page, 'home with a refused import');
});
