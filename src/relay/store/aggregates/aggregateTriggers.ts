/**
 * Insert triggers that keep the aggregate tables up to date in the transaction that stores a
 * hit, an event property or a receipt. A trigger fires only for a row actually inserted, so a
 * record stored twice (`ON CONFLICT DO NOTHING`) is counted once, and every way into the tables
 * (append, import, a future path) counts. Deletes fire nothing: forget and retention rebuild
 * the days they touched (rebuildAggregates).
 *
 * A visit is counted when its hit is the first of that pseudonym, day (page) and value: the
 * other hits are found through the `hits (day, sid, received)` index, a handful per visit.
 */
import type { SqlDriver } from '../types';
import {
  metricWhere,
  ratingOf,
  VALUE_METRICS,
  VISIT_DIMENSIONS,
  type VisitDimension,
} from './aggregateDefinitions';
import { valueBucket } from './valueBucket';

/** The PostgreSQL transaction lock every aggregate write takes ("zv" + "aggr"). */
export const AGGREGATE_LOCK_KEY = 0x7a76_6167_6772;

/**
 * The other hits already counted: those stored before this one, which have lower ids. SQLite
 * fires the trigger as each row is inserted; PostgreSQL fires row triggers after the whole
 * statement, when every row of a multi-row INSERT is visible, but in row order, so "lower id"
 * still means "counted". Across relay instances on one PostgreSQL database, each INSERT into
 * the tables first takes the aggregate lock (a statement trigger, before any id is drawn), so
 * the hits another instance committed all have lower ids too.
 */
const COUNTED = 'o.id < NEW.id';

/**
 * Where a trigger reads a visitor's other hits. SQLite, without statistics, prefers the index
 * that matches the most equalities, and a look-up by type, day and page matches three of
 * `hits_type_day_page`: it then walks every earlier view of that page that day, so each
 * append got slower as the day filled (a sixth of the rate after 300,000 hits). The visitor's
 * own hits are a handful in `hits_day_sid`, so SQLite is told to use that index. PostgreSQL
 * plans by its statistics and finds the selective index itself.
 */
const OTHER_HITS: Record<SqlDriver['dialect'], string> = {
  sqlite: 'hits o INDEXED BY hits_day_sid',
  postgres: 'hits o',
};

const visitStatement = (d: VisitDimension, scope: 'all' | 'each', other: string): string => {
  const value = (r: string) => (d.value ? d.value(r) : "''");
  const samePage = scope === 'each' ? ' AND o.page = NEW.page' : '';
  const sameValue = d.value ? ` AND ${d.value('o.')} = ${d.value('NEW.')}` : '';
  const first = d.distinct
    ? `CASE WHEN EXISTS (SELECT 1 FROM ${other} WHERE o.day = NEW.day AND o.sid = NEW.sid AND ${COUNTED} AND ${d.where('o.')}${sameValue}${samePage}) THEN 0 ELSE 1 END`
    : '1';
  return `INSERT INTO agg_visits (dim, page, day, value, visits, hits)
    SELECT '${d.dim}', ${scope === 'all' ? "''" : 'NEW.page'}, NEW.day, ${value('NEW.')}, ${first}, ${d.hits('NEW.')}
    WHERE ${d.where('NEW.')}
    ON CONFLICT (dim, page, day, value) DO UPDATE
    SET visits = agg_visits.visits + excluded.visits, hits = agg_visits.hits + excluded.hits`;
};

// The exit of a visit is its last page view (latest `received`, then highest id). A page view
// that becomes the last takes the exit from the one that was.
// Ties on `received` go to the higher id, which NEW has among the hits counted before it.
const laterView = (
  other: string,
) => `SELECT 1 FROM ${other} WHERE o.day = NEW.day AND o.sid = NEW.sid AND o.type = 'pageview'
  AND ${COUNTED} AND o.received > NEW.received`;
const exitStatements = (other: string) => [
  `UPDATE agg_visits SET visits = visits - 1, hits = hits - 1
    WHERE dim = 'exit' AND day = NEW.day AND value = '' AND NEW.type = 'pageview'
    AND page = (SELECT o.page FROM ${other} WHERE o.day = NEW.day AND o.sid = NEW.sid
      AND o.type = 'pageview' AND ${COUNTED} ORDER BY o.received DESC, o.id DESC LIMIT 1)
    AND NOT EXISTS (${laterView(other)})`,
  `INSERT INTO agg_visits (dim, page, day, value, visits, hits)
    SELECT 'exit', NEW.page, NEW.day, '', 1, 1
    WHERE NEW.type = 'pageview' AND NOT EXISTS (${laterView(other)})
    ON CONFLICT (dim, page, day, value) DO UPDATE
    SET visits = agg_visits.visits + 1, hits = agg_visits.hits + 1`,
];

