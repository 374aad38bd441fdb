import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteDriver } from '../../../../src/relay/store/sqlite/createSqliteDriver';
import { defineStoreSuite } from './support/defineStoreSuite';

/** The store suite on SQLite: a database file of its own per case, in a temp directory. */
defineStoreSuite('SQLite (better-sqlite3)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zv-sqlite-'));
  return {
    driver: createSqliteDriver(join(dir, 'stats.sqlite')),
    // The database, its WAL and shared-memory index: every byte SQLite wrote.
    storedBytes: async () =>
      readdirSync(dir)
        .map((name) => readFileSync(join(dir, name)).toString('latin1'))
        .join(''),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
