import { afterAll, beforeAll } from 'vitest';
import { createPostgresDriver } from '../../../../src/relay/store/createPostgresDriver';
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
