import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests against the real server (started per test by e2e/fixtures) and the built
 * client (dist/client, built by scripts/e2e.mjs). Playwright cannot download browsers here, so
 * Debian's chromium is used.
 */
export default defineConfig({
  testDir: './e2e/tests',
  outputDir: './test-results/e2e',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: './test-results/e2e-results.json' }]],
  use: {
    browserName: 'chromium',
    locale: 'en-US',
    viewport: { width: 1280, height: 860 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
