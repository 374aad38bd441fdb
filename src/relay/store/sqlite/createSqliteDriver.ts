/**
 * The embedded backend: one SQLite database file through better-sqlite3 (a native module, so
 * this file is loaded only by the Node relay, with a dynamic import, and never bundled for
 * Workers or browsers). WAL mode lets `/stats` read while beacons are written; with
 * `synchronous = NORMAL` a commit is durable once the WAL is synced at checkpoint, which in
 * WAL mode cannot corrupt the database (a power cut may lose the last commits, a process crash
 * none). better-sqlite3 is synchronous: each call runs to completion, and the store batches
 * appends so one transaction carries many beacons.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { SqlDriver, SqlStatement, SqlValue } from '../types';

export interface SqliteDriverOptions {
  /** Open without write access (a replica to read, or tests of a read-only disk). Default `false`. */
  readonly?: boolean;
  /** How long a write waits for another connection's lock, in ms. Default `5000`. */
  busyTimeoutMs?: number;
}

/** Prepared statements kept; the store uses a few dozen distinct texts. */
const MAX_CACHED = 256;

export const createSqliteDriver = (
  file: string,
  { readonly = false, busyTimeoutMs = 5000 }: SqliteDriverOptions = {},
): SqlDriver => {
  if (!readonly && file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { readonly, fileMustExist: readonly, timeout: busyTimeoutMs });
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Deleted rows (forget, retention) are overwritten with zeros, not left in free pages.
    db.pragma('secure_delete = ON');
  }
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let statement = cache.get(sql);
    if (!statement) {
      if (cache.size >= MAX_CACHED) cache.clear();
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
  const params = (statement: SqlStatement): SqlValue[] => [...(statement.params ?? [])];
  /** Rows changed by one statement; a statement that returns rows changes none. */
  const run = (statement: SqlStatement): number => {
    const prepared = prepare(statement.sql);
    if (prepared.reader) {
      prepared.all(...params(statement));
      return 0;
    }
    return prepared.run(...params(statement)).changes;
  };
  const inTransaction = db.transaction((statements: readonly SqlStatement[]) =>
    statements.map(run),
  );

  return {
    dialect: 'sqlite',
    async all<Row>(statement: SqlStatement) {
      const prepared = prepare(statement.sql);
      if (!prepared.reader) {
        prepared.run(...params(statement));
        return [];
      }
      return prepared.all(...params(statement)) as Row[];
    },
    async transaction(statements) {
      return inTransaction(statements);
    },
    async exec(script) {
      db.exec(script);
    },
    async close() {
      cache.clear();
      if (db.open) db.close();
    },
  };
};
