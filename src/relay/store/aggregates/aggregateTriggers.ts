/**
 * Insert triggers that keep the aggregates of event properties and consent receipts up to date
 * in the transaction that stores them: a few upserts a row, for rows far rarer than hits. A
 * trigger fires only for a row actually inserted, so a record stored twice (`ON CONFLICT DO
 * NOTHING`) is counted once. Hits are counted by the fold at the end of their transaction
 * (foldHits.ts), many at once. Deletes fire nothing: forget and retention rebuild the days
 * they touched (rebuildAggregates).
 */
import type { SqlDriver } from '../types';

/** The PostgreSQL transaction lock every aggregate write takes ("zv" + "aggr"). */
export const AGGREGATE_LOCK_KEY = 0x7a76_6167_6772;

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

const TRIGGERS: readonly Trigger[] = [
  { name: 'event_props_aggregate', table: 'event_props', body: PROP_STATEMENTS },
  { name: 'receipts_aggregate', table: 'receipts', body: RECEIPT_STATEMENTS },
];

/** The tables every INSERT into first takes the aggregate lock for, on PostgreSQL. */
const LOCKED_TABLES = ['hits', 'event_props', 'receipts'];

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
 * INSERT into the stored tables that takes a transaction lock, before any id is drawn: relay
 * instances appending at once to one database then store and count one after the other.
 */
export const aggregateTriggers = (dialect: SqlDriver['dialect']): string[] =>
  dialect === 'sqlite'
    ? TRIGGERS.map(
        ({ name, table, body }) =>
          `CREATE TRIGGER ${name} AFTER INSERT ON ${table} BEGIN\n${body.join(';\n')};\nEND`,
      )
    : [
        AGGREGATE_LOCK_FUNCTION,
        ...LOCKED_TABLES.map(
          (table) =>
            `CREATE TRIGGER ${table}_aggregate_lock BEFORE INSERT ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION aggregate_lock()`,
        ),
        ...TRIGGERS.flatMap(({ name, table, body }) => [
          `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(${AGGREGATE_LOCK_KEY});
  ${body.join(';\n  ')};
  RETURN NULL;
END
$$`,
          `CREATE TRIGGER ${name} AFTER INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`,
        ]),
      ];
