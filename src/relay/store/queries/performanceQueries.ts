/**
 * Performance: HTTP status per page, transfer bytes and runtime per page, web vitals per page.
 * Percentiles are nearest-rank (`ceil(p × n)`-th smallest value), computed with window functions
 * both dialects have: `percentile_cont` is PostgreSQL only.
 */
import type { SqlStatement } from '../types';
import { VITALS_THRESHOLDS, VITAL_METRICS } from '../vitalsThresholds';
import { rangeFilter, type ResolvedQuery } from './rangeFilter';

export interface StatusRow {
  page: string;
  status: number;
  views: number;
}

/** Page views per page and status: errors (≥ 400) first, then by count. */
export const statusesStatement = (query: ResolvedQuery): SqlStatement => {
  const where = rangeFilter(query);
  return {
    sql: `SELECT page, status, COUNT(*) AS views FROM hits
      WHERE type = 'pageview' AND status IS NOT NULL AND ${where.sql}
      GROUP BY page, status
      ORDER BY CASE WHEN status >= 400 THEN 0 ELSE 1 END, views DESC, page, status LIMIT ?`,
    params: [...where.params, query.limit],
  };
};

export interface PercentileRow {
  page: string;
  metric: string;
  samples: number;
  p50: number | null;
  p75: number | null;
  good: number;
  poor: number;
}

/**
 * p50 and p75 of `columns` per page, for the `limit` most viewed pages, with how many samples
 * were at most `good` and above `poor` (web vitals; 0 for measures without thresholds).
 * `types` limits the hits read (runtime comes from page views, vitals from every hit).
 */
const percentilesStatement = (
  query: ResolvedQuery,
  columns: readonly string[],
  types: string | null,
  thresholds: Partial<Record<string, readonly [number, number]>> = {},
): SqlStatement => {
  const where = rangeFilter(query);
  const typeCondition = types === null ? '' : `type = '${types}' AND `;
  // One pass over the hits gives a row per hit and measure (a join with the measures' names),
  // then equal values are counted together, so the running sums that find the percentiles
  // go over distinct values, not every sample.
  const metrics = columns.map((column) => `SELECT '${column}' AS metric`).join(' UNION ALL ');
  const value = `CASE m.metric ${columns.map((column) => `WHEN '${column}' THEN ${column}`).join(' ')} END`;
  const bound = (which: 0 | 1) =>
    `CASE metric ${columns
      .filter((column) => thresholds[column])
      .map((column) => `WHEN '${column}' THEN ${thresholds[column]![which]}`)
      .join(' ')} ELSE NULL END`;
  const hasThresholds = columns.some((column) => thresholds[column]);
  return {
    sql: `WITH top_pages AS (
        SELECT page FROM hits WHERE type = 'pageview' AND ${where.sql}
        GROUP BY page ORDER BY COUNT(*) DESC, page LIMIT ?
      ),
      samples AS (
        SELECT page, m.metric AS metric, ${value} AS value
        FROM hits CROSS JOIN (${metrics}) AS m
        WHERE ${typeCondition}${where.sql} AND page IN (SELECT page FROM top_pages)
      ),
      counted AS (
        SELECT page, metric, value, COUNT(*) AS c FROM samples
        WHERE value IS NOT NULL GROUP BY page, metric, value
      ),
      running AS (
        SELECT page, metric, value, c,
          SUM(c) OVER (PARTITION BY page, metric ORDER BY value ROWS UNBOUNDED PRECEDING) AS upto,
          -- An integer on both: PostgreSQL sums BIGINT as NUMERIC, and (n + 1) / 2 must round down.
          CAST(SUM(c) OVER (PARTITION BY page, metric) AS BIGINT) AS n
        FROM counted
      )
      SELECT page, metric, MAX(n) AS samples,
        MIN(CASE WHEN upto >= (n + 1) / 2 THEN value END) AS p50,
        MIN(CASE WHEN upto >= (3 * n + 3) / 4 THEN value END) AS p75,
        ${hasThresholds ? `SUM(CASE WHEN value <= ${bound(0)} THEN c ELSE 0 END)` : '0'} AS good,
        ${hasThresholds ? `SUM(CASE WHEN value > ${bound(1)} THEN c ELSE 0 END)` : '0'} AS poor
      FROM running GROUP BY page, metric ORDER BY samples DESC, page, metric`,
    params: [...where.params, query.limit, ...where.params],
  };
};

/** TTFB, load time and transfer bytes per page, from page views. */
export const runtimeStatement = (query: ResolvedQuery): SqlStatement =>
  percentilesStatement(query, ['ttfb', 'load', 'transfer'], 'pageview');

/** Web vitals per page (p75 and ratings), from every hit that carries them. */
export const vitalsStatement = (query: ResolvedQuery): SqlStatement =>
  percentilesStatement(query, VITAL_METRICS, null, VITALS_THRESHOLDS);
