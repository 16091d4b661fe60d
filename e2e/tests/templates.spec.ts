import type { Page } from '@playwright/test';
import { editorOf, expect, expectNoAxeViolations, expectSaved, setUpAccount, signInByApi, test, updateProfile, type Actor } from '../fixtures/test';

const CARE_TRAJECTORY_FR = 'Trajectoire de soins et de services autour d’un projet de vie';
const HEADINGS_FR = ['Mon projet de vie, dans mes mots', 'Ce qui compte pour moi', 'Forces et ressources', 'Objectifs', 'Plan de crise et de prévention de la rechute'];
const OWN_WORDS = 'Aller au marché toute seule.';
const REFORMULATION = 'Retrouver son autonomie pour des sorties de 500 m.';
const ACTION = 'Marcher 200 m deux fois par semaine.';

async function createWorkspace(actor: Actor, baseURL: string, name: string): Promise<string> {
  const response = await actor.context.request.post('/api/workspaces', {
    data: { name, purpose: 'care-trajectory' },
    headers: { Origin: new URL(baseURL).origin },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

function goals(page: Page) {
  return editorOf(page).locator('.goal');
}

/** The editable text of one voice of the first goal ("Dans mes mots" or "Reformulation partagée"). */
function voiceText(page: Page, voice: 'own-words' | 'reformulation') {
  return goals(page).first().locator(`.goal__voice--${voice} .goal__voice-text`);
}

/** A voice's text as a reader sees it, without other people's caret labels. */
async function expectVoice(page: Page, voice: 'own-words' | 'reformulation', expected: string): Promise<void> {
  const read = () =>
    voiceText(page, voice).evaluate((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
      return copy.textContent ?? '';
    });
  await expect.poll(read).toBe(expected);
}

test('creates a care trajectory from the French template; its goal block survives reloads and other browsers, and exports both voices', async ({
  alice,
  bob,
  baseURL,
}) => {
  await setUpAccount(alice, baseURL!);
  await updateProfile(alice, baseURL!, { language: 'fr' });
  const workspaceId = await createWorkspace(alice, baseURL!, 'Plan de Marie');
  const { page } = alice;

  await page.goto(`/w/${workspaceId}`);
  const templates = page.getByRole('group', { name: 'Quel genre de document ?' });
  await expect(templates.getByRole('radio', { name: 'Document vierge' })).toBeChecked();
  await expect(templates).toContainText('Un plan de soins partagé, construit autour de ce qui compte pour la personne');
  await expectNoAxeViolations(page, 'workspace with the new-document form');

  await page.getByLabel('Titre du nouveau document').fill('Trajectoire de Marie');
  await templates.getByRole('radio', { name: CARE_TRAJECTORY_FR }).check();
  await page.getByRole('button', { name: 'Créer et ouvrir' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Trajectoire de Marie' })).toBeVisible();
  const documentId = new URL(page.url()).pathname.split('/').pop()!;

  for (const heading of HEADINGS_FR) await expect(editorOf(page).locator('h2', { hasText: heading })).toBeVisible();
  await expect(goals(page)).toHaveCount(1);
  await expect(goals(page).first()).toContainText('Dans mes mots');
  await expect(goals(page).first()).toContainText('Reformulation partagée');
  await expect(page.getByLabel('Statut')).toHaveValue('proposed');
  await expectSaved(page);

  // Opening the document must not delete the block: a reload and a second browser still have it.
  await page.reload();
  await expect(goals(page)).toHaveCount(1);
  await expectSaved(page);
  await signInByApi(bob, baseURL!);
  await bob.page.goto(`/d/${documentId}`);
  await expect(goals(bob.page)).toHaveCount(1);
  await expectSaved(bob.page);
  await expect(goals(page)).toHaveCount(1);

  // Both voices and the status are ordinary shared content: the other browser sees them live.
  await voiceText(page, 'own-words').click();
  await page.keyboard.type(OWN_WORDS);
  await voiceText(page, 'reformulation').click();
  await page.keyboard.type(REFORMULATION);
  await page.getByLabel('Statut').selectOption({ label: 'Actif' });
  await expectVoice(bob.page, 'own-words', OWN_WORDS);
  await expectVoice(bob.page, 'reformulation', REFORMULATION);
  await expect(bob.page.getByLabel('Statut')).toHaveValue('active');
  await Promise.all([expectSaved(page), expectSaved(bob.page)]);
  await expectNoAxeViolations(page, 'document with a goal block');

  // A linked action: the template's example is there, and one more is added from the keyboard.
  const actions = goals(page).first().locator('.goal__action');
  await expect(actions).toHaveCount(1);
  await page.getByRole('button', { name: 'Ajouter une action' }).focus();
  await page.keyboard.press('Enter');
  await expect(actions).toHaveCount(2);
  // The caret is in the new action's description.
  await page.keyboard.type(ACTION);
  await expect(actions.nth(1).locator('.goal__action-text')).toHaveText(ACTION);
  await actions.nth(1).getByLabel('Qui', { exact: true }).fill('Dre Roy, physiothérapeute');
  await actions.nth(1).getByLabel('Pour quand', { exact: true }).fill('2026-05-15');
  await actions.nth(1).getByLabel('Avec quel soutien', { exact: true }).fill('Marchette');
  // The empty example is removed, after a confirmation.
  await actions.first().getByRole('button', { name: 'Retirer cette action' }).click();
  await page.getByRole('dialog', { name: 'Retirer cette action ?' }).getByRole('button', { name: 'Retirer l’action' }).click();
  await expect(actions).toHaveCount(1);
  await expect(goals(bob.page).first().locator('.goal__action')).toHaveCount(1);
  await expect(goals(bob.page).first().locator('.goal__action').getByLabel('Qui', { exact: true })).toHaveValue('Dre Roy, physiothérapeute');
  await Promise.all([expectSaved(page), expectSaved(bob.page)]);

  const fhir = await page.request.get(`/api/documents/${documentId}/export?format=fhir&lang=fr`);
  expect(fhir.status(), await fhir.text()).toBe(200);
  const bundle = (await fhir.json()) as { entry: Array<{ fullUrl: string; resource: Record<string, unknown> }> };
  const goal = bundle.entry.find((e) => e.resource.resourceType === 'Goal');
  expect(goal?.resource).toMatchObject({ lifecycleStatus: 'active', description: { text: OWN_WORDS } });
  const plan = bundle.entry.find((e) => e.resource.resourceType === 'CarePlan')?.resource as { activity?: unknown[] } | undefined;
  expect(plan?.activity).toEqual([
    expect.objectContaining({
      detail: {
        goal: [{ reference: goal!.fullUrl }],
        status: 'in-progress',
        scheduledString: '2026-05-15',
        performer: [{ display: 'Dre Roy, physiothérapeute' }],
        description: `${ACTION}\nSoutien\u00a0: Marchette`,
      },
    }),
  ]);

  const markdown = await page.request.get(`/api/documents/${documentId}/export?format=markdown&lang=fr`);
  expect(markdown.status()).toBe(200);
  const text = await markdown.text();
  expect(text).toContain('Mon projet de vie, dans mes mots');
  expect(text).toContain(OWN_WORDS);
  expect(text).toContain(REFORMULATION);
  expect(text).toMatch(/Statut\s?:\s?actif/);

  // The export menu: Markdown downloads, the print view opens in a tab, FHIR is offered here.
  await page.getByRole('button', { name: 'Exporter' }).click();
  const exports = page.getByRole('list', { name: 'Exporter ce document' });
  await expect(exports.getByRole('link', { name: /FHIR R4/ })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), exports.getByRole('link', { name: /Markdown/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^trajectoire-de-marie-.*\.md$/);
  await page.getByRole('button', { name: 'Exporter' }).click();
  const [printView] = await Promise.all([page.context().waitForEvent('page'), exports.getByRole('link', { name: /Imprimer/ }).click()]);
  await expect(printView.locator('body')).toContainText(REFORMULATION);
  await printView.close();

  await page.reload();
  await expectVoice(page, 'own-words', OWN_WORDS);
  await expect(page.getByLabel('Statut')).toHaveValue('active');
});

test('adds a goal from the toolbar, records who expressed it and when, and offers no FHIR export outside care trajectories', async ({
  alice,
  baseURL,
}) => {
  await setUpAccount(alice, baseURL!);
  const workspaceId = await createWorkspace(alice, baseURL!, 'Care plan of Marie');
  const { page } = alice;
  await page.goto(`/w/${workspaceId}`);
  await page.getByLabel('Title of the new document').fill('Notes');
  await page.getByRole('button', { name: 'Create and open' }).click();
  await expectSaved(page);

  await editorOf(page).click();
  await page.keyboard.type('Before the goal.');
  await page.getByRole('button', { name: 'Add a goal' }).click();
  await expect(goals(page)).toHaveCount(1);
  // The caret lands in "In my own words".
  await page.keyboard.type('Walk to the market.');
  await expect(voiceText(page, 'own-words')).toHaveText('Walk to the market.');
  // The member picker lists the workspace's people by name and role.
  const expressedBy = page.getByLabel('Expressed by');
  const aliceOption = expressedBy.locator('option', { hasText: 'Alice Martin' });
  await expect(aliceOption).toHaveCount(1);
  await expressedBy.selectOption((await aliceOption.getAttribute('value'))!);
  await page.getByLabel('Target date').fill('2026-06-30');
  await expectSaved(page);

  await page.reload();
  await expect(goals(page)).toHaveCount(1);
  await expect(page.getByLabel('Target date')).toHaveValue('2026-06-30');
  await expect(page.getByLabel('Expressed by').locator('option:checked')).toContainText('Alice Martin');
  await expect(editorOf(page).locator('p').first()).toHaveText('Before the goal.');

  await page.getByRole('button', { name: 'Export' }).click();
  const exports = page.getByRole('list', { name: 'Export this document' });
  await expect(exports.getByRole('link', { name: /Markdown/ })).toBeVisible();
  await expect(exports.getByRole('link', { name: /FHIR/ })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Export' })).toBeFocused();
  await expect(exports).toBeHidden();
});

test('a viewer reads the goal’s facts in words, with no controls to change them', async ({ alice, bob, baseURL }) => {
  await setUpAccount(alice, baseURL!);
  const headers = { Origin: new URL(baseURL!).origin };
  const workspaceId = await createWorkspace(alice, baseURL!, 'Care plan of Marie');
  const created = await alice.context.request.post(`/api/workspaces/${workspaceId}/documents`, {
    data: { title: 'Marie’s care trajectory', template: 'care-trajectory', language: 'en' },
    headers,
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id: documentId } = (await created.json()) as { id: string };
  const invitation = await alice.context.request.post(`/api/workspaces/${workspaceId}/invitations`, {
    data: { role: 'manager', permission: 'viewer' },
    headers,
  });
  const { token } = (await invitation.json()) as { token: string };
  const joined = await bob.context.request.post(`/api/invitations/${token}/accept`, { data: { displayName: 'Bob Tremblay' }, headers });
  expect(joined.status(), await joined.text()).toBe(201);

  await alice.page.goto(`/d/${documentId}`);
  await alice.page.getByLabel('Status').selectOption({ label: 'Achieved' });
  await alice.page.getByLabel('Target date').fill('2026-06-30');
  await expectSaved(alice.page);

  await bob.page.goto(`/d/${documentId}`);
  const goal = goals(bob.page).first();
  await expect(goal).toContainText('Status');
  await expect(goal.locator('.goal__status')).toHaveText('Achieved');
  await expect(goal).toContainText('June 30, 2026');
  await expect(goal).toContainText('Not chosen yet');
  await expect(goal.getByRole('combobox')).toHaveCount(0);
  await expect(bob.page.getByRole('button', { name: 'Add a goal' })).toHaveCount(0);
  await expectNoAxeViolations(bob.page, 'read-only document with a goal block');
});
