import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDriver } from '../../../../src/relay/store/createPostgresDriver';
import { createSqlStore } from '../../../../src/relay/store/createSqlStore';
import { MIGRATIONS } from '../../../../src/relay/store/migrations';
import { startPostgres, type PostgresServer } from '../support/startPostgres';
import { defineStoreSuite } from './support/defineStoreSuite';

let server: PostgresServer;
let databases = 0;
beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterAll(() => server?.destroy());

/**
 * The store suite on PostgreSQL: a throwaway server for the file, a database of its own per case.
 * What was stored is searched in `pg_dump`'s output: every row of every table.
 */
defineStoreSuite('PostgreSQL (pg)', async () => {
  const database = `suite_${++databases}`;
  return {
    driver: createPostgresDriver({ url: await server.createDatabase(database) }),
    storedBytes: async () => server.dump(database),
    dispose: async () => void server.psql(`DROP DATABASE ${database} WITH (FORCE)`),
  };
});

describe('PostgreSQL store started by several instances at once', () => {
  it('migrates once: every instance starts, each migration is applied one time', async () => {
    const url = await server.createDatabase('several');
    const stores = Array.from({ length: 4 }, () => createSqlStore(createPostgresDriver({ url })));
    await Promise.all(stores.map((store) => store.migrate()));
    expect(server.psql('SELECT version FROM schema_migrations ORDER BY version', 'several')).toBe(
      `${MIGRATIONS.map((m) => m.version).join('\n')}\n`,
    );
    await Promise.all(stores.map((store) => store.close()));
  });
});
