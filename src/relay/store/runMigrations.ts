import {
  forDialect,
  migrationStatements,
  MIGRATIONS,
  MIGRATIONS_TABLE,
  type Migration,
} from './migrations';
import type { SqlDriver } from './types';

/** The highest migration applied to the database, `0` for an empty one. */
export const schemaVersion = async (driver: SqlDriver): Promise<number> => {
  const rows = await driver.all<{ version: number | string | null }>({
    sql: 'SELECT MAX(version) AS version FROM schema_migrations',
  });
  return Number(rows[0]?.version ?? 0);
};

/**
 * Applies every migration above the database's version, each in one transaction with its
 * `schema_migrations` row, so a crash leaves the database at one version or the next. Several
 * relay instances may start at once against one PostgreSQL database: the loser of a race fails
 * its transaction (the version row exists), finds the version applied and goes on.
 */
export const runMigrations = async (
  driver: SqlDriver,
  migrations: readonly Migration[] = MIGRATIONS,
  now: () => number = Date.now,
): Promise<number> => {
  // Read first: a database that is up to date needs no write, so a read-only one still opens.
  let version = await schemaVersion(driver).catch(async () => {
    await driver.transaction([{ sql: MIGRATIONS_TABLE }]);
    return schemaVersion(driver);
  });
  for (const migration of migrations) {
    if (migration.version <= version) continue;
    try {
      await driver.transaction([
        ...migrationStatements(migration, driver.dialect).map((sql) => ({
          sql: forDialect(sql, driver.dialect),
        })),
        {
          sql: 'INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, ?)',
          params: [migration.version, migration.name, now()],
        },
      ]);
    } catch (error) {
      if ((await schemaVersion(driver)) < migration.version) throw error;
    }
    version = migration.version;
  }
  return version;
};
