/**
 * Adds the hits a transaction stored to the daily aggregate tables, in that same transaction,
 * with one statement per table and dimension over all of them (GROUP BY), from the definitions
 * the rebuild counts by. A batch of a few hundred beacons then costs a few hundred upserts,
 * not a few thousand: a row trigger ran about thirty statements for every hit, and made an
 * append 2.7 times the work.
 *
 * `agg_folded` holds the highest hit id already counted (the watermark); the hits above it are
 * new. They are counted against the hits at or below it: a visit counts for a page, day and
 * value when none of its earlier hits did. The last statement moves the watermark. Ids only
 * grow within a transaction, and on PostgreSQL every transaction that stores hits holds the
 * aggregate lock first (a statement trigger, and the lock below), so relay instances sharing a
 * database fold one after the other and never see each other's hits half-written.
 */
import type { SqlDriver, SqlStatement } from '../types';
import {
  metricWhere,
  ratingOf,
  VALUE_METRICS,
  VISIT_DIMENSIONS,
  type VisitDimension,
} from './aggregateDefinitions';
import { AGGREGATE_LOCK_KEY } from './aggregateTriggers';
import { ALL_DAYS, rebuildStatements } from './rebuildAggregates';
import { valueBucket } from './valueBucket';

const WATERMARK = '(SELECT id FROM agg_folded)';
/**
 * The new hits, as a range of ids with both ends: PostgreSQL cannot know the watermark when it
 * plans, and guesses a third of the table for `id > ?` (a scan of every hit) but a sliver for
 * a range between two values, which it reads from the primary key.
 */
const NEW_HITS = `n.id > ${WATERMARK} AND n.id <= (SELECT MAX(id) FROM hits)`;
const COUNTED = `o.id <= ${WATERMARK}`;

/**
 * Where a visitor's counted hits are read. SQLite, without statistics, prefers the index that
 * matches the most equalities, and a look-up by type, day and page matched three of
 * `hits_type_day_page` (dropped by migration 5): it walked every earlier view of that page that
 * day, slower as the day filled. A visitor's own hits are a handful in `hits_day_sid`, so
 * SQLite is told to use that index. PostgreSQL plans by its statistics (keepPlannerStatistics)
 * and the look-ups below are written so it probes them per visitor.
 */
const OTHER_HITS: Record<SqlDriver['dialect'], string> = {
  sqlite: 'hits o INDEXED BY hits_day_sid',
  postgres: 'hits o',
};

/**
 * Where the new hits are read: by their ids alone. SQLite would otherwise walk a whole index
 * for the order a DISTINCT or GROUP BY wants, every stored hit for a few new ones.
 */
const FRESH_HITS: Record<SqlDriver['dialect'], string> = {
  sqlite: 'hits n NOT INDEXED',
  postgres: 'hits n',
};

/** How the new hits (`n`) and a visitor's counted hits (`o`) are read. */
interface Reads {
  fresh: string;
  other: string;
}

const ADD_VISITS = `ON CONFLICT (dim, page, day, value) DO UPDATE
    SET visits = agg_visits.visits + excluded.visits, hits = agg_visits.hits + excluded.hits`;

const visitFold = (d: VisitDimension, scope: 'all' | 'each', { fresh, other }: Reads): string => {
  const samePage = scope === 'each' ? ' AND o.page = n.page' : '';
  const sameValue = d.value ? ` AND ${d.value('o.')} = ${d.value('n.')}` : '';
  // The pseudonym when this is the visit's first hit of its kind, else null (not counted).
  // `o.id < n.id` follows from the watermark, and is there for PostgreSQL: a look-up made of
  // equalities alone it may turn into a hash of every counted hit, built for each fold.
  const first = d.distinct
    ? `CASE WHEN NOT EXISTS (SELECT 1 FROM ${other} WHERE o.day = n.day AND o.sid = n.sid AND o.id < n.id AND ${COUNTED} AND ${d.where('o.')}${sameValue}${samePage}) THEN n.sid END`
    : 'n.sid';
  const groups = ['day', ...(scope === 'each' ? ['page'] : []), ...(d.value ? ['value'] : [])];
  return `INSERT INTO agg_visits (dim, page, day, value, visits, hits)
    SELECT '${d.dim}', ${scope === 'each' ? 'page' : "''"}, day, ${d.value ? 'value' : "''"},
      ${d.distinct ? 'COUNT(DISTINCT first)' : 'COUNT(*)'}, SUM(hits)
    FROM (SELECT n.day, n.page, ${d.value ? `${d.value('n.')} AS value, ` : ''}${first} AS first,
      ${d.hits('n.')} AS hits FROM ${fresh} WHERE ${NEW_HITS} AND ${d.where('n.')}) AS batch
    GROUP BY ${groups.join(', ')}
    ${ADD_VISITS}`;
};

/**
 * The exit of a visit is its last page view (latest `received`, then highest id). For every
 * visit with new page views, the exit it had among the counted hits is taken back and the
 * exit among all its hits is added: the same page when a new view came earlier, another when
 * a later one arrived. Each visit's last view is looked up on its own (a visitor's handful of
 * hits), where a join would let PostgreSQL hash every stored hit.
 */
