// `npm start`: builds the client if needed, then runs the server in this same process.
import { register } from 'tsx/esm/api';
import { buildClientIfNeeded } from './clientBuild.mjs';

try {
  await buildClientIfNeeded();
} catch (error) {
  console.error(`Ensemble could not build its web client: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
register();
await import('../server/src/main.ts');
