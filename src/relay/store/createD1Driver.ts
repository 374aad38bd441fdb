/**
 * The Cloudflare D1 backend's `SqlDriver`, over a Worker's D1 binding (`env.ZV_D1`). D1 is
 * SQLite, so the store's SQL runs unchanged. D1 has no interactive transactions: `batch()` is
 * its unit of atomicity (all statements apply, or none), so a transaction is one batch, and so
 * is a migration script, split into statements (D1's own `exec()` is not atomic and reads one
 * statement per line).
 */
import { splitStatements } from './scanSql';
import type { SqlDriver, SqlStatement, SqlValue } from './types';

/** What the driver uses of a D1 statement (a structural subset of `D1PreparedStatement`). */
export interface D1StatementLike {
  bind(...values: SqlValue[]): D1StatementLike;
  all<Row = Record<string, unknown>>(): Promise<{ results: Row[]; meta?: { changes?: number } }>;
}

/** What the driver uses of a D1 binding (a structural subset of `D1Database`). */
export interface D1DatabaseLike {
  prepare(sql: string): D1StatementLike;
  batch(statements: D1StatementLike[]): Promise<{ meta?: { changes?: number } }[]>;
}

const isD1 = (db: unknown): db is D1DatabaseLike =>
  typeof db === 'object' &&
  db !== null &&
  typeof (db as D1DatabaseLike).prepare === 'function' &&
  typeof (db as D1DatabaseLike).batch === 'function';

export const createD1Driver = (db: D1DatabaseLike): SqlDriver => {
  if (!isD1(db)) {
    throw new Error('zorgvuldig createD1Driver(): expected a D1 database binding (env.ZV_D1)');
  }
  const prepare = ({ sql, params = [] }: SqlStatement) =>
    params.length ? db.prepare(sql).bind(...params) : db.prepare(sql);
  const batch = async (statements: D1StatementLike[]): Promise<number[]> =>
    statements.length
      ? (await db.batch(statements)).map((result) => result.meta?.changes ?? 0)
      : [];

  return {
    dialect: 'sqlite',
    async all<Row>(statement: SqlStatement) {
      return (await prepare(statement).all<Row>()).results;
    },
    transaction: (statements) => batch(statements.map(prepare)),
    async exec(script) {
      await batch(splitStatements(script).map((sql) => db.prepare(sql)));
    },
    // The binding belongs to the Worker's runtime; there is nothing of ours to close.
    close: async () => undefined,
  };
};
