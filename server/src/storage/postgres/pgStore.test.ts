import pg from 'pg';
import { expect, it } from 'vitest';
import { describeWithPostgres, usePostgres } from '../../../test/support/postgres';
import { describeStoreContract } from '../contract';
import { POSTGRES_MIGRATIONS } from './migrations';
import { openPostgresStorage } from './postgresStorage';

describeWithPostgres('PostgreSQL store', () => {
  const postgres = usePostgres();

  describeStoreContract('PostgreSQL', async () => {
    const url = await postgres.createDatabase();
    const open = async () => (await openPostgresStorage({ url })).store;
    return { store: await open(), reopen: open };
  });

  it('applies each migration once, even when two instances start at the same moment', async () => {
    const url = await postgres.createDatabase();
    const [a, b] = await Promise.all([openPostgresStorage({ url }), openPostgresStorage({ url })]);
    await Promise.all([a.store.close(), b.store.close()]);
    await (await openPostgresStorage({ url })).store.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    await client.end();
    expect(rows.map((r) => r.version)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.version).sort((x, y) => x - y));
  });

  it('refuses a database URL it cannot reach, with a clear error', async () => {
    const closedPort = `postgresql://postgres@127.0.0.1:${postgres.port}/no_such_database`;
    await expect(openPostgresStorage({ url: closedPort })).rejects.toThrow(/Could not prepare the PostgreSQL database \(DATABASE_URL\).*no_such_database/);
  });
});
