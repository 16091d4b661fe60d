import type { Page } from '@playwright/test';
import {
  createWorkspaceAndDocument,
  editorOf,
  expect,
  expectNoAxeViolations,
  expectSaved,
  saveStatus,
  setUpAccount,
  test,
  updateProfile,
} from '../fixtures/test';

/** Creates an invitation from the People page; returns its link and short code, then closes the card. */
async function invite(page: Page, role: string, permission: string): Promise<{ url: string; code: string }> {
  const form = page.getByRole('form', { name: 'Invite someone' });
  await form.getByRole('radio', { name: role, exact: true }).check();
  await form.getByRole('radio', { name: permission, exact: true }).check();
  await form.getByRole('button', { name: 'Create the invitation' }).click();
  const card = page.getByRole('region', { name: 'Invitation ready' });
  await expect(card.getByRole('heading', { name: 'Invitation ready' })).toBeFocused();
  const url = await card.getByLabel('Invitation link').inputValue();
  const code = await card.locator('.invitation-code__text').innerText();
  return { url, code };
}

test('an owner invites a caregiver (editor) and a manager (viewer) who join with a name; the viewer only reads; the removed caregiver is disconnected', async ({
  alice,
  bob,
  carol,
  baseURL,
}) => {
  await setUpAccount(alice, baseURL!);
  const { workspaceId, documentId } = await createWorkspaceAndDocument(alice, baseURL!, 'Shared care plan');
  await alice.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });

  await alice.page.goto(`/w/${workspaceId}`);
  await alice.page.getByRole('navigation', { name: 'Parts of this workspace' }).getByRole('link', { name: 'People' }).click();
  const members = alice.page.getByRole('list', { name: 'Members of Care plan of Marie' });
  await expect(members.getByRole('listitem')).toHaveCount(1);
  await expectNoAxeViolations(alice.page, 'people');

  const caregiver = await invite(alice.page, 'Family caregiver', 'Editor');
  await alice.page.getByRole('button', { name: 'Copy the link' }).click();
  await expect(alice.page.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible();
  expect(await alice.page.evaluate(() => navigator.clipboard.readText())).toBe(caregiver.url);
  await expectNoAxeViolations(alice.page, 'people with a new invitation');
  await alice.page.getByRole('button', { name: 'Close' }).click();
  const manager = await invite(alice.page, 'Manager', 'Viewer');
  await expect(alice.page.getByRole('region', { name: 'Invitations in progress' }).getByRole('listitem')).toHaveCount(2);

  // Bob, the family caregiver, joins by link with only his name.
  await bob.page.goto(caregiver.url);
  await expect(bob.page.getByRole('heading', { level: 1, name: 'Join “Care plan of Marie”' })).toBeVisible();
  await expect(bob.page.getByText('Alice Martin invites you to take part in “Care plan of Marie” as family caregiver, with the editor permission.')).toBeVisible();
  await expectNoAxeViolations(bob.page, 'join');
  await bob.page.getByLabel('Your name').fill('Bob Tremblay');
  await bob.page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(bob.page.getByRole('heading', { level: 1, name: 'Care plan of Marie' })).toBeVisible();
  await bob.page.getByRole('link', { name: 'Shared care plan' }).click();

  // Carol, a manager, joins as a viewer.
  await carol.page.goto(manager.url);
  await carol.page.getByLabel('Your name').fill('Carol Nguyen');
  await carol.page.getByRole('button', { name: 'Join', exact: true }).click();
  await carol.page.getByRole('link', { name: 'Shared care plan' }).click();
  await expect(carol.page.getByText('You can read this document but not change it.')).toBeVisible();
  await expect(editorOf(carol.page)).toHaveAttribute('contenteditable', 'false');

  const aliceDocument = await alice.context.newPage();
  await aliceDocument.goto(`/d/${documentId}`);
  await Promise.all([expectSaved(aliceDocument), expectSaved(bob.page), expectSaved(carol.page)]);

  // The caregiver's typing reaches everyone; the viewer's keys change nothing.
  await editorOf(bob.page).click();
  await bob.page.keyboard.type('Bring the blood pressure diary on Monday.');
  await expect(editorOf(aliceDocument)).toContainText('blood pressure diary on Monday.');
  await expect(editorOf(carol.page)).toContainText('blood pressure diary on Monday.');
  await editorOf(carol.page).click();
  await carol.page.keyboard.type('Carol was here');
  await expectSaved(bob.page);
  await expect(editorOf(bob.page)).not.toContainText('Carol was here');
  await expect(editorOf(carol.page)).not.toContainText('Carol was here');

  // Alice removes Bob from the People page.
  await alice.page.reload();
  await expect(members.getByRole('listitem')).toHaveCount(3);
  await expect(members.getByRole('listitem').filter({ hasText: 'Carol Nguyen' })).toContainText('Professional knowledge');
  const bobRow = members.getByRole('listitem').filter({ hasText: 'Bob Tremblay' });
  await expect(bobRow).toContainText('Experiential knowledge');
  await bobRow.getByRole('button', { name: 'Remove Bob Tremblay' }).click();
  const removal = alice.page.getByRole('dialog', { name: 'Remove Bob Tremblay?' });
  await expect(removal.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectNoAxeViolations(alice.page, 'remove dialog');
  await removal.getByRole('button', { name: 'Remove Bob Tremblay' }).click();
  await expect(removal).toBeHidden();
  await expect(alice.page.getByRole('status').filter({ hasText: 'Bob Tremblay no longer has access to this workspace.' })).toBeVisible();
  await expect(members.getByRole('listitem')).toHaveCount(2);

  await expect(bob.page.getByRole('alert')).toContainText('Your access to this workspace has ended.');
  await expect(editorOf(bob.page)).toHaveAttribute('contenteditable', 'false');
  await expect(saveStatus(bob.page)).toHaveText('Not connected');

  // The viewer still sees live text.
  await editorOf(aliceDocument).click();
  await aliceDocument.keyboard.press('ControlOrMeta+End');
  await aliceDocument.keyboard.type(' Alice agrees.');
  await expect(editorOf(carol.page)).toContainText('Monday. Alice agrees.');

  // Carol becomes a commenter; the last owner cannot leave, and is told why.
  const carolRow = members.getByRole('listitem').filter({ hasText: 'Carol Nguyen' });
  await carolRow.getByLabel('Permission (Carol Nguyen)').selectOption({ label: 'Commenter' });
  await carolRow.getByRole('button', { name: 'Save (Carol Nguyen)' }).click();
  await expect(alice.page.getByRole('status').filter({ hasText: 'Carol Nguyen now takes part as manager, with the commenter permission.' })).toBeVisible();
  const leave = members.getByRole('listitem').filter({ hasText: 'Alice Martin' }).getByRole('button', { name: 'Leave this workspace' });
  await leave.click();
  const leaving = alice.page.getByRole('dialog', { name: 'Leave “Care plan of Marie”?' });
  await leaving.getByRole('button', { name: 'Leave the workspace' }).click();
  await expect(leaving.getByRole('alert')).toHaveText(/A workspace needs at least one owner. Make someone else an owner first./);
  await leaving.getByRole('button', { name: 'Cancel' }).click();
  await expect(leaving).toBeHidden();
  await expect(leave).toBeFocused();

  await alice.page.getByRole('link', { name: 'Activity' }).click();
  const events = alice.page.getByRole('list', { name: 'Events, most recent first' });
  await expect(events).toContainText('Alice Martin changed the permission of Carol Nguyen from viewer to commenter.');
  await expect(events).toContainText('Alice Martin removed Bob Tremblay from the workspace.');
  await expect(events).toContainText('Bob Tremblay joined as family caregiver, with the editor permission.');
  await expect(events).toContainText('Alice Martin created an invitation (role: manager; permission: viewer).');
  await expect(events).toContainText('Alice Martin created the workspace.');
  await expectNoAxeViolations(alice.page, 'activity');
});

