import { ACCOUNT, expect, expectNoAxeViolations, setUpAccount, test } from '../fixtures/test';

test('switching to French changes the interface, is remembered after a reload and follows the account', async ({
  alice,
  bob,
  baseURL,
}) => {
  await setUpAccount(bob, baseURL!);
  const { page } = alice;

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // The switch works before signing in too.
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('button', { name: 'Français' })).toHaveAttribute('aria-pressed', 'true');

  await page.getByLabel('Adresse courriel').fill(ACCOUNT.email);
  await page.getByLabel('Mot de passe').fill('pas le bon mot de passe');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('alert')).toHaveText(/L’adresse courriel ou le mot de passe est incorrect/);
  await page.getByLabel('Mot de passe').fill(ACCOUNT.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vos espaces de travail' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
  await expect(page.getByLabel('À quoi servira-t-il ?')).toContainText('Trajectoire de soins et de services');
  await expectNoAxeViolations(page, 'home in French');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Vos espaces de travail' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

  // The choice is saved to the account: another browser (English) opens in French after sign-in.
  const other = await page.context().browser()!.newContext({ baseURL: baseURL!, locale: 'en-US' });
  try {
    const otherPage = await other.newPage();
    await otherPage.goto('/signin');
    await expect(otherPage.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await otherPage.getByLabel('Email address').fill(ACCOUNT.email);
    await otherPage.getByLabel('Password').fill(ACCOUNT.password);
    await otherPage.getByRole('button', { name: 'Sign in' }).click();
    await expect(otherPage.getByRole('heading', { level: 1, name: 'Vos espaces de travail' })).toBeVisible();

    // And back to English.
    await otherPage.getByRole('button', { name: 'English' }).click();
    await expect(otherPage.getByRole('heading', { level: 1, name: 'Your workspaces' })).toBeVisible();
  } finally {
    await other.close();
  }
});
