import type { SqlDriver } from '../types';

/** Records stored before the first ANALYZE: below this any plan is fast. */
const FIRST_ANALYZE_AT = 1_000;

/**
 * PostgreSQL plans the fold (foldHits.ts) by its statistics of `hits`. A new table has none,
 * and its autovacuum looks again only once a minute: meanwhile the planner guesses, and reads a
 * visitor's counted hits by scanning every hit. So the store runs ANALYZE itself each time the
 * hits it stored have doubled since the last time (a sample of the table; a few times in a
 * table's life), after the transaction, without holding up any beacon. SQLite needs nothing:
 * the fold names its indexes there.
 */
export const keepPlannerStatistics = (driver: SqlDriver) => {
  if (driver.dialect !== 'postgres') return () => {};
  let stored = 0;
  let nextAt = FIRST_ANALYZE_AT;
  let running = false;
  /** Called with the number of records a transaction stored (hits, and the few receipts). */
  return (records: number) => {
    stored += records;
    if (stored < nextAt || running) return;
    nextAt = stored * 2;
    running = true;
    driver
      .exec('ANALYZE hits')
      .catch(() => {}) // statistics are an optimisation; the next doubling tries again
      .finally(() => (running = false));
  };
};
