/**
 * The statistics store: one interface over SQLite (embedded, Node), Cloudflare D1 (Workers) and
 * PostgreSQL (a shared server). Every backend runs the same SQL schema, migrations and queries;
 * a backend only supplies an `SqlDriver` that executes SQL text. Queries are written once, with
 * `?` placeholders and SQL that SQLite 3.53 and PostgreSQL 15 both understand.
 */
import type { ForgetQuery, StoredRecord } from '../records';

/** One parameterised statement. `?` placeholders; the PostgreSQL driver numbers them. */
export interface SqlStatement {
  sql: string;
  params?: readonly SqlValue[];
}

export type SqlValue = string | number | null;

/** What a backend provides: SQL execution, nothing more. */
export interface SqlDriver {
  /** `sqlite` (better-sqlite3 and D1) or `postgres`: the few places the dialects differ. */
  readonly dialect: 'sqlite' | 'postgres';
  /** Rows of one query, as plain objects keyed by column name. */
  all<Row = Record<string, SqlValue>>(statement: SqlStatement): Promise<Row[]>;
  /** Runs statements in one transaction: all are applied or none. Resolves to rows changed per statement. */
  transaction(statements: readonly SqlStatement[]): Promise<number[]>;
  /**
   * Runs INSERT statements in one transaction, all or none, where nobody reads the row counts
   * (appends): a backend may fold rows of the same statement into one multi-row INSERT. Left
   * out, `transaction` runs them.
   */
  insertMany?(statements: readonly SqlStatement[]): Promise<void>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
  /**
   * Runs `fn` while no other process runs one on the same database, so relay instances that
   * start at once against a shared server migrate one after the other (PostgreSQL: an advisory
   * lock). Backends with one writer per database (SQLite, D1) leave it out.
   */
  exclusive?<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * A count as a query returns it: the number, or the string `"<5"` (with the configured
 * threshold) when it is below the threshold, so one visitor cannot be picked out of a filtered
 * view. Shares and percentiles computed from a hidden count are `null`.
 */
export type Count = number | string;

/** What `GET {basePath}/stats` is asked: query parameters `from`, `to`, `page`, `limit`. */
export interface StatsQuery {
  /** First UTC day, `YYYY-MM-DD`, inclusive. */
  from: string;
  /** Last UTC day, `YYYY-MM-DD`, inclusive. */
  to: string;
  /** Only hits of this page (path and allow-listed query, as in `pages[].page`). */
  page?: string;
  /** Rows per top list. Default 20, at most 100. */
  limit?: number;
}

/** A share of all visits in the range (0–1), `null` when its count is hidden. */
export interface Share {
  value: string;
  visits: Count;
  share: number | null;
}

/** Percentiles of one measure; `null` when fewer samples than the threshold. */
export interface Percentiles {
  p50: number | null;
  p75: number | null;
}

/** Everything the statistics queries answer, for one range and optional page filter. */
export interface StatsReport {
  range: { from: string; to: string; page: string | null };
  /** Counts below this are returned as `"<threshold"`. */
  threshold: number;
  /** Visits are distinct pseudonyms per day, summed over the days. */
  totals: { visits: Count; pageviews: Count };
  /** One row per day of the range, days without data included (zeros). */
  days: { day: string; visits: Count; pageviews: Count }[];
  /** Most viewed pages, most first. */
  pages: { page: string; views: Count; visits: Count }[];
  /** First page of a visit (a page view without `prev`), most first. */
  entries: { page: string; visits: Count }[];
  /** Last page view of a pseudonym on a day, most first. */
  exits: { page: string; visits: Count }[];
  /** Click paths: previous in-site page → next page, most first. */
  paths: { from: string; to: string; count: Count }[];
  /** External referrer origins, most first. */
  referrers: { origin: string; visits: Count }[];
  browsers: Share[];
  os: Share[];
  devices: Share[];
  languages: Share[];
  /** Page views per page and HTTP status (404s and errors first, then by count). */
  statuses: { page: string; status: number; views: Count }[];
  /** Bytes and runtime per page, from page-view hits. */
  runtime: {
    page: string;
    samples: Count;
    ttfb: Percentiles;
    load: Percentiles;
    transfer: Percentiles;
  }[];
  /** Web vitals p75 per page and metric, with the share of good / needs improvement / poor. */
  vitals: {
    page: string;
    metric: 'ttfb' | 'fcp' | 'lcp' | 'cls' | 'inp';
    samples: Count;
    p75: number | null;
    good: number | null;
    needsImprovement: number | null;
    poor: number | null;
  }[];
  /** Custom events (`track()`), with their most common property values. */
  events: {
    name: string;
    count: Count;
    visits: Count;
    props: { key: string; value: string; count: Count }[];
  }[];
  /** Consent outcomes per day, from the receipts. */
  consent: {
    day: string;
    total: Count;
    acceptAll: Count;
    rejectAll: Count;
    custom: Count;
    objection: Count;
  }[];
}

/** The store every backend implements through `createSqlStore(driver, options)`. */
export interface StatsStore {
  /** Runs pending migrations; called once before the first use (idempotent). */
  migrate(): Promise<void>;
  /**
   * Stores whole records: in one transaction, possibly together with other appends made at the
   * same time (group commit); rejects (nothing of them stored) when the backend fails.
   */
  append(records: readonly StoredRecord[]): Promise<void>;
  /**
   * Stores the records of several writes in one transaction at once, with no queue of its own:
   * for a caller that gathers batches itself (the store sink). Identical records are counted
   * within each write. Optional: a store without it is written through `append`.
   */
  appendBatch?(writes: readonly (readonly StoredRecord[])[]): Promise<void>;
  /** Deletes records of a pseudonym or receipt ids; resolves to how many were removed. */
  forget(query: ForgetQuery): Promise<number>;
  /** Deletes records received before `now - retention`; resolves to how many were removed. */
  applyRetention(now: number): Promise<number>;
  /** The last `limit` records, oldest first (the QA demo's `/records`). */
  recent(limit: number): Promise<StoredRecord[]>;
  /** Every statistics query for one range. Pseudonyms are never part of a result. */
  report(query: StatsQuery): Promise<StatsReport>;
  close(): Promise<void>;
}