const exitFold = ({ fresh, other }: Reads, counted: boolean): string =>
  `INSERT INTO agg_visits (dim, page, day, value, visits, hits)
    SELECT 'exit', page, day, '', ${counted ? '-' : ''}COUNT(*), ${counted ? '-' : ''}COUNT(*) FROM (
      SELECT touched.day, (SELECT o.page FROM ${other}
        WHERE o.day = touched.day AND o.sid = touched.sid AND o.type = 'pageview'${counted ? ` AND ${COUNTED}` : ''}
        ORDER BY o.received DESC, o.id DESC LIMIT 1) AS page
      FROM (SELECT DISTINCT n.day, n.sid FROM ${fresh} WHERE ${NEW_HITS} AND n.type = 'pageview') AS touched
    ) AS exits WHERE page IS NOT NULL GROUP BY day, page
    ${ADD_VISITS}`;

const foldOf = (dialect: SqlDriver['dialect']): string[] => {
  const reads: Reads = { fresh: FRESH_HITS[dialect], other: OTHER_HITS[dialect] };
  const { fresh } = reads;
  return [
    ...VISIT_DIMENSIONS.flatMap((d) => d.scopes.map((scope) => visitFold(d, scope, reads))),
    exitFold(reads, true),
    exitFold(reads, false),
    `INSERT INTO agg_paths (day, prev, page, n)
      SELECT n.day, n.prev, n.page, COUNT(*) FROM ${fresh}
      WHERE ${NEW_HITS} AND n.type = 'pageview' AND n.prev IS NOT NULL GROUP BY n.day, n.prev, n.page
      ON CONFLICT (day, prev, page) DO UPDATE SET n = agg_paths.n + excluded.n`,
    `INSERT INTO agg_statuses (day, page, status, n)
      SELECT n.day, n.page, n.status, COUNT(*) FROM ${fresh}
      WHERE ${NEW_HITS} AND n.type = 'pageview' AND n.status IS NOT NULL GROUP BY n.day, n.page, n.status
      ON CONFLICT (day, page, status) DO UPDATE SET n = agg_statuses.n + excluded.n`,
    ...VALUE_METRICS.map((m) => {
      const v = `n.${m.column}`;
      return `INSERT INTO agg_values (page, metric, day, bucket, n, top, good, poor)
        SELECT page, '${m.metric}', day, bucket, COUNT(*), MAX(value), SUM(good), SUM(poor) FROM (
          SELECT n.page, n.day, ${valueBucket(v)} AS bucket, ${v} AS value,
            ${ratingOf(m, v, 0)} AS good, ${ratingOf(m, v, 1)} AS poor
          FROM ${fresh} WHERE ${NEW_HITS} AND ${metricWhere(m, 'n.')}
        ) AS fresh GROUP BY page, day, bucket
        ON CONFLICT (page, metric, bucket, day) DO UPDATE SET n = agg_values.n + excluded.n,
          top = CASE WHEN excluded.top > agg_values.top THEN excluded.top ELSE agg_values.top END,
          good = agg_values.good + excluded.good, poor = agg_values.poor + excluded.poor`;
    }),
    MOVE_WATERMARK,
  ];
};

/** Sets the watermark to the highest stored id: after a fold, and after forget or retention. */
export const MOVE_WATERMARK = 'UPDATE agg_folded SET id = (SELECT COALESCE(MAX(id), 0) FROM hits)';

/**
 * PostgreSQL runs the fold as a function made by migration 4: PL/pgSQL keeps each statement's
 * plan for the connection (and plans again when ANALYZE has changed the statistics), where
 * thirty statements sent as SQL would be planned for every transaction, most of the cost of a
 * beacon alone in its transaction.
 */
const FOLD_FUNCTION = `CREATE FUNCTION fold_hits() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(${AGGREGATE_LOCK_KEY});
  ${foldOf('postgres').join(';\n  ')};
END
$$`;

const FOLDS: Record<SqlDriver['dialect'], readonly SqlStatement[]> = {
  sqlite: foldOf('sqlite').map((sql) => ({ sql })),
  postgres: [{ sql: 'SELECT fold_hits()' }],
};

/** The statements that count the new hits; they end the transaction that stored them. */
export const foldStatements = (dialect: SqlDriver['dialect']): readonly SqlStatement[] =>
  FOLDS[dialect];

/**
 * Migration 4: the row trigger on hits that earlier builds of migration 3 created goes, every
 * stored day is counted again from its rows (whatever counted them before), and the watermark
 * starts above every stored hit.
 */
export const foldMigration = (dialect: SqlDriver['dialect']): string[] => [
  ...(dialect === 'sqlite'
    ? ['DROP TRIGGER IF EXISTS hits_aggregate']
    : [
        'DROP TRIGGER IF EXISTS hits_aggregate ON hits',
        'DROP FUNCTION IF EXISTS hits_aggregate()',
      ]),
  ...(dialect === 'postgres' ? [FOLD_FUNCTION] : []),
  'CREATE TABLE agg_folded (id BIGINT NOT NULL)',
  'INSERT INTO agg_folded (id) SELECT COALESCE(MAX(id), 0) FROM hits',
  ...ALL_DAYS,
  ...rebuildStatements().map((statement) => statement.sql),
];
