/**
 * The PostgreSQL backend's `SqlDriver`, over a node-postgres pool. Node only, and `pg` itself is
 * loaded with a dynamic `import()` on the first query: a relay without a `postgres` sink never
 * loads it, and neither it nor this file is part of the Worker or browser bundles.
 *
 * A server that is down or restarting makes every call reject (after `connectTimeoutMs` at most),
 * so the relay answers 503 and acknowledges nothing; the pool opens fresh connections once the
 * server is back. Errors of idle connections (the server went away between queries) are logged
 * and survived: unhandled, node-postgres would let them crash the process.
 */
import type { Pool, PoolClient } from 'pg';
import type { SqlDriver, SqlStatement, SqlValue } from './types';
import { mergeInserts } from './mergeInserts';
import { numberPlaceholders } from './scanSql';
import { postgresTypes } from './postgresTypes';

export interface PostgresDriverOptions {
  /** `postgres://user:password@host:5432/database` (libpq URL; `?sslmode=require` and the like work). */
  url: string;
  /** Connections in the pool, at least 2 (one may hold the migration lock). Default `10`. */
  maxConnections?: number;
  /** Time to open a connection before a call rejects, in ms. Default `5000`. */
  connectTimeoutMs?: number;
  /** Time a query may take before it rejects, in ms. Default `10000`. */
  queryTimeoutMs?: number;
  /** Logs operational events (never a query's values). Default: `console.warn`. */
  log?(message: string): void;
}

/** The PostgreSQL driver: `exclusive` is always there (`pg_advisory_lock`). */
export interface PostgresDriver extends SqlDriver {
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
}

/** The advisory lock key of the store's migrations, any fixed 64-bit number ("zv" + "migrate"). */
export const MIGRATION_LOCK_KEY = 0x7a76_6d69_6772;

/** Translated SQL per query text: the store sends the same few queries again and again. */
const MAX_CACHED = 256;

export const createPostgresDriver = ({
  url,
  maxConnections = 10,
  connectTimeoutMs = 5_000,
  queryTimeoutMs = 10_000,
  log = (message) => console.warn(message),
}: PostgresDriverOptions): PostgresDriver => {
  if (typeof url !== 'string' || !/^postgres(ql)?:\/\//.test(url)) {
    throw new Error('zorgvuldig createPostgresDriver(): url must be a postgres:// URL');
  }
  if (!Number.isInteger(maxConnections) || maxConnections < 1) {
    throw new Error('zorgvuldig createPostgresDriver(): maxConnections must be a positive integer');
  }
  const load = async () => {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({
      connectionString: url,
      max: maxConnections,
      connectionTimeoutMillis: connectTimeoutMs,
      query_timeout: queryTimeoutMs,
      idleTimeoutMillis: 30_000,
      application_name: 'zorgvuldig-relay',
      types: postgresTypes(pg.types),
      pipeline: true,
    });
    // The error may name the host, never a record: it is safe to log.
    pool.on('error', (error) =>
      log(`zorgvuldig postgres: idle connection lost (${error.message})`),
    );
    return { pg, pool };
  };
  let loaded: ReturnType<typeof load> | undefined;
  const loadOnce = () => (loaded ??= load());
  const poolOf = async (): Promise<Pool> => (await loadOnce()).pool;

  const translated = new Map<string, string>();
  const toPostgres = ({ sql, params = [] }: SqlStatement): [string, SqlValue[]] => {
    const key = `${params.length}:${sql}`;
    let text = translated.get(key);
    if (text === undefined) {
      text = numberPlaceholders(sql, params.length);
      if (translated.size >= MAX_CACHED) translated.clear();
      translated.set(key, text);
    }
    return [text, [...params]];
  };

  /** Runs `fn` on one client; a client whose connection broke is destroyed, not reused. */
  const withClient = async <T>(fn: (client: PoolClient) => Promise<T>): Promise<T> => {
    const client = await (await poolOf()).connect();
    try {
      const result = await fn(client);
      client.release();
      return result;
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
  };

  /** BEGIN … COMMIT on one client; ROLLBACK on any failure, then the failure is thrown. */
  const inTransaction = <T>(fn: (client: PoolClient) => Promise<T>): Promise<T> =>
    withClient(async (client) => {
      await client.query('BEGIN');
      try {
        const result = await fn(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A broken connection cannot roll back; the server discards its transaction anyway.
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });

  return {
    dialect: 'postgres',
    async all<Row>(statement: SqlStatement) {
      const [text, values] = toPostgres(statement);
      return (await (await poolOf()).query(text, values)).rows as Row[];
    },
    // Every statement is sent at once (the pool's connections pipeline), so a batch of beacons
    // costs one round trip, not one per row. A failed statement aborts the transaction on the
    // server and rejects here; the ones after it fail too and are ignored, and nothing commits.
    transaction: (statements) =>
      inTransaction(async (client) => {
        const results = await Promise.all(
          statements.map((statement) => client.query(...toPostgres(statement))),
        );
        return results.map((result) => result.rowCount ?? 0);
      }),
    // node-postgres sends a client's queries one after the other: a batch of beacons as a few
    // multi-row INSERTs costs a few round trips instead of one per row.
    insertMany: (statements) =>
      inTransaction(async (client) => {
        for (const statement of mergeInserts(statements)) {
          await client.query(...toPostgres(statement));
        }
      }),
    // Without parameters node-postgres uses the simple query protocol, which runs several
    // statements in one call; inside BEGIN … COMMIT a failed script leaves nothing behind.
    exec: (script) =>
      inTransaction(async (client) => {
        await client.query(script);
      }),
    // The lock lives on a connection of its own, outside the pool, and ending that session
    // releases it: a lock can never be left behind on a pooled connection.
    async exclusive(fn) {
      const { pg } = await loadOnce();
      const client = new pg.Client({
        connectionString: url,
        connectionTimeoutMillis: connectTimeoutMs,
        application_name: 'zorgvuldig-relay migrations',
      });
      client.on('error', () => undefined); // a lost lock connection surfaces through end()
      await client.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        return await fn();
      } finally {
        await client.end().catch(() => undefined);
      }
    },
    close: async () => {
      if (loaded) await (await loaded).pool.end();
    },
  };
};
