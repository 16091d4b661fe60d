/**
 * Opens every PostgreSQL store on one connection pool, after running the pending migrations.
 * `store.close()` ends the pool.
 */
import type { Storage } from '../storage';
import { PostgresArchiveStore } from './archiveStore';
import { PostgresCommentStore, PostgresReviewStore, PostgresVisitStore } from './coDraftingStores';
import { createPool, migratePostgres, type PostgresPoolOptions } from './database';
import { PostgresDecisionStore } from './decisionStore';
import { PostgresLifecycleStore } from './lifecycleStore';
import { PostgresStore } from './pgStore';
import { PostgresPrivacyStore } from './privacyStore';
import { PostgresWorkshopStore } from './workshopStore';

export async function openPostgresStorage(options: PostgresPoolOptions): Promise<Storage> {
  const pool = createPool(options);
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw new Error(`Could not prepare the PostgreSQL database (DATABASE_URL): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return {
    kind: 'postgres',
    store: new PostgresStore(pool),
    decisions: new PostgresDecisionStore(pool),
    comments: new PostgresCommentStore(pool),
    reviews: new PostgresReviewStore(pool),
    visits: new PostgresVisitStore(pool),
    lifecycle: new PostgresLifecycleStore(pool),
    privacy: new PostgresPrivacyStore(pool),
    workshops: new PostgresWorkshopStore(pool),
    archive: new PostgresArchiveStore(pool),
  };
}
