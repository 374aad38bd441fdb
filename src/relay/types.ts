/**
 * Public types of the relay. The relay is a Fetch-API handler: it runs on Node (through the
 * adapter in `handleNodeRequest.ts`) and on Cloudflare Workers / workerd (`worker.ts`).
 */
import type { ConsentReceiptBody, Hit } from '../protocol/types';
import type { StatsQuery, StatsReport } from './store/types';

/** What a stored statistics record holds: one hit, with what the relay added. */
export interface StoredHit extends Hit {
  /** ISO 8601 time the relay received the beacon (server clock). */
  received: string;
  /** The client IP, truncated before anything else happened (`203.0.0.0`, `2001:db8::`); `null` when unknown. */
  ip: string | null;
  /** The session pseudonym from the beacon. */
  sid: string;
  /** The id of the body the hit came in (`CollectBody.bid`), when the client sent one. */
  bid?: string;
  /** Present (`true`) when the client's `time` is more than a day from `received`: its clock is off. */
  clockSkew?: true;
}

/** What a stored consent receipt holds: the receipt as sent, `type: 'consent'` to tell it from hits. */
export type StoredReceipt = Omit<ConsentReceiptBody, 'v'> & {
  type: 'consent';
  /** ISO 8601 time the relay received it (server clock). */
  received: string;
  /** The truncated client IP, or `null` when unknown. */
  ip: string | null;
};

/** One line of the store. */
export type StoredRecord = StoredHit | StoredReceipt;

/** What `POST /forget` asks a sink to delete. */
export interface ForgetQuery {
  sid?: string;
  receipts?: string[];
}

/** A GA4 hit after the relay cleaned it, ready to forward. */
export interface GaHit {
  /** Shared query parameters (already allow-listed, `cid` hashed, `_uip` truncated). */
  query: URLSearchParams;
  /** Per-event lines of a batched POST body, each a cleaned query string. */
  lines: string[];
  /** The reduced user agent as a string, sent as the `User-Agent` header. */
  userAgent: string;
  /** Truncated client IP, or `null` when unknown. */
  ip: string | null;
}

/** Lets upstream deliveries outlive the response (Workers' `ctx.waitUntil`). */
export interface RelayContext {
  waitUntil?(promise: Promise<unknown>): void;
}

/**
 * A sink: where records go. Local sinks (`write` resolves once stored) decide the response;
 * upstream sinks queue and resolve at once.
 */
export interface Sink {
  /** Short name for counters and logs (`ndjson`, `matomo`, …). */
  name: string;
  /** Stores or queues records of `/collect` and `/consent`. */
  write?(records: StoredRecord[], ctx: RelayContext): Promise<void>;
  /** Forwards a consented GA4 hit (only the `ga4` sink has it). */
  forwardGa?(hit: GaHit, ctx: RelayContext): Promise<void>;
  /** Deletes records of a pseudonym or receipt ids; resolves to how many were removed. */
  forget?(query: ForgetQuery): Promise<number>;
  /** The last `limit` records, oldest first. */
  recent?(limit: number): Promise<StoredRecord[]>;
  /** Every statistics query for one range (a statistics store): what `GET /stats` serves. */
  report?(query: StatsQuery): Promise<StatsReport>;
  /** Every stored record: `GET /stats` summarises them when no sink has `report`. */
  scan?(): AsyncIterable<StoredRecord>;
  /** Counters for `/health` (queued, delivered, dropped, failed). */
  counters?(): Record<string, number>;
  /** Releases what the sink holds open (a database connection). */
  close?(): Promise<void>;
}

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
  | MemorySinkOptions
  | MatomoSinkOptions
  | PlausibleSinkOptions
  | Ga4SinkOptions
  | FunctionSinkOptions;

/** Token bucket per truncated IP. */
export interface RateLimitOptions {
  /** Requests allowed in a burst. Default `60`. */
  burst?: number;
  /** Tokens refilled per second. Default `10`. */
  perSecond?: number;
  /** Buckets kept in memory (least recently used evicted). Default `10000`. */
  maxKeys?: number;
}

/** Everything `createRelay()` accepts. */
export interface RelayOptions {
  /** Path prefix of every route. Default `'/zv'`. */
  basePath?: string;
  /**
   * Origins allowed to post (`https://www.example.nl`). Default: only the relay's own origin.
   * `'*'` allows any. Requests without an `Origin` header are allowed (not browsers).
   */
  allowedOrigins?: string[];
  /** Peers (CIDRs) whose `X-Forwarded-For` / `Forwarded` / `CF-Connecting-IP` are believed. Default `[]`. */
  trustedProxies?: string[];
  /** Matomo's IP mask level: 1 (IPv4 /24, IPv6 /64), 2 (/16, /48) or 3 (/8, /24). Default `2`. */
  ipLevel?: 1 | 2 | 3;
  /** Largest accepted body in bytes. Default `65536`. */
  maxBodyBytes?: number;
  /** Time to read a body before giving up (slow clients), in ms. Default `10000`. */
  bodyTimeoutMs?: number;
  /** Rate limit per truncated IP, or `false` for none. Default: the `RateLimitOptions` defaults. */
  rateLimit?: RateLimitOptions | false;
  /** Query parameters kept when URLs are re-scrubbed. Default: the scrubber's (`utm_*`). */
  allowParams?: string[];
  /** Where records go, several at once. Default: `[{ type: 'memory' }]`. */
  sinks?: (SinkOptions | Sink)[];
  /** Days every store keeps a record after it was received (SQLite, NDJSON, …). Default `30`. */
  retentionDays?: number;
  /** Counts below this are returned by `GET /stats` as `"<threshold"`. Default `5`. */
  statsThreshold?: number;
  /** Bearer token for `GET /stats` and `GET /records`. Default: none (both disabled). */
  statsToken?: string;
  /** Serves `GET /records` without a token (the QA demo only). Default `false`. */
  exposeRecords?: boolean;
  /**
   * Secret mixed into the daily salt that hashes GA client ids. Give every instance the same one
   * so hashes agree across instances. Default: a random salt per process (or isolate) per day.
   */
  gaSalt?: string;
  /** `fetch` for upstream sinks. Default: `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Logs operational events (never personal data). Default: `console.warn`. */
  log?(message: string): void;
  /** Clock, for tests. Default `Date.now`. */
  now?(): number;
}

/** What an adapter knows about the connection; the second argument of the handler. */
export interface RelayEnv {
  /** The TCP peer's address (`req.socket.remoteAddress`), raw; never stored. */
  clientAddress?: string;
  /**
   * The address came from Cloudflare's `CF-Connecting-IP` (the Worker entry sets this), so that
   * header is the peer itself, not a claim to weigh. Default `false`.
   */
  cloudflare?: boolean;
}

/** The handler `createRelay()` returns. */
export interface RelayHandler {
  (request: Request, env?: RelayEnv | unknown, ctx?: RelayContext): Promise<Response>;
  /** The body limit in bytes, so an adapter can stop reading at the same point. */
  readonly maxBodyBytes: number;
  /** The body read timeout in ms, so an adapter gives a slow body the same time. */
  readonly bodyTimeoutMs: number;
  /** Closes every sink that holds something open (database connections); call on shutdown. */
  close(): Promise<void>;
}
