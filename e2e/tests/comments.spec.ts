import type { Page } from '@playwright/test';
import { inviteByApi, openDocumentIn, openTab, setUpCareTeam, sidePanel } from '../fixtures/people';
import { createWorkspaceAndDocument, editorOf, expect, expectNoAxeViolations, expectSaved, setUpAccount, test } from '../fixtures/test';

const PASSAGE = 'Marie comes home on Friday with a nurse visiting every morning.';

function thread(page: Page) {
  return sidePanel(page).getByRole('article', { name: `About “${PASSAGE}”` });
}

function round(page: Page) {
  return sidePanel(page).getByRole('article', { name: 'Reread before discharge' });
}

test('a patient partner comments on a passage and mentions the manager, who sees it live and on Home, replies and resolves it', async ({
  alice,
  bob,
  carol,
  baseURL,
}) => {
  test.setTimeout(120_000); // three browsers on a small machine
  const { documentId } = await setUpCareTeam(alice, bob, carol, baseURL!);

  await openDocumentIn(documentId, bob.page, carol.page);
  await editorOf(bob.page).click();
  await bob.page.keyboard.type(PASSAGE);
  await expectSaved(bob.page);
  const bobComments = await openTab(bob.page, 'Comments');
  await expect(bobComments).toContainText('No comments yet.');

  // Carol (commenter: her text box is read-only) selects the sentence and comments on it.
  await expect(editorOf(carol.page)).toContainText(PASSAGE);
  await editorOf(carol.page).getByText(PASSAGE).click({ clickCount: 3 });
  await carol.page.getByRole('button', { name: 'Comment on this passage' }).click();
  const form = sidePanel(carol.page).getByRole('form', { name: 'Comment on this passage' });
  await expect(form.getByLabel('Your comment')).toBeFocused();
  await expect(form).toContainText(PASSAGE);
  // An empty comment is refused by the client first.
  await form.getByRole('button', { name: 'Post the comment' }).click();
  await expect(form.getByText('Please write your comment.')).toBeVisible();
  await form.getByLabel('Your comment').fill('Who comes on weekends? I cannot do the dressings alone.');
  await form.getByText('Mention members (they will be notified)').click();
  await form.getByRole('checkbox', { name: 'Bob Roy' }).check();
  await expect(form.getByText('Mentioning: Bob Roy')).toBeVisible();
  await form.getByRole('button', { name: 'Post the comment' }).click();
  await expect(thread(carol.page)).toContainText('Who comes on weekends?');

  // Bob sees the thread live, with Carol's perspective, and the passage highlighted in his text.
  await expect(thread(bob.page)).toContainText('Who comes on weekends? I cannot do the dressings alone.');
  await expect(thread(bob.page)).toContainText('Carol Martin');
  await expect(thread(bob.page)).toContainText('Experiential knowledge');
  await expect(thread(bob.page)).toContainText('Mentions: Bob Roy');
  await expect(editorOf(bob.page).locator('.comment-anchor')).toHaveText(PASSAGE);
  await thread(bob.page).getByRole('button', { name: 'Show the passage in the text' }).click();
  await expect(editorOf(bob.page).locator('.comment-anchor--active')).toHaveText(PASSAGE);
  await expectNoAxeViolations(bob.page, 'document with the Comments tab');

  // Bob's home screen, in another tab, shows the mention as new (he has not been back since).
  const bobHome = await bob.context.newPage();
  await bobHome.goto('/');
  const mentions = bobHome.getByRole('list', { name: 'Comments that mention you' });
  await expect(mentions.getByRole('listitem')).toHaveCount(1);
  await expect(mentions.getByRole('listitem')).toContainText('New');
  await expect(mentions.getByRole('listitem')).toContainText('Carol Martin mentioned you');
  await expect(mentions.getByRole('listitem')).toContainText('Who comes on weekends?');
  await expect(mentions.getByRole('link', { name: 'Return home plan' })).toHaveAttribute('href', new RegExp(`^/d/${documentId}\\?thread=`));
  await expectNoAxeViolations(bobHome, 'home with notifications');
  // The link leads to the thread: the Comments tab opens with it in focus.
  await mentions.getByRole('link', { name: 'Return home plan' }).click();
  await expect(sidePanel(bobHome).getByRole('tab', { name: 'Comments', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(thread(bobHome)).toHaveAttribute('data-status', 'open');
  await expect(thread(bobHome)).toHaveClass(/thread--active/);
  await expect(editorOf(bobHome).locator('.comment-anchor--active')).toHaveText(PASSAGE);
  await bobHome.close();

  // Carol rewords her comment; only she is offered to, and Bob sees the new text, marked edited.
  await expect(thread(bob.page).getByRole('button', { name: 'Edit my comment' })).toHaveCount(0);
  await thread(carol.page).getByRole('button', { name: 'Edit my comment' }).click();
  const edit = thread(carol.page).getByRole('form', { name: 'Edit my comment' });
  await edit.getByLabel('Your comment').fill('Who comes on weekends? I cannot change the dressings alone.');
  await edit.getByRole('button', { name: 'Save the change' }).click();
  await expect(thread(bob.page)).toContainText('I cannot change the dressings alone.');
  await expect(thread(bob.page)).toContainText('edited');

  // Bob replies, then resolves the thread; Carol sees both live.
  await thread(bob.page).getByRole('button', { name: 'Reply' }).click();
  const reply = thread(bob.page).getByRole('form', { name: 'Reply to this thread' });
  await reply.getByLabel('Your reply').fill('A nurse comes on weekends too; I will add it.');
  await reply.getByRole('button', { name: 'Post the reply' }).click();
  await expect(thread(carol.page)).toContainText('A nurse comes on weekends too; I will add it.');
  await expect(thread(carol.page).getByRole('list', { name: '2 comments in this thread' })).toBeVisible();
  await thread(bob.page).getByRole('button', { name: 'Resolve' }).click();

  // Resolved threads leave the open list but stay under "Resolved", with who resolved them.
  await expect(thread(carol.page)).toHaveCount(0);
  await expect(editorOf(carol.page).locator('.comment-anchor')).toHaveCount(0);
  const carolPanel = sidePanel(carol.page);
  await carolPanel.getByLabel('Threads', { exact: true }).selectOption({ label: 'Resolved (1)' });
  await expect(thread(carol.page)).toContainText('Resolved by Bob Roy');
  await expect(thread(carol.page)).toContainText('Status: Resolved');
  await expect(thread(carol.page).getByRole('button', { name: 'Reply' })).toHaveCount(0);
  // Filters combine: Bob (professional knowledge) wrote in this thread, no one from facilitation did.
  await carolPanel.getByLabel('Written by', { exact: true }).selectOption({ label: 'Professional knowledge' });
  await expect(thread(carol.page)).toBeVisible();
  await carolPanel.getByLabel('Written by', { exact: true }).selectOption({ label: 'Facilitation' });
  await expect(thread(carol.page)).toHaveCount(0);
  await expect(carolPanel).toContainText('No thread matches these choices.');
  await carolPanel.getByLabel('Written by', { exact: true }).selectOption({ label: 'Every perspective' });
  await carolPanel.getByLabel('Only threads I wrote in or am mentioned in').check();
  await expect(thread(carol.page)).toBeVisible();
  // Carol started the thread, so she may reopen it.
  await expect(thread(carol.page).getByRole('button', { name: 'Reopen' })).toBeVisible();
  await expectNoAxeViolations(carol.page, 'document with resolved comments');
});

test('an owner opens a review round, reviewers comment and mark their review done, and the owner closes it', async ({
  alice,
  bob,
  carol,
  baseURL,
}) => {
  test.setTimeout(120_000); // three browsers on a small machine
  const { documentId } = await setUpCareTeam(alice, bob, carol, baseURL!);

  await openDocumentIn(documentId, alice.page, bob.page, carol.page);
  await editorOf(alice.page).click();
  await alice.page.keyboard.type(PASSAGE);
  await expectSaved(alice.page);

  // Only owners are offered to open a round.
  await openTab(bob.page, 'Review');
  await expect(sidePanel(bob.page).getByRole('heading', { name: 'Review rounds' })).toBeVisible();
  await expect(sidePanel(bob.page).getByRole('button', { name: 'Ask for a review' })).toHaveCount(0);
  await openTab(carol.page, 'Review');

  await openTab(alice.page, 'Review');
  await sidePanel(alice.page).getByRole('button', { name: 'Ask for a review' }).click();
  const open = sidePanel(alice.page).getByRole('form', { name: 'Ask for a review' });
  await open.getByRole('button', { name: 'Ask for this review' }).click();
  await expect(open.getByText('Please give the round a title.')).toBeVisible();
  await expect(open.getByText('Choose at least one person to review.')).toBeVisible();
  await open.getByLabel('Title', { exact: true }).fill('Reread before discharge');
  await open.getByRole('checkbox', { name: 'Bob Roy' }).check();
  await open.getByRole('checkbox', { name: 'Carol Martin' }).check();
  await open.getByLabel('To review by (optional)').fill('2026-12-15');
  await open.getByLabel('Questions for the reviewers (optional)').fill('Is the plan clear?\nWhat is missing for weekends?');
  await open.getByRole('button', { name: 'Ask for this review' }).click();
  await expect(round(alice.page)).toContainText('Reviews done: 0 of 2');
  await expect(round(alice.page)).toContainText('What is missing for weekends?');
  await expectNoAxeViolations(alice.page, 'document with the Review tab');

  // The reviewers see the request live; Bob comments from the toolbar on a passage he selects.
  await expect(round(carol.page)).toContainText('You are asked to review this document.');
  await expect(round(bob.page)).toContainText('You are asked to review this document.');
  const carolHome = await carol.context.newPage();
  await carolHome.goto('/');
  const asked = carolHome.getByRole('list', { name: 'Reviews asked of you' });
  await expect(asked).toContainText('Alice Martin asks you to review: “Reread before discharge”. By December 15, 2026.');
  await expect(asked.getByRole('link', { name: 'Return home plan' })).toHaveAttribute('href', `/d/${documentId}`);
  await carolHome.close();
  await editorOf(bob.page).getByText(PASSAGE).click({ clickCount: 3 });
  await bob.page.getByRole('toolbar', { name: 'Text formatting' }).getByRole('button', { name: 'Comment' }).click();
  const bobForm = sidePanel(bob.page).getByRole('form', { name: 'Comment on this passage' });
  await bobForm.getByLabel('Your comment').fill('Add the weekend nurse.');
  await bobForm.getByRole('button', { name: 'Post the comment' }).click();
  await expect(thread(bob.page)).toContainText('Add the weekend nurse.');

  await openTab(bob.page, 'Review');
  const bobDone = round(bob.page).getByRole('form', { name: 'My review is done' });
  await bobDone.getByRole('button', { name: 'Mark my review done' }).click();
  await expect(round(bob.page)).toContainText('You marked your review done. Thank you.');
  await expect(round(alice.page)).toContainText('Reviews done: 1 of 2');

  const carolDone = round(carol.page).getByRole('form', { name: 'My review is done' });
  await carolDone.getByLabel('A word for the person who asked (optional)').fill('Clear for me.');
  await carolDone.getByRole('button', { name: 'Mark my review done' }).click();

  // The owner sees who is done, live, then closes the round; it stays listed as a record.
  await expect(round(alice.page)).toContainText('Reviews done: 2 of 2');
  const reviewers = round(alice.page).getByRole('list', { name: 'Reviewers and where they are' });
  await expect(reviewers.getByRole('listitem').filter({ hasText: 'Carol Martin' })).toContainText('Done');
  await expect(reviewers.getByRole('listitem').filter({ hasText: 'Carol Martin' })).toContainText('Clear for me.');
  await round(alice.page).getByRole('button', { name: 'Close the round' }).click();
  const close = round(alice.page).getByRole('form', { name: 'Close the round' });
  await close.getByLabel('Summary of the round (optional)').fill('Weekend nurse added.');
  await close.getByRole('button', { name: 'Close this round' }).click();

  for (const page of [alice.page, bob.page, carol.page]) {
    const closed = sidePanel(page).getByRole('list', { name: 'Closed review rounds' });
    await expect(closed.getByRole('article', { name: 'Reread before discharge' })).toContainText('Closed by Alice Martin');
    await expect(closed).toContainText('Summary: Weekend nurse added.');
  }
  await round(carol.page).getByText('1 comment written during this round').click();
  await expect(round(carol.page)).toContainText('Add the weekend nurse.');
  await expect(round(carol.page).getByRole('form')).toHaveCount(0);
  await expectNoAxeViolations(carol.page, 'document with a closed review round');
});

test('a viewer reads the comments, resolved ones included, but is offered no way to write or resolve them', async ({ alice, bob, carol, baseURL }) => {
  await setUpAccount(alice, baseURL!);
  const { workspaceId, documentId } = await createWorkspaceAndDocument(alice, baseURL!, 'Return home plan');
  await inviteByApi(alice, bob, baseURL!, workspaceId, { role: 'citizen', permission: 'viewer', displayName: 'Dana Lee' });
  await inviteByApi(alice, carol, baseURL!, workspaceId, { role: 'person', permission: 'commenter', displayName: 'Carol Martin' });
  const headers = { Origin: new URL(baseURL!).origin };
  const posted = await carol.context.request.post(`/api/documents/${documentId}/comments`, { data: { body: 'Please add the pharmacy hours.' }, headers });
  expect(posted.status(), await posted.text()).toBe(201);
  const { id } = (await posted.json()) as { id: string };
  const resolved = await alice.context.request.post(`/api/comments/${id}/resolve`, { headers });
  expect(resolved.status(), await resolved.text()).toBe(200);
  const refused = await bob.context.request.post(`/api/documents/${documentId}/comments`, { data: { body: 'Me too.' }, headers });
  expect(refused.status()).toBe(403);

  await bob.page.goto(`/d/${documentId}`);
  const panel = await openTab(bob.page, 'Comments');
  await expect(panel).toContainText('As a viewer, you cannot write any.');
  await expect(panel.getByRole('button', { name: 'New comment' })).toHaveCount(0);
  await sidePanel(bob.page).getByLabel('Threads', { exact: true }).selectOption({ label: 'Resolved (1)' });
  const resolvedThread = sidePanel(bob.page).getByRole('article', { name: 'About the whole document' });
  await expect(resolvedThread).toContainText('Please add the pharmacy hours.');
  await expect(resolvedThread).toContainText('Resolved by Alice Martin');
  await expect(resolvedThread.getByRole('button')).toHaveCount(0);
  await expectNoAxeViolations(bob.page, 'document with comments, as a viewer');
});