const hitStatements = (other: string): readonly string[] => [
  ...VISIT_DIMENSIONS.flatMap((d) => d.scopes.map((scope) => visitStatement(d, scope, other))),
  ...exitStatements(other),
  `INSERT INTO agg_paths (day, prev, page, n) SELECT NEW.day, NEW.prev, NEW.page, 1
    WHERE NEW.type = 'pageview' AND NEW.prev IS NOT NULL
    ON CONFLICT (day, prev, page) DO UPDATE SET n = agg_paths.n + 1`,
  `INSERT INTO agg_statuses (day, page, status, n) SELECT NEW.day, NEW.page, NEW.status, 1
    WHERE NEW.type = 'pageview' AND NEW.status IS NOT NULL
    ON CONFLICT (day, page, status) DO UPDATE SET n = agg_statuses.n + 1`,
  ...VALUE_METRICS.map((m) => {
    const v = `NEW.${m.column}`;
    return `INSERT INTO agg_values (page, metric, day, bucket, n, top, good, poor)
      SELECT NEW.page, '${m.metric}', NEW.day, ${valueBucket(v)}, 1, ${v}, ${ratingOf(m, v, 0)}, ${ratingOf(m, v, 1)}
      WHERE ${metricWhere(m, 'NEW.')}
      ON CONFLICT (page, metric, bucket, day) DO UPDATE SET n = agg_values.n + 1,
        top = CASE WHEN excluded.top > agg_values.top THEN excluded.top ELSE agg_values.top END,
        good = agg_values.good + excluded.good, poor = agg_values.poor + excluded.poor`;
  }),
];

const PROP_STATEMENTS: readonly string[] = ["''", 'NEW.page'].map(
  (page) => `INSERT INTO agg_props (page, day, name, prop, value, n)
    SELECT ${page}, NEW.day, NEW.name, NEW.prop, NEW.value, 1 WHERE 1 = 1
    ON CONFLICT (page, day, name, prop, value) DO UPDATE SET n = agg_props.n + 1`,
);

const RECEIPT_STATEMENTS: readonly string[] = [
  `INSERT INTO agg_consent (day, total, accept_all, reject_all, custom, objection)
    SELECT NEW.day, 1,
      CASE WHEN NEW.method = 'accept-all' THEN 1 ELSE 0 END,
      CASE WHEN NEW.method = 'reject-all' THEN 1 ELSE 0 END,
      CASE WHEN NEW.method = 'custom' THEN 1 ELSE 0 END,
      CASE WHEN NEW.objection IS NOT NULL THEN 1 ELSE 0 END
    WHERE 1 = 1
    ON CONFLICT (day) DO UPDATE SET total = agg_consent.total + 1,
      accept_all = agg_consent.accept_all + excluded.accept_all,
      reject_all = agg_consent.reject_all + excluded.reject_all,
      custom = agg_consent.custom + excluded.custom,
      objection = agg_consent.objection + excluded.objection`,
];

interface Trigger {
  name: string;
  table: string;
  body: readonly string[];
}

const triggersOf = (dialect: SqlDriver['dialect']): Trigger[] => [
  { name: 'hits_aggregate', table: 'hits', body: hitStatements(OTHER_HITS[dialect]) },
  { name: 'event_props_aggregate', table: 'event_props', body: PROP_STATEMENTS },
  { name: 'receipts_aggregate', table: 'receipts', body: RECEIPT_STATEMENTS },
];

/** PostgreSQL: the function the statement triggers take the aggregate lock with. */
export const AGGREGATE_LOCK_FUNCTION = `CREATE FUNCTION aggregate_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(${AGGREGATE_LOCK_KEY});
  RETURN NULL;
END
$$`;

/**
 * The triggers in the dialect's words: SQLite takes the statements as the trigger's body;
 * PostgreSQL needs a PL/pgSQL function around them, and a statement trigger before every
 * INSERT that takes a transaction lock, so relay instances appending at once to one database
 * count one after the other (each sees the other's committed hits, with lower ids, and a
 * visit is never counted twice).
 */
const sqliteTrigger = ({ name, table, body }: Trigger): string =>
  `CREATE TRIGGER ${name} AFTER INSERT ON ${table} BEGIN\n${body.join(';\n')};\nEND`;

export const aggregateTriggers = (dialect: SqlDriver['dialect']): string[] => [
  ...(dialect === 'postgres' ? [AGGREGATE_LOCK_FUNCTION] : []),
  ...triggersOf(dialect).flatMap((trigger) => {
    const { name, table, body } = trigger;
    return dialect === 'sqlite'
      ? [sqliteTrigger(trigger)]
      : [
          `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(${AGGREGATE_LOCK_KEY});
  ${body.join(';\n  ')};
  RETURN NULL;
END
$$`,
          `CREATE TRIGGER ${name} AFTER INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`,
          `CREATE TRIGGER ${name}_lock BEFORE INSERT ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION aggregate_lock()`,
        ];
  }),
];

/**
 * Migration 4 (SQLite and D1): the hit trigger of migration 3 again, its look-ups now through
 * `hits_day_sid` (OTHER_HITS). What it counts is unchanged, so the aggregates stay as they are.
 */
export const sqliteHitTriggerAgain = (): string[] => [
  'DROP TRIGGER hits_aggregate',
  sqliteTrigger(triggersOf('sqlite')[0]),
];
