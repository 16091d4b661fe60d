// `npm run restore <file>`: puts a backup in place of DATA_DIR's database. Refuses while a server
// runs on that data directory; keeps the replaced database beside it. See docs/operations.md.
import { register } from 'tsx/esm/api';

register();
const { loadConfig } = await import('../server/src/config.ts');
const { restoreDatabase } = await import('../server/src/ops/backup.ts');

const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run restore <backup file>');
  process.exit(2);
}
try {
  const config = loadConfig();
  if (config.databaseUrl) {
    console.error('DATABASE_URL is set: the data lives in PostgreSQL, which `npm run restore` (SQLite only) does not touch. Restore a pg_dump archive with `pg_restore --clean --if-exists --dbname="$DATABASE_URL" ensemble.dump`, all instances stopped (see docs/operations.md).');
    process.exit(2);
  }
  const { restored, previous } = restoreDatabase(config.dataDir, file);
  console.log(`Restored ${file} to ${restored}.`);
  if (previous) console.log(`The database it replaced is kept as ${previous}.`);
} catch (error) {
  console.error(`Restore refused: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
