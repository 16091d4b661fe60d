// Builds the client into dist/client when it is missing or older than its sources.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['client', 'shared/src', 'vite.config.ts', 'package-lock.json'];

function newestMtime(target) {
  const full = path.join(repoRoot, target);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

export function clientIsStale() {
  const index = path.join(repoRoot, 'dist', 'client', 'index.html');
  if (!fs.existsSync(index)) return true;
  const built = fs.statSync(index).mtimeMs;
  return SOURCES.some((source) => newestMtime(source) > built);
}

export async function buildClientIfNeeded({ force = false } = {}) {
  if (!force && !clientIsStale()) return false;
  console.log(JSON.stringify({ time: new Date().toISOString(), level: 'info', event: 'client_build_started' }));
  const { build } = await import('vite');
  await build({ configFile: path.join(repoRoot, 'vite.config.ts'), logLevel: 'warn' });
  console.log(JSON.stringify({ time: new Date().toISOString(), level: 'info', event: 'client_build_done' }));
  return true;
}
