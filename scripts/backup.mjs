// `npm run backup [file]`: a consistent snapshot of the database, safe while the server runs.
// Without a file, writes DATA_DIR/backups/ensemble-<timestamp>.sqlite. See docs/operations.md.
import { register } from 'tsx/esm/api';

register();
const { loadConfig } = await import('../server/src/config.ts');
const { backupDatabase } = await import('../server/src/ops/backup.ts');

try {
  const config = loadConfig();
  if (config.databaseUrl) {
    console.error('DATABASE_URL is set: the data lives in PostgreSQL, which `npm run backup` (SQLite only) does not copy. Back it up with PostgreSQL\'s own tools, e.g. `pg_dump --format=custom --file=ensemble.dump "$DATABASE_URL"` (see docs/operations.md).');
    process.exit(2);
  }
  const { file, bytes } = await backupDatabase(config.dataDir, process.argv[2]);
  console.log(`Backup written: ${file} (${bytes} bytes).`);
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
