/**
 * Suggestion mode (ADR 0005) in two browsers: a patient partner invited as commenter proposes
 * an insertion and a deletion; the manager (editor) sees both live with her name, accepts one
 * and rejects the other, and both texts converge. The commenter's connection is never refused
 * (a refusal, close code 4422, would make her page open a new connection to start again).
 */
import type { Page } from '@playwright/test';
import { inviteByApi, openDocumentIn, openTab, setUpCareTeam, sidePanel } from '../fixtures/people';
import { createWorkspaceAndDocument, documentText, editorOf, expect, expectNoAxeViolations, expectSaved, setUpAccount, test } from '../fixtures/test';

const SENTENCE = 'Marie walks to the market every day.';

/** Counts the realtime connections a page opens (a refused one is replaced by a new one). */
function countCollabSockets(page: Page): () => number {
  let count = 0;
  page.on('websocket', (socket) => {
    if (new URL(socket.url()).pathname.startsWith('/collab')) count += 1;
  });
  return () => count;
}

test('a patient partner suggests changes, the manager accepts one and rejects the other, and both texts converge', async ({
  alice,
  bob,
  carol,
  baseURL,
}) => {
  test.setTimeout(120_000); // three browsers on a small machine
  const { documentId } = await setUpCareTeam(alice, bob, carol, baseURL!);
  const carolSockets = countCollabSockets(carol.page);

  await openDocumentIn(documentId, bob.page, carol.page);
  await editorOf(bob.page).click();
  await bob.page.keyboard.type(SENTENCE);
  await expectSaved(bob.page);
  await expect(editorOf(carol.page)).toContainText(SENTENCE);

  // Carol, a commenter, may write only suggestions: her text box is editable, and says so.
  await expect(carol.page.getByText('You can suggest changes: what you type or delete is shown as a proposal in your name')).toBeVisible();
  await expect(editorOf(carol.page)).toHaveAttribute('aria-readonly', 'false');
  await expect(carol.page.getByRole('button', { name: 'Bold' })).toHaveCount(0);

  // She adds words before the full stop, then strikes out "every " with the keyboard.
  await editorOf(carol.page).getByText(SENTENCE).click();
  await carol.page.keyboard.press('End');
  await carol.page.keyboard.press('ArrowLeft');
  await carol.page.keyboard.type(' with her daughter');
  const carolText = editorOf(carol.page);
  // The insertion has settled (its mark applied) before she moves on.
  await expect(carolText.locator('ins.suggestion')).toHaveText(' with her daughter');
  await carol.page.keyboard.press('Home');
  for (let i = 0; i < 'Marie walks to the market '.length; i += 1) await carol.page.keyboard.press('ArrowRight');
  for (let i = 0; i < 'every '.length; i += 1) await carol.page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => carol.page.evaluate(() => window.getSelection()?.toString())).toBe('every ');
  await carol.page.keyboard.press('Backspace');
  await expect(carolText.locator('ins.suggestion')).toHaveText(' with her daughter');
  await expect(carolText.locator('del.suggestion')).toHaveText('every ');
  // Nothing was removed: the struck text stays until an editor decides.
  expect(await documentText(carol.page)).toEqual(['Marie walks to the market every day with her daughter.']);

  // A new paragraph cannot be a suggestion: it is not made, and she is told why.
  await carol.page.keyboard.press('End');
  await carol.page.keyboard.press('Enter');
  await expect(carol.page.getByRole('status').filter({ hasText: 'A new paragraph, list, heading or other block cannot be suggested.' })).toBeVisible();
  expect(await documentText(carol.page)).toEqual(['Marie walks to the market every day with her daughter.']);
  await expectSaved(carol.page);

  // Bob sees both suggestions live, with Carol's name, in the text and in the Suggestions tab.
  const bobText = editorOf(bob.page);
  await expect(bobText.locator('ins.suggestion')).toHaveText(' with her daughter');
  await expect(bobText.locator('del.suggestion')).toHaveText('every ');
  // Hovering names the author and time (a title on the suggested text).
  await expect(bobText.locator('[title^="Insertion suggested by Carol Martin · "]')).toHaveText(' with her daughter');
  const tab = await openTab(bob.page, 'Suggestions');
  await expect(tab).toContainText('2 suggestions waiting');
  const items = tab.getByTestId('suggestion-item');
  await expect(items).toHaveCount(2);
  const deletion = items.filter({ hasText: 'Deletion' });
  const insertion = items.filter({ hasText: 'Insertion' });
  await expect(deletion).toContainText('Carol Martin');
  await expect(deletion.locator('del')).toHaveText('every ');
  await expect(insertion).toContainText('Carol Martin');
  await expect(insertion.locator('ins')).toHaveText(' with her daughter');

  // With the caret in the struck text, the bar above the text names who proposed it.
  await bobText.locator('del.suggestion').click();
  const bar = bob.page.getByTestId('suggestion-at-cursor');
  await expect(bar).toContainText('Deletion suggested by Carol Martin');
  await expectNoAxeViolations(bob.page, 'document with suggestions');

  // Bob rejects the deletion from the bar and accepts the insertion from the list.
  await bar.getByRole('button', { name: 'Reject' }).click();
  await expect(items).toHaveCount(1);
  await insertion.getByRole('button', { name: 'Accept' }).click();
  await expect(tab).toContainText('No suggestion is waiting.');

  const expected = ['Marie walks to the market every day with her daughter.'];
  await expect(carolText.locator('ins.suggestion, del.suggestion')).toHaveCount(0);
  await expect(bobText.locator('ins.suggestion, del.suggestion')).toHaveCount(0);
  expect(await documentText(bob.page)).toEqual(expected);
  expect(await documentText(carol.page)).toEqual(expected);
  await Promise.all([expectSaved(bob.page), expectSaved(carol.page)]);

  // Carol's first connection carried everything: it was never refused and replaced.
  expect(carolSockets()).toBe(1);
  await expect(carol.page.getByText('The server could not take your last change as a suggestion')).toHaveCount(0);

  // Carol also comments on the sentence, and Bob resolves her thread.
  const passage = expected[0]!;
  await editorOf(carol.page).getByText(passage).click({ clickCount: 3 });
  await carol.page.getByRole('button', { name: 'Comment on this passage' }).click();
  const form = sidePanel(carol.page).getByRole('form', { name: 'Comment on this passage' });
  await form.getByLabel('Your comment').fill('My daughter can come on weekdays only.');
  await form.getByRole('button', { name: 'Post the comment' }).click();
  const carolThread = sidePanel(carol.page).getByRole('article', { name: `About “${passage}”` });
  await expect(carolThread).toContainText('My daughter can come on weekdays only.');
  await openTab(bob.page, 'Comments');
  const bobThread = sidePanel(bob.page).getByRole('article', { name: `About “${passage}”` });
  await expect(bobThread).toContainText('Carol Martin');
  await bobThread.getByRole('button', { name: 'Resolve' }).click();
  await expect(carolThread).toHaveCount(0);
  expect(carolSockets()).toBe(1);
});

