#!/usr/bin/env node
/**
 * Runs the end-to-end tests: makes sure Debian's chromium is there (installing it when running
 * as root), builds the client, runs Playwright, prints a one-line summary and exits with its code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(command, args) {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', env: process.env });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

if (!existsSync(chromium)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`e2e: ${chromium} is missing. Install Debian's "chromium" package (sudo apt-get install chromium), or set CHROMIUM_PATH.`);
    process.exit(1);
  }
  console.log(`e2e: ${chromium} is missing; installing Debian's chromium package.`);
  if (run('apt-get', ['update']) !== 0 || run('apt-get', ['install', '-y', 'chromium']) !== 0 || !existsSync(chromium)) {
    console.error('e2e: could not install chromium with apt-get.');
    process.exit(1);
  }
}

// Always build: it takes a second or two and the tests must run against the current client.
if (run('npx', ['vite', 'build', '--logLevel', 'warn']) !== 0) {
  console.error('e2e: the client build failed.');
  process.exit(1);
}

const resultsFile = path.join(repoRoot, 'test-results', 'e2e-results.json');
rmSync(resultsFile, { force: true });
const status = run('npx', ['playwright', 'test', ...process.argv.slice(2)]);

if (existsSync(resultsFile)) {
  try {
    const { stats } = JSON.parse(readFileSync(resultsFile, 'utf8'));
    const failed = (stats.unexpected ?? 0) + (stats.flaky ?? 0);
    console.log(`e2e: ${stats.expected ?? 0} passed, ${failed} failed, ${stats.skipped ?? 0} skipped`);
    if (status === 0 && (stats.expected ?? 0) === 0) {
      console.error('e2e: no test ran.');
      process.exit(1);
    }
  } catch {
    // The summary is a convenience; Playwright's exit code decides.
  }
}
process.exit(status);
