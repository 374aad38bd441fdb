import type { ForgetQuery, StoredRecord } from '../types';
import { AGGREGATE_LOCK_KEY } from './aggregates/aggregateTriggers';
import { foldStatements, MOVE_WATERMARK } from './aggregates/foldHits';
import { keepPlannerStatistics } from './aggregates/keepPlannerStatistics';
import { forgetDays, rebuildStatements, retentionDaysOf } from './aggregates/rebuildAggregates';
import { buildReport } from './buildReport';
import { createGroupCommit } from './createGroupCommit';
import { createProtection } from './createProtection';
import { readRecentRecords } from './readRecords';
import { recordStatements } from './recordStatements';
import { resolveStatsQuery } from './resolveStatsQuery';
import { runMigrations } from './runMigrations';
import type { SqlDriver, SqlStatement, StatsStore } from './types';

export interface SqlStoreOptions {
  /** Counts below this are returned as `"<threshold"`. Default `5`. */
  threshold?: number;
  /** Days a record is kept after it was received. Default `30`. */
  retentionDays?: number;
  /** Clock, for tests and the default range of reports. Default `Date.now`. */
  now?: () => number;
  /**
   * How long the first `append` of a batch waits for others before its transaction, in ms, or
   * `'turn'` (one turn of the event loop). Every commit writes each changed page of the table
   * and its indexes, so fewer, larger ones carry many more beacons; the few milliseconds are
   * well inside a beacon's latency budget. Default `2`.
   */
  batchWindowMs?: number | 'turn';
  /** Records in one transaction at most (an `append` larger than this is one of its own). Default `500`. */
  maxBatch?: number;
  /**
   * Records waiting for their transaction at most; an `append` beyond it rejects at once with
   * `QueueFullError` (code `ZV_QUEUE_FULL`). Default `20000`.
   */
  maxQueue?: number;
}

const MS_PER_DAY = 864e5;
const sum = (values: number[]) => values.reduce((total, n) => total + n, 0);

/**
 * The statistics store on any `SqlDriver`. Appends are group-committed (`createGroupCommit`):
 * the records of every `append` made while a batch is being written, or within `batchWindowMs`
 * before it, go into the next single transaction (up to `maxBatch` records), so a burst of
 * beacons costs one commit, not one each. A failed transaction rejects every append in it and
 * stores none of them: each caller answers 503 and its client retries, so nothing acknowledged
 * is lost. `appendBatch` is the same transaction without the queue, for a caller that gathers
 * batches itself (the store sink): one queue on the relay's path, not two.
 */
