/**
 * The options of each sink type `createRelay({ sinks })` accepts: the stores (SQLite, PostgreSQL,
 * D1), the NDJSON log, the memory ring, the upstream sinks (Matomo, Plausible, GA4) and a
 * function. Re-exported by `types.ts`, the relay's public types.
 */
import type { D1DatabaseLike } from './store/createD1Driver';
import type { StoredRecord } from './records';

/** Common options of the upstream sinks (Matomo, Plausible, GA4). */
export interface UpstreamOptions {
  /** Attempts per request before it is dropped. Default `5`. */
  retries?: number;
  /** Requests waiting for delivery or retry; beyond it new ones are dropped. Default `1000`. */
  maxQueue?: number;
  /** First retry delay in ms, doubled each attempt. Default `1000`. */
  backoffMs?: number;
  /** Time limit per upstream request in ms. Default `10000`. */
  timeoutMs?: number;
}

/** The append-only log and export format (Node only): one NDJSON file per UTC day. */
export interface NdjsonSinkOptions {
  type: 'ndjson';
  /** Directory for `YYYY-MM-DD.ndjson` files; created when missing. */
  dir: string;
  /** Days to keep, overriding the relay's `retentionDays` for this log; older files are deleted. */
  retentionDays?: number;
}

/** The embedded statistics store (Node only): one SQLite database file, WAL mode. */
export interface SqliteSinkOptions {
  type: 'sqlite';
  /**
   * The database file; it and its directory are created when missing. Required with
   * `createRelay()`; `startRelayServer()` and the CLI default it to `<dataDir>/zorgvuldig.sqlite`.
   */
  file?: string;
}

/**
 * The statistics store on a PostgreSQL server (Node only), for organisations that run one or
 * several relay instances against one database. The schema is migrated on start, under an
 * advisory lock, so instances starting at once migrate once.
 */
export interface PostgresSinkOptions {
  type: 'postgres';
  /** `postgres://user:password@host:5432/database`; `?sslmode=require` and the like work. */
  url: string;
  /** Connections in the pool. Default `10`. */
  maxConnections?: number;
  /** Time to open a connection before a write fails (503), in ms. Default `5000`. */
  connectTimeoutMs?: number;
  /** Time a query may take before it fails, in ms. Default `10000`. */
  queryTimeoutMs?: number;
}

/**
 * The statistics store on Cloudflare D1 (Workers only). The Worker entry adds it by itself for a
 * `ZV_D1` binding; in your own Worker: `createRelay({ sinks: [{ type: 'd1', database: env.DB }] })`.
 */
export interface D1SinkOptions {
  type: 'd1';
  /** The D1 binding (`env.ZV_D1`). */
  database: D1DatabaseLike;
}

/** An in-memory ring of the last records (tests, demos and Workers without storage). */
export interface MemorySinkOptions {
  type: 'memory';
  /** Records kept. Default `1000`. */
  limit?: number;
}

/** Matomo Tracking API. */
export interface MatomoSinkOptions extends UpstreamOptions {
  type: 'matomo';
  /** Tracker URL, e.g. `https://matomo.example.eu/matomo.php`. */
  url: string;
  /** Matomo site id. */
  siteId: string | number;
  /** `token_auth`: needed for Matomo to accept `cip` (the truncated IP). */
  token: string;
}

/** Plausible Events API. */
export interface PlausibleSinkOptions extends UpstreamOptions {
  type: 'plausible';
  /** Base URL of the Plausible instance. Default `https://plausible.io`. */
  url?: string;
  /** The site's domain as configured in Plausible. */
  domain: string;
}

/** GA4 proxy for hits sent by gtag's `transport_url`. */
export interface Ga4SinkOptions extends UpstreamOptions {
  type: 'ga4';
  /** Where consented hits go. Default `https://region1.google-analytics.com/g/collect`. */
  endpoint?: string;
  /** Extra query parameters to keep besides the built-in allow-list (exact names or `ep.*`). */
  allowParams?: string[];
}

/** Your own code receives the records (already truncated and scrubbed). */
export interface FunctionSinkOptions {
  type: 'function';
  fn(records: StoredRecord[]): void | Promise<void>;
}

export type SinkOptions =
  | SqliteSinkOptions
  | NdjsonSinkOptions
  | PostgresSinkOptions
  | D1SinkOptions
  | MemorySinkOptions
  | MatomoSinkOptions
  | PlausibleSinkOptions
  | Ga4SinkOptions
  | FunctionSinkOptions;
