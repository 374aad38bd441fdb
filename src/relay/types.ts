/**
 * Public types of the relay. The relay is a Fetch-API handler: it runs on Node (through the
 * adapter in `handleNodeRequest.ts`) and on Cloudflare Workers / workerd (`worker.ts`).
 */
import type { ForgetQuery, StoredRecord } from './records';
import type { SinkOptions } from './sinkOptions';
import type { StatsQuery, StatsReport } from './store/types';

export type * from './records';
export type * from './sinkOptions';

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
  /**
   * Records every store (SQLite, PostgreSQL, D1) writes in one transaction at most (group
   * commit): larger batches carry more beacons per commit, smaller ones keep each commit short.
   * A whole number of at least 1. Default `500`.
   */
  storeMaxBatch?: number;
  /**
   * Records that wait for a store transaction at most; a beacon beyond it is answered 503 with
   * `Retry-After` at once, so a store slower than the traffic cannot grow the relay's memory.
   * A whole number of at least 1. Default `20000`.
   */
  storeMaxQueue?: number;
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
