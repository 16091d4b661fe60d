/**
 * Every store the server uses, on one database: SQLite in the data directory (one instance),
 * or PostgreSQL when DATABASE_URL is set (several instances may share it). app.ts builds the
 * services from this; nothing else needs to know which database is behind it.
 */
import path from 'node:path';
import type { ArchiveStore } from '../archive/archiveStore';
import type { CommentStore } from '../comments/commentStore';
import type { Config } from '../config';
import type { DecisionStore } from '../decisions/decisionStore';
import type { LifecycleStore } from '../documents/lifecycleStore';
import type { Logger } from '../log';
import type { VisitStore } from '../notifications/visitStore';
import type { PrivacyStore } from '../privacy/privacyStore';
import type { ReviewStore } from '../reviews/reviewStore';
import type { WorkshopStore } from '../workshops/workshopStore';
import { openPostgresStorage } from './postgres/postgresStorage';
import { SqliteArchiveStore } from './sqlite/archiveStore';
import { SqliteCommentStore } from './sqlite/commentStore';
import { SqliteDecisionStore } from './sqlite/decisionStore';
import { SqliteLifecycleStore } from './sqlite/lifecycleStore';
import { SqlitePrivacyStore } from './sqlite/privacyStore';
import { SqliteReviewStore } from './sqlite/reviewStore';
import { SqliteStore, backgroundCheckpoints, openSqliteDatabase } from './sqlite/sqliteStore';
import { SqliteVisitStore } from './sqlite/visitStore';
import { SqliteWorkshopStore } from './sqlite/workshopStore';
import type { Store } from './store';

export interface Storage {
  kind: 'sqlite' | 'postgres';
  /** Closing it closes the database for every store below. */
  store: Store;
  decisions: DecisionStore;
  comments: CommentStore;
  reviews: ReviewStore;
  visits: VisitStore;
  lifecycle: LifecycleStore;
  privacy: PrivacyStore;
  workshops: WorkshopStore;
  /** Workspace import in one transaction (ADR 0007). */
  archive: ArchiveStore;
}

export async function openStorage(config: Pick<Config, 'dataDir' | 'durability' | 'databaseUrl' | 'databasePoolSize'>, log?: Logger): Promise<Storage> {
  if (config.databaseUrl) {
    return openPostgresStorage({
      url: config.databaseUrl,
      max: config.databasePoolSize,
      onError: (error) => log?.warn('database_connection_error', { error: error.message }),
    });
  }
  const options = { filename: path.join(config.dataDir, 'ensemble.sqlite'), durability: config.durability };
  const db = openSqliteDatabase(options);
  const checkpoints = backgroundCheckpoints(db, options, (message) => log?.warn('wal_checkpoint_failed', { message }));
  return {
    kind: 'sqlite',
    store: new SqliteStore(db, checkpoints),
    decisions: new SqliteDecisionStore(db),
    comments: new SqliteCommentStore(db),
    reviews: new SqliteReviewStore(db),
    visits: new SqliteVisitStore(db),
    lifecycle: new SqliteLifecycleStore(db),
    privacy: new SqlitePrivacyStore(db),
    workshops: new SqliteWorkshopStore(db),
    archive: new SqliteArchiveStore(db),
  };
}
