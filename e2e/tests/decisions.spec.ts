import type { Page } from '@playwright/test';
import { inviteByApi, openTab, sidePanel } from '../fixtures/people';
import { createWorkspaceAndDocument, editorOf, expect, expectNoAxeViolations, expectSaved, setUpAccount, test } from '../fixtures/test';

const TITLE = 'Go back to work half-time';

function decision(page: Page) {
  return sidePanel(page).getByRole('article', { name: TITLE });
}

async function takePosition(page: Page, stance: string, reason?: string) {
  const form = decision(page).getByRole('form', { name: 'Take a position' });
  await form.getByRole('radio', { name: stance, exact: true }).check();
  if (reason) await form.getByLabel(/Your reason/).fill(reason);
  await form.getByRole('button', { name: 'Save my position' }).click();
  await expect(decision(page).getByRole('status').filter({ hasText: 'Your position is recorded' })).toBeVisible();
}

test('three people take positions on a decision about a passage, one disagrees with a reason, and everyone sees the outcome live', async ({
  alice,
  bob,
  carol,
  baseURL,
}) => {
  await setUpAccount(alice, baseURL!);
  const { workspaceId, documentId } = await createWorkspaceAndDocument(alice, baseURL!, 'Shared care plan');
  await inviteByApi(alice, bob, baseURL!, workspaceId, { role: 'clinician', permission: 'editor', displayName: 'Dr Bob Roy' });
  await inviteByApi(alice, carol, baseURL!, workspaceId, { role: 'caregiver', permission: 'commenter', displayName: 'Carol Martin' });

  await Promise.all([alice, bob, carol].map((actor) => actor.page.goto(`/d/${documentId}`)));
  await Promise.all([expectSaved(alice.page), expectSaved(bob.page), expectSaved(carol.page)]);

  // Alice writes a sentence, selects it and proposes a decision about it.
  await editorOf(alice.page).click();
  await alice.page.keyboard.type('Marie goes back to work half-time in March.');
  await alice.page.keyboard.press('Shift+Home');
  await alice.page.getByRole('button', { name: 'Propose a decision about this passage' }).click();
  const propose = sidePanel(alice.page).getByRole('form', { name: 'Propose a decision about this passage' });
  await expect(propose.getByRole('heading', { name: 'Propose a decision about this passage' })).toBeFocused();
  await expect(propose.getByRole('checkbox', { name: 'Carol Martin' })).toBeChecked();
  await propose.getByLabel('Title', { exact: true }).fill(TITLE);
  await propose.getByLabel('Proposal', { exact: true }).fill('Marie goes back to work half-time from 3 March.');
  await propose.getByRole('button', { name: 'Add an option' }).click();
  await propose.getByLabel('Title of option 1').fill('Half-time in March');
  await propose.getByLabel('Benefits of option 1').fill('A gradual return');
  await propose.getByLabel('Risks of option 1').fill('Fatigue');
  await propose.getByRole('radio', { name: 'Partnership' }).check();
  await propose.getByRole('button', { name: 'Propose this decision' }).click();

  // Everyone sees it live, with who still has to answer.
  for (const page of [alice.page, bob.page, carol.page]) {
    await expect(decision(page)).toContainText('Consent (no major objection)');
    await expect(decision(page)).toContainText('Partnership');
    await expect(decision(page)).toContainText('Still to answer:');
  }
  await expectNoAxeViolations(alice.page, 'document with the Decisions tab');

  // Bob disagrees: the reason is required, first by the client.
  const bobForm = decision(bob.page).getByRole('form', { name: 'Take a position' });
  await bobForm.getByRole('radio', { name: 'Disagree', exact: true }).check();
  await bobForm.getByRole('button', { name: 'Save my position' }).click();
  await expect(bobForm.getByText('Please give your reason: say what worries you')).toBeVisible();
  await expect(bobForm.getByLabel('Your reason (required)')).toBeFocused();
  await takePosition(bob.page, 'Disagree', 'Check fatigue after one month first.');
  await takePosition(carol.page, 'Agree with reservations', 'Only mornings at first.');
  await takePosition(alice.page, 'Agree');

  const counts = decision(alice.page).getByRole('list', { name: 'Number of people per position' });
  await expect(counts.getByRole('listitem').filter({ hasText: 'Disagree' })).toHaveText(/Disagree\s*1/);
  await expect(counts.getByRole('listitem').filter({ hasText: 'Agree with reservations' })).toHaveText(/reservations\s*1/);
  const who = decision(alice.page).getByRole('list', { name: 'Who thinks what' });
  await expect(who.getByRole('listitem').filter({ hasText: 'Dr Bob Roy' })).toContainText('Professional knowledge');
  await expect(who.getByRole('listitem').filter({ hasText: 'Dr Bob Roy' })).toContainText('Check fatigue after one month first.');
  await expect(who.getByRole('listitem').filter({ hasText: 'Carol Martin' })).toContainText('Experiential knowledge');
  await expect(decision(alice.page)).not.toContainText('Still to answer:');

  // Only the owner (or a facilitator) records the outcome, after seeing the positions and the rule check.
  await expect(decision(bob.page).getByRole('button', { name: 'Record the outcome' })).toHaveCount(0);
  await decision(alice.page).getByRole('button', { name: 'Record the outcome' }).click();
  const outcome = decision(alice.page).getByRole('form', { name: 'Record the outcome' });
  await expect(outcome).toContainText('1 agree, 1 agree with reservations, 1 disagree');
  await expect(outcome).toContainText('Rule met: No one blocks.');
  await expect(outcome).toContainText('Dr Bob Roy: Disagree — “Check fatigue after one month first.”');
  await outcome.getByRole('radio', { name: 'Adopted' }).check();
  await outcome.getByLabel('What was decided').fill('Marie goes back half-time on 3 March, mornings only.');
  await outcome.getByLabel('Minority view (optional)').fill('Dr Roy would have checked fatigue first.');
  await outcome.getByRole('button', { name: 'Record this outcome' }).click();

  for (const page of [alice.page, bob.page, carol.page]) {
    await expect(decision(page)).toContainText('Status: Adopted');
    await expect(decision(page)).toContainText('Marie goes back half-time on 3 March, mornings only.');
    await expect(decision(page)).toContainText('Minority view: Dr Roy would have checked fatigue first.');
    await expect(decision(page).getByRole('form', { name: 'Take a position' })).toHaveCount(0);
  }
  await expect(sidePanel(carol.page).getByRole('list', { name: 'Closed decisions' })).toBeVisible();

  // The history keeps every entry; the chain verifies; the passage link selects the passage.
  await decision(bob.page).getByText('Full history (5)').click();
  await expect(decision(bob.page)).toContainText('Dr Bob Roy took a position: Disagree.');
  await expect(decision(bob.page)).toContainText('Alice Martin recorded the outcome: Adopted.');
  await expect(sidePanel(bob.page).getByRole('status').filter({ hasText: 'Log intact: its 5 entries are as they were written.' })).toBeVisible();
  await decision(bob.page).getByRole('button', { name: /About the passage “Marie goes back to work half-time in March\.”/ }).click();
  await expect.poll(() => bob.page.evaluate(() => window.getSelection()?.toString())).toBe('Marie goes back to work half-time in March.');
  await expect(sidePanel(bob.page).getByRole('link', { name: 'Download as CSV (spreadsheet)' })).toHaveAttribute('href', /format=csv&download=1/);

  await openTab(alice.page, 'History');
  await expect(sidePanel(alice.page).getByRole('list', { name: 'Sessions of work, most recent first' })).toContainText('Alice Martin');
  await expectNoAxeViolations(alice.page, 'document with the History tab');
  await openTab(alice.page, 'Contributions');
  await expect(sidePanel(alice.page).getByRole('list', { name: 'Share of the current text, per person' })).toContainText('Alice Martin');
  await expectNoAxeViolations(alice.page, 'document with the Contributions tab');

  // The tabs follow the WAI-ARIA pattern: arrow keys move between them (and wrap around).
  await sidePanel(alice.page).getByRole('tab', { name: 'Contributions' }).focus();
  await alice.page.keyboard.press('ArrowRight');
  await expect(sidePanel(alice.page).getByRole('tab', { name: 'Decisions' })).toBeFocused();
  await expect(sidePanel(alice.page).getByRole('tab', { name: 'Decisions' })).toHaveAttribute('aria-selected', 'true');
  await expect(decision(alice.page)).toBeVisible();
});