test('a person joins with the short code in the inviter’s language, then adds a password and signs out everywhere', async ({ alice, bob, baseURL }) => {
  await setUpAccount(alice, baseURL!);
  await updateProfile(alice, baseURL!, { language: 'fr' });
  const { workspaceId } = await createWorkspaceAndDocument(alice, baseURL!, 'Plan partagé', { name: 'Plan de Marie', purpose: 'care-trajectory' });

  // In a care trajectory, the person receiving care is proposed as an owner.
  await alice.page.goto(`/w/${workspaceId}/people`);
  const form = alice.page.getByRole('form', { name: 'Inviter quelqu’un' });
  await form.getByRole('radio', { name: 'Personne accompagnée' }).check();
  await expect(form.getByRole('radio', { name: 'Propriétaire' })).toBeChecked();
  await expect(form).toContainText('nous proposons que la personne accompagnée soit propriétaire');
  await form.getByLabel('Nombre de personnes qui pourront l’utiliser').fill('1');
  await form.getByRole('button', { name: 'Créer l’invitation' }).click();
  const code = await alice.page.getByRole('region', { name: 'Invitation prête' }).locator('.invitation-code__text').innerText();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

  // Bob's browser is in English; he finds "Join with a code" on the sign-in screen.
  await bob.page.goto('/');
  await bob.page.getByRole('link', { name: 'Join with a code' }).click();
  await expect(bob.page.getByRole('heading', { level: 1, name: 'Join with a code' })).toBeVisible();
  await expectNoAxeViolations(bob.page, 'join with a code');
  await bob.page.getByLabel('Invitation code').fill('K7QM-3WX');
  await bob.page.getByRole('button', { name: 'Continue' }).click();
  await expect(bob.page.getByLabel('Invitation code')).toHaveAccessibleDescription(/A code has 8 letters and digits/);
  await bob.page.getByLabel('Invitation code').fill(code.toLowerCase().replace('-', ' '));
  await bob.page.getByRole('button', { name: 'Continue' }).click();

  await expect(bob.page.getByRole('heading', { level: 1, name: 'Rejoindre « Plan de Marie »' })).toBeVisible();
  await expect(bob.page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(bob.page.getByText('Alice Martin vous invite à participer à « Plan de Marie » comme personne accompagnée, avec la permission propriétaire.')).toBeVisible();
  await expectNoAxeViolations(bob.page, 'join in French');
  await bob.page.getByLabel('Votre nom').fill('Marie Dubois');
  await bob.page.getByRole('button', { name: 'Rejoindre', exact: true }).click();
  await expect(bob.page.getByRole('heading', { level: 1, name: 'Plan de Marie' })).toBeVisible();
  await expect(bob.page.getByText('avec la permission propriétaire')).toBeVisible();

  // The code allowed one person: it now gets a kind explanation, not a dead end.
  await bob.page.goto(`/join/${code}`);
  await expect(bob.page.getByRole('heading', { level: 1, name: 'Cette invitation ne peut pas être utilisée' })).toBeVisible();
  await expect(bob.page.getByRole('link', { name: 'Saisir plutôt un code' })).toBeVisible();

  await bob.page.getByRole('link', { name: 'Votre profil' }).click();
  await expect(bob.page.getByRole('heading', { level: 1, name: 'Votre profil' })).toBeVisible();
  await expectNoAxeViolations(bob.page, 'profile in French');
  await bob.page.getByRole('radio', { name: 'Vert' }).check();
  await bob.page.getByRole('radio', { name: 'English' }).check();
  await bob.page.getByRole('button', { name: 'Enregistrer mon profil' }).click();
  await expect(bob.page.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible();
  await expect(bob.page.getByRole('status').filter({ hasText: 'Your profile is saved.' })).toBeVisible();

  const credentials = bob.page.getByRole('form', { name: 'Add an email and password to sign in on another device' });
  await credentials.getByLabel('Email address').fill('marie@example.org');
  await credentials.getByLabel('New password').fill('marie walks to the market');
  await credentials.getByRole('button', { name: 'Save my sign-in details' }).click();
  await expect(bob.page.getByText('Done. You can now sign in with marie@example.org on any device.')).toBeVisible();
  await expect(bob.page.getByRole('heading', { level: 2, name: 'Your sign-in details' })).toBeVisible();
  await expectNoAxeViolations(bob.page, 'profile');

  await bob.page.getByRole('region', { name: 'Sign out everywhere' }).getByRole('button', { name: 'Sign out everywhere' }).click();
  const confirm = bob.page.getByRole('dialog', { name: 'Sign out on all your devices?' });
  await confirm.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(bob.page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(bob.page.getByRole('alert')).toContainText('Your sessions are closed on all your devices.');
  await bob.page.getByLabel('Email address').fill('marie@example.org');
  await bob.page.getByLabel('Password').fill('marie walks to the market');
  await bob.page.getByRole('button', { name: 'Sign in' }).click();
  // Back where the person was, with the email and password they added.
  await expect(bob.page.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible();
  await expect(bob.page.getByRole('banner')).toContainText('Signed in as Marie Dubois');
});
