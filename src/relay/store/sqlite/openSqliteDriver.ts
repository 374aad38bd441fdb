import type { SqlDriver } from '../types';
import type { SqliteDriverOptions } from './createSqliteDriver';

/**
 * The SQLite driver on `file`, loaded when asked: better-sqlite3 is a native module, so
 * importing `zorgvuldig/relay` must not load it (a site that never uses SQLite may not have it).
 */
export const openSqliteDriver = async (
  file: string,
  options?: SqliteDriverOptions,
): Promise<SqlDriver> => {
  const { createSqliteDriver } = await import('./createSqliteDriver');
  return createSqliteDriver(file, options);
};
