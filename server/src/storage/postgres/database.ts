/**
 * The PostgreSQL connection pool (node-postgres) shared by every PostgreSQL store, its
 * transactions, locks and migrations. Several server instances share one database: anything
 * that SQLite made safe with its single writer (an IMMEDIATE transaction) is made safe here
 * with a row lock or a transaction-scoped advisory lock, taken before the state it depends on
 * is read. A transaction's promise resolves only after COMMIT has returned, that is once the
 * commit is durable (synchronous_commit is left on).
 */
import pg from 'pg';
import { POSTGRES_MIGRATIONS } from './migrations';

export type Db = pg.Pool | pg.PoolClient;
export type Row = Record<string, unknown>;

export interface PostgresPoolOptions {
  url: string;
  /** Connections per instance (default 10). */
  max?: number;
  /** Called when an idle connection fails (the database restarted, the network dropped). */
  onError?: (error: Error) => void;
}

const INT8 = 20;

/** BIGINT columns (times, sequence numbers, counts) come back as numbers, not strings. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 && format !== 'binary' ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export function createPool(options: PostgresPoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 10,
    // Readiness must answer "not reachable" rather than wait forever for a connection.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    types,
  });
  // Without a listener, an idle client's error would crash the process.
  pool.on('error', (error) => options.onError?.(error));
  return pool;
}

/** Lock namespaces for pg_advisory_xact_lock(namespace, hashtext(key)). */
export const LOCKS = {
  migrations: 1,
  firstUser: 2,
  decisionChain: 3,
  signoffChain: 4,
  memberships: 5,
  accessList: 6,
  erasure: 7,
} as const;

/** Holds a transaction-scoped lock on (namespace, key) until COMMIT or ROLLBACK. */
export async function lock(client: pg.PoolClient, namespace: number, key: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1::int, hashtext($2))', [namespace, key]);
}

/**
 * Runs `work` in one transaction on one connection: committed when it resolves, rolled back
 * when it throws (the error is rethrown).
 */
export async function transaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
  mode: 'read-write' | 'snapshot' = 'read-write',
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A connection lost between two statements emits 'error' on the checked-out client: noted
  // (the next statement fails, the client is discarded) instead of crashing the process.
  const onError = (error: Error): void => {
    broken = error;
  };
  client.on('error', onError);
  try {
    await client.query(mode === 'snapshot' ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      broken = rollbackError as Error;
    }
    throw error;
  } finally {
    client.off('error', onError);
    // A connection that failed (or whose rollback failed) is discarded rather than reused.
    client.release(broken);
  }
}

/** True for a unique-constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23505';
}

/**
 * Applies the pending migrations in one transaction, under an advisory lock: instances starting
 * together wait for each other, and the second finds everything applied.
 */
export async function migratePostgres(pool: pg.Pool): Promise<number[]> {
  return transaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1::int, 0)', [LOCKS.migrations]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
    const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => Number(r.version)));
    const done: number[] = [];
    for (const migration of [...POSTGRES_MIGRATIONS].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [migration.version, Date.now()]);
      done.push(migration.version);
    }
    return done;
  });
}

export async function rows(db: Db, sql: string, params: unknown[] = []): Promise<Row[]> {
  return (await db.query(sql, params)).rows as Row[];
}

export async function one(db: Db, sql: string, params: unknown[] = []): Promise<Row | null> {
  return ((await db.query(sql, params)).rows[0] as Row | undefined) ?? null;
}