export const createSqlStore = (
  driver: SqlDriver,
  {
    threshold = 5,
    retentionDays = 30,
    now = Date.now,
    batchWindowMs = 2,
    maxBatch,
    maxQueue,
  }: SqlStoreOptions = {},
): StatsStore => {
  const protect = createProtection(threshold);
  if (!(retentionDays > 0)) {
    throw new Error(
      `zorgvuldig createSqlStore(): retentionDays must be a positive number (got ${JSON.stringify(retentionDays)})`,
    );
  }
  let migrated: Promise<void> | null = null;
  const stored = keepPlannerStatistics(driver);

  // On a shared server (PostgreSQL) instances that start at once migrate one after the other.
  const runLocked = () =>
    driver.exclusive
      ? driver.exclusive(() => runMigrations(driver, undefined, now))
      : runMigrations(driver, undefined, now);
  const migrate = () =>
    (migrated ??= runLocked().then(
      () => undefined,
      (error: unknown) => {
        migrated = null; // a failed start is tried again on the next use
        throw error;
      },
    ));

  /** The records of several writes in one transaction; identical records counted per write. */
  const appendBatch = async (writes: readonly (readonly StoredRecord[])[]) => {
    const bodies = writes.filter((records) => records.length);
    if (!bodies.length) return;
    // The batch's hits are counted into the aggregates in its own transaction, all at once.
    const statements = [
      ...(await Promise.all(bodies.map(recordStatements))).flat(),
      ...foldStatements(driver.dialect),
    ];
    await migrate();
    await (driver.insertMany ? driver.insertMany(statements) : driver.transaction(statements));
    stored(bodies.reduce((count, records) => count + records.length, 0));
  };

  const group = createGroupCommit<StoredRecord>({
    commit: appendBatch,
    maxBatch,
    maxQueue,
    windowMs: batchWindowMs,
    owner: 'createSqlStore()',
  });

  /**
   * Runs deletes in one transaction with the rebuild of the aggregates of the days they touch:
   * `listDays` puts those days in `agg_dirty_days` before anything is deleted. Resolves to the
   * rows changed by each of `deletes`. On PostgreSQL the aggregate lock comes first, so no
   * append of another instance counts into a day while it is rebuilt.
   */
  const remove = async (listDays: SqlStatement[], deletes: SqlStatement[]) => {
    await migrate();
    const lock: SqlStatement[] =
      driver.dialect === 'postgres'
        ? [{ sql: 'SELECT pg_advisory_xact_lock(?)', params: [AGGREGATE_LOCK_KEY] }]
        : [];
    const before = lock.length + listDays.length;
    const changed = (
      await driver.transaction([
        ...lock,
        ...listDays,
        ...deletes,
        ...rebuildStatements(),
        // SQLite gives a new row the highest id + 1: after the highest hits are deleted, the
        // next ones would have ids at or below the watermark, and never be counted.
        { sql: MOVE_WATERMARK },
      ])
    ).slice(before, before + deletes.length);
    // SQLite keeps older copies of changed pages in its write-ahead log until it is reused:
    // checkpoint and empty it, so deleted rows are gone from every file. (D1 may refuse pragmas;
    // it keeps no WAL of its own that anyone can read.)
    if (driver.dialect === 'sqlite' && changed.some((n) => n > 0)) {
      await driver.exec('PRAGMA wal_checkpoint(TRUNCATE)').catch(() => {});
    }
    return changed;
  };

  return {
    migrate,
    append: (records) => group.write(records),
    appendBatch,
    async forget({ sid, receipts = [] }: ForgetQuery) {
      const statements: SqlStatement[] = [];
      if (sid) {
        statements.push(
          {
            sql: 'DELETE FROM event_props WHERE hit_key IN (SELECT key FROM hits WHERE sid = ?)',
            params: [sid],
          },
          { sql: 'DELETE FROM hits WHERE sid = ?', params: [sid] },
          { sql: 'DELETE FROM receipts WHERE sid = ?', params: [sid] },
        );
      }
      if (receipts.length) {
        statements.push({
          sql: `DELETE FROM receipts WHERE id IN (${receipts.map(() => '?').join(', ')})`,
          params: receipts,
        });
      }
      if (!statements.length) return 0;
      // With a pseudonym, the first statement deletes property rows: part of their hit, not
      // records of their own, so not counted as removed.
      return sum((await remove(forgetDays(sid, receipts), statements)).slice(sid ? 1 : 0));
    },
    async applyRetention(at) {
      const cutoff = at - retentionDays * MS_PER_DAY;
      // `day <= ` lets the day indexes find the rows; `received <` is the exact cut.
      const day = new Date(cutoff).toISOString().slice(0, 10);
      const older = 'WHERE day <= ? AND received < ?';
      const changed = await remove(retentionDaysOf(older, [day, cutoff]), [
        { sql: `DELETE FROM event_props ${older}`, params: [day, cutoff] },
        { sql: `DELETE FROM hits ${older}`, params: [day, cutoff] },
        { sql: `DELETE FROM receipts ${older}`, params: [day, cutoff] },
      ]);
      return sum(changed.slice(1));
    },
    async recent(limit) {
      await migrate();
      return readRecentRecords(driver, limit);
    },
    async report(query) {
      await migrate();
      return buildReport(driver, resolveStatsQuery(query), protect);
    },
    async close() {
      // Appends already taken are written (or fail) before the connection closes.
      await group.drain();
      await driver.close();
    },
  };
};
