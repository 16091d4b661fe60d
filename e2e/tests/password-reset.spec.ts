/**
 * "Forgot your password?" with a real mail server (smtp-server in the test process): asked for
 * on the sign-in screen, the emailed link opens "Choose a new password", which signs the person
 * in; the new password works, and the link works once.
 */
import { freePort, startTestSmtp, type TestSmtp } from '../../server/test/smtpHelpers';
import { startServer } from '../fixtures/server';
import { ACCOUNT, expect, expectNoAxeViolations, setUpAccount, test as base } from '../fixtures/test';

const test = base.extend<{ smtp: TestSmtp }>({
  // eslint-disable-next-line no-empty-pattern
  smtp: async ({}, use) => {
    const smtp = await startTestSmtp();
    await use(smtp);
    await smtp.close();
  },
  server: async ({ smtp }, use) => {
    const port = await freePort();
    const server = await startServer({
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_SECURITY: 'none',
      SMTP_FROM: 'Ensemble <no-reply@example.org>',
    });
    await use(server);
    await server.stop();
  },
});

test('a forgotten password is replaced through a link sent by email', async ({ alice, bob, smtp, baseURL }) => {
  await setUpAccount(alice, baseURL!);
  const { page } = bob;
  await page.goto('/signin');
  await page.getByLabel('Email address').fill(ACCOUNT.email);
  await page.getByRole('button', { name: 'Forgot your password?' }).click();
  const form = page.getByRole('form', { name: 'Get a link to choose a new password' });
  await expect(form.getByLabel('Email address')).toHaveValue(ACCOUNT.email);
  await expectNoAxeViolations(page, 'sign-in with “Forgot your password?”');
  await form.getByRole('button', { name: 'Send me a link' }).click();
  await expect(form.getByRole('status')).toContainText(`If an account uses ${ACCOUNT.email}, a message with a link is on its way.`);

  await expect.poll(() => smtp.mails.length).toBe(1);
  const link = /http\S+\/recover\/\S+/.exec(smtp.mails[0]!.text)?.[0];
  expect(link).toBeTruthy();
  await page.goto(link!);
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  await expectNoAxeViolations(page, 'choose a new password');
  await page.getByLabel('New password', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Save my new password' }).click();
  await expect(page.getByLabel('New password', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('New password', { exact: true }).fill('a completely new passphrase');
  await page.getByRole('button', { name: 'Save my new password' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your workspaces' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Signed in as Alice Martin');

  // The new password works; the link does not work twice.
  const login = await bob.context.request.post('/api/login', {
    data: { email: ACCOUNT.email, password: 'a completely new passphrase' },
    headers: { Origin: new URL(baseURL!).origin },
  });
  expect(login.status()).toBe(200);
  await page.goto(link!);
  await page.getByLabel('New password', { exact: true }).fill('yet another passphrase');
  await page.getByRole('button', { name: 'Save my new password' }).click();
  await expect(page.getByRole('alert')).toContainText('This link no longer works');
});
