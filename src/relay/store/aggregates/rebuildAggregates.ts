/**
 * Recomputes the aggregate tables for the days listed in `agg_dirty_days`, from the hits,
 * event properties and receipts left, with the same definitions the insert triggers count by.
 * Forget and retention list the days they delete from, then run these in the same transaction,
 * so the aggregates hold exactly what the stored rows say (a page, event or value of a
 * forgotten visitor leaves no row behind); migration 3 lists every day to fill them the first
 * time. One transaction (a D1 batch) carries it all.
 */
import type { SqlStatement } from '../types';
import {
  metricWhere,
  ratingOf,
  VALUE_METRICS,
  VISIT_DIMENSIONS,
  type VisitDimension,
} from './aggregateDefinitions';
import { AGGREGATE_TABLE_NAMES } from './aggregateTables';
import { valueBucket } from './valueBucket';

const DIRTY = 'day IN (SELECT day FROM agg_dirty_days)';

const visitRebuild = (d: VisitDimension, scope: 'all' | 'each'): string => {
  const value = d.value ? d.value('') : "''";
  // PostgreSQL refuses a constant in GROUP BY (and SQLite reads a number there as a position).
  const groups = ['day', ...(scope === 'each' ? ['page'] : []), ...(d.value ? [value] : [])];
  return `INSERT INTO agg_visits (dim, page, day, value, visits, hits)
    SELECT '${d.dim}', ${scope === 'all' ? "''" : 'page'}, day, ${value},
      ${d.distinct ? 'COUNT(DISTINCT sid)' : 'COUNT(*)'}, SUM(${d.hits('')})
    FROM hits WHERE ${d.where('')} AND ${DIRTY} GROUP BY ${groups.join(', ')}`;
};

const REBUILD: readonly string[] = [
  ...AGGREGATE_TABLE_NAMES.map((table) => `DELETE FROM ${table} WHERE ${DIRTY}`),
  ...VISIT_DIMENSIONS.flatMap((d) => d.scopes.map((scope) => visitRebuild(d, scope))),
  `INSERT INTO agg_visits (dim, page, day, value, visits, hits)
    SELECT 'exit', page, day, '', COUNT(*), COUNT(*) FROM (
      SELECT day, page, ROW_NUMBER() OVER (PARTITION BY day, sid ORDER BY received DESC, id DESC) AS rn
      FROM hits WHERE type = 'pageview' AND ${DIRTY}
    ) AS ranked WHERE rn = 1 GROUP BY day, page`,
  `INSERT INTO agg_paths (day, prev, page, n)
    SELECT day, prev, page, COUNT(*) FROM hits
    WHERE type = 'pageview' AND prev IS NOT NULL AND ${DIRTY} GROUP BY day, prev, page`,
  `INSERT INTO agg_statuses (day, page, status, n)
    SELECT day, page, status, COUNT(*) FROM hits
    WHERE type = 'pageview' AND status IS NOT NULL AND ${DIRTY} GROUP BY day, page, status`,
  ...VALUE_METRICS.map((m) => {
    const v = m.column;
    return `INSERT INTO agg_values (page, metric, day, bucket, n, top, good, poor)
      SELECT page, '${m.metric}', day, ${valueBucket(v)}, COUNT(*), MAX(${v}),
        SUM(${ratingOf(m, v, 0)}), SUM(${ratingOf(m, v, 1)})
      FROM hits WHERE ${metricWhere(m, '')} AND ${DIRTY} GROUP BY page, day, ${valueBucket(v)}`;
  }),
  ...["''", 'page'].map(
    (page) => `INSERT INTO agg_props (page, day, name, prop, value, n)
    SELECT ${page}, day, name, prop, value, COUNT(*) FROM event_props
    WHERE ${DIRTY} GROUP BY ${page === 'page' ? 'page, ' : ''}day, name, prop, value`,
  ),
  `INSERT INTO agg_consent (day, total, accept_all, reject_all, custom, objection)
    SELECT day, COUNT(*),
      SUM(CASE WHEN method = 'accept-all' THEN 1 ELSE 0 END),
      SUM(CASE WHEN method = 'reject-all' THEN 1 ELSE 0 END),
      SUM(CASE WHEN method = 'custom' THEN 1 ELSE 0 END),
      SUM(CASE WHEN objection IS NOT NULL THEN 1 ELSE 0 END)
    FROM receipts WHERE ${DIRTY} GROUP BY day`,
  'DELETE FROM agg_dirty_days',
];

/** The statements that recompute every listed day and empty the list. */
export const rebuildStatements = (): SqlStatement[] => REBUILD.map((sql) => ({ sql }));

const LIST = 'INSERT INTO agg_dirty_days (day)';
const NEW_DAYS = 'ON CONFLICT (day) DO NOTHING';

/** Lists the days of a pseudonym's hits and receipts, and of receipts by id (before they are deleted). */
export const forgetDays = (
  sid: string | undefined,
  receipts: readonly string[],
): SqlStatement[] => [
  ...(sid
    ? [
        { sql: `${LIST} SELECT DISTINCT day FROM hits WHERE sid = ? ${NEW_DAYS}`, params: [sid] },
        {
          sql: `${LIST} SELECT DISTINCT day FROM receipts WHERE sid = ? ${NEW_DAYS}`,
          params: [sid],
        },
      ]
    : []),
  ...(receipts.length
    ? [
        {
          sql: `${LIST} SELECT DISTINCT day FROM receipts WHERE id IN (${receipts.map(() => '?').join(', ')}) ${NEW_DAYS}`,
          params: [...receipts],
        },
      ]
    : []),
];

/** Lists the days retention deletes from (`older`: its WHERE condition, with its parameters). */
export const retentionDaysOf = (
  older: string,
  params: readonly (string | number)[],
): SqlStatement[] =>
  ['hits', 'receipts'].map((table) => ({
    sql: `${LIST} SELECT DISTINCT day FROM ${table} ${older} ${NEW_DAYS}`,
    params,
  }));

/** Lists every stored day: migration 3 fills the new tables from the rows already there. */
export const ALL_DAYS: readonly string[] = ['hits', 'receipts'].map(
  (table) => `${LIST} SELECT DISTINCT day FROM ${table} WHERE 1 = 1 ${NEW_DAYS}`,
);
