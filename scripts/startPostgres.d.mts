/** A running throwaway PostgreSQL server (`scripts/startPostgres.mjs`). */
export interface PostgresServer {
  /** `postgres://zv@127.0.0.1:<port>/postgres` */
  url: string;
  port: number;
  /** The URL of a new, empty database on this server. */
  createDatabase(name: string): Promise<string>;
  /** Runs SQL as the superuser through `psql`; its unaligned, tuples-only output. */
  psql(sql: string, database?: string): string;
  /** Every row of a database as `pg_dump --data-only` writes it (to search what was stored). */
  dump(database?: string): string;
  /** `pg_ctl stop -m fast`: connections are cut, as in a server restart. */
  stop(): void;
  /** Starts it again on the same port and data. */
  start(): void;
  /** Stops the server and deletes its directory. */
  destroy(): void;
}

export interface StartPostgresOptions {
  /** Keep fsync and synchronous commit on, as a production server has them (the bench). Default `false`. */
  durable?: boolean;
}

/** The directory of `initdb`, `pg_ctl` and `psql`, or an error saying how to get them. */
export function findPostgresBin(): string;

/** Starts a server in a fresh temporary directory on a free port of 127.0.0.1. */
export function startPostgres(options?: StartPostgresOptions): Promise<PostgresServer>;
