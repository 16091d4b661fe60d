import { createDocument, documentText, editorOf, expect, expectSaved, setUpAccount, signInByApi, test } from '../fixtures/test';

test('two people type in the same document at once, see each other’s text and caret, and a reload keeps it', async ({
  alice,
  bob,
  baseURL,
}) => {
  // Invitations do not exist yet, so bob signs in with the same account in his own browser.
  await setUpAccount(alice, baseURL!);
  const documentId = await createDocument(alice, baseURL!, 'Shared care plan');
  await signInByApi(bob, baseURL!);

  await Promise.all([alice.page.goto(`/d/${documentId}`), bob.page.goto(`/d/${documentId}`)]);
  await Promise.all([expectSaved(alice.page), expectSaved(bob.page)]);

  const aliceEditor = editorOf(alice.page);
  const bobEditor = editorOf(bob.page);
  await aliceEditor.click();
  await alice.page.keyboard.type('Goal in my own words: walk to the market.');
  await expect(bobEditor).toContainText('walk to the market');

  // Both type at the same time: bob in a new paragraph at the end, alice at her caret.
  await bobEditor.click();
  await bob.page.keyboard.press('ControlOrMeta+End');
  await bob.page.keyboard.press('Enter');
  await Promise.all([
    bob.page.keyboard.type('Support: a peer supporter on Tuesdays.'),
    alice.page.keyboard.type(' Every week.'),
  ]);

  for (const editor of [aliceEditor, bobEditor]) {
    await expect(editor).toContainText('Every week.');
    await expect(editor).toContainText('Support: a peer supporter on Tuesdays.');
  }
  await expect(async () => expect(await documentText(alice.page)).toEqual(await documentText(bob.page))).toPass();

  // Each sees the other's caret, labelled with the name (the server stamps the identity).
  await expect(alice.page.locator('.collaboration-carets__label')).toHaveText('Alice Martin');
  await expect(bob.page.locator('.collaboration-carets__label')).toHaveText('Alice Martin');
  await expect(alice.page.getByRole('region', { name: 'Who is here' })).toContainText('Alice Martin');

  await Promise.all([expectSaved(alice.page), expectSaved(bob.page)]);
  await alice.page.reload();
  await expect(editorOf(alice.page)).toContainText('walk to the market. Every week.');
  await expect(editorOf(alice.page)).toContainText('Support: a peer supporter on Tuesdays.');
  await expectSaved(alice.page);

  // The text is on the server, not only in alice's browser: a fresh browser sees it too.
  const fresh = await bob.context.browser()!.newContext({ baseURL: baseURL!, locale: 'en-US' });
  try {
    const carol = { name: 'carol', context: fresh, page: await fresh.newPage() };
    await signInByApi(carol, baseURL!);
    await carol.page.goto(`/d/${documentId}`);
    await expect(editorOf(carol.page)).toContainText('Support: a peer supporter on Tuesdays.');
  } finally {
    await fresh.close();
  }
});
