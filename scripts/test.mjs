// `npm test`: type check, unit + integration tests (vitest), then end-to-end tests (Playwright).
// Stops at the first failing stage and exits non-zero.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './clientBuild.mjs';

const stages = [
  ['type check', ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['unit and integration tests', ['node_modules/vitest/vitest.mjs', 'run']],
  ['end-to-end tests', ['scripts/e2e.mjs']],
];

for (const [name, args] of stages) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const result = spawnSync(process.execPath, [path.join(repoRoot, args[0]), ...args.slice(1)], { cwd: repoRoot, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n${name} failed after ${seconds}s (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
  console.log(`=== ${name}: passed in ${seconds}s ===`);
}