test('when the server refuses a commenter’s change, her page says so and reopens the document as saved', async ({ alice, carol, baseURL }) => {
  await setUpAccount(alice, baseURL!);
  const { workspaceId, documentId } = await createWorkspaceAndDocument(alice, baseURL!, 'Return home plan');
  await inviteByApi(alice, carol, baseURL!, workspaceId, { role: 'person', permission: 'commenter', displayName: 'Carol Martin' });
  const carolSockets = countCollabSockets(carol.page);
  await Promise.all([alice.page.goto(`/d/${documentId}`), carol.page.goto(`/d/${documentId}`)]);
  await expectSaved(alice.page);
  await editorOf(alice.page).click();
  await alice.page.keyboard.type(SENTENCE);
  await expectSaved(alice.page);
  await expect(editorOf(carol.page)).toContainText(SENTENCE);
  await expectSaved(carol.page);

  // A faulty client: suggestion mode is switched off behind the editor's back, so typing goes in
  // as a direct edit, which the server refuses from a commenter (close code 4422).
  await editorOf(carol.page).evaluate((element) => {
    const editor = (element as HTMLElement & { editor: { storage: { suggestionMode: { settings: { onlySuggest: boolean } } } } }).editor;
    editor.storage.suggestionMode.settings.onlySuggest = false;
  });
  await editorOf(carol.page).getByText(SENTENCE).click();
  await carol.page.keyboard.press('End');
  await carol.page.keyboard.type(' Forced');

  await expect(carol.page.getByRole('alert').filter({ hasText: 'The server could not take your last change as a suggestion' })).toBeVisible();
  // Her copy (and its offline copy) was discarded: the text is the server's, and stays so.
  await expectSaved(carol.page);
  expect(await documentText(carol.page)).toEqual([SENTENCE]);
  expect(carolSockets()).toBe(2);
  expect(await documentText(alice.page)).toEqual([SENTENCE]);
  // The reopened editor is in suggestion mode again.
  await editorOf(carol.page).getByText(SENTENCE).click();
  await carol.page.keyboard.press('End');
  await carol.page.keyboard.type(' Again');
  await expect(editorOf(alice.page).locator('ins.suggestion')).toHaveText(' Again');
  expect(carolSockets()).toBe(2);
  await expectNoAxeViolations(carol.page, 'document reopened after a refusal');
});

test('an editor switches suggestion mode on and off from the toolbar', async ({ alice, bob, baseURL }) => {
  await setUpAccount(alice, baseURL!);
  const { workspaceId, documentId } = await createWorkspaceAndDocument(alice, baseURL!, 'Return home plan');
  await inviteByApi(alice, bob, baseURL!, workspaceId, { role: 'manager', permission: 'editor', displayName: 'Bob Roy' });
  await Promise.all([alice.page.goto(`/d/${documentId}`), bob.page.goto(`/d/${documentId}`)]);
  await expectSaved(alice.page);
  await editorOf(alice.page).click();
  await alice.page.keyboard.type('Nurse visits on Monday.');
  await expectSaved(alice.page);

  const toggle = bob.page.getByRole('button', { name: 'Suggest changes' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  // Formatting cannot be suggested, so its buttons go while suggesting.
  await expect(bob.page.getByRole('button', { name: 'Bold' })).toHaveCount(0);
  await editorOf(bob.page).getByText('Nurse visits on Monday.').click();
  await bob.page.keyboard.press('End');
  await bob.page.keyboard.press('ArrowLeft');
  await bob.page.keyboard.type(' and Thursday');
  await expect(editorOf(alice.page).locator('ins.suggestion')).toHaveText(' and Thursday');
  await expect(editorOf(alice.page).locator('[title^="Insertion suggested by Bob Roy · "]')).toHaveText(' and Thursday');

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await bob.page.keyboard.type('!');
  await expect(editorOf(alice.page).locator('p')).toContainText('Thursday!');
  expect(await documentText(alice.page)).toEqual(['Nurse visits on Monday and Thursday!.']);
  await expect(editorOf(alice.page).locator('ins.suggestion')).toHaveText(' and Thursday');
  await expectNoAxeViolations(bob.page, 'document while suggesting');
});
