// `npm run dev`: the server on ENSEMBLE_API_PORT (default 4322) with a Vite dev server in front
// (hot reload) that proxies /api and /collab to it. Open the address Vite prints.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './clientBuild.mjs';

const apiPort = process.env.ENSEMBLE_API_PORT ?? '4322';
const children = [
  spawn(process.execPath, ['--import', 'tsx', '--watch', path.join(repoRoot, 'server/src/main.ts')], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, PORT: apiPort, LOG_LEVEL: process.env.LOG_LEVEL ?? 'debug' },
  }),
  spawn(process.execPath, [path.join(repoRoot, 'node_modules/vite/bin/vite.js')], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, ENSEMBLE_API_PORT: apiPort },
  }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => {
  stop();
  process.exitCode = code ?? 0;
});
