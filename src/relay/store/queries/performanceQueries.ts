/**
 * Performance: HTTP status per page, transfer bytes and runtime per page, web vitals per page.
 * Percentiles are nearest-rank over the daily histograms (`agg_values`): the bucket that holds
 * the `ceil(p × n)`-th smallest value is found by running sums, and its largest value is the
 * percentile. Buckets are two significant digits wide (valueBucket), so the figure is a value
 * that was measured, at most one bucket (< 10 %) above the exact nearest-rank value, and equal
 * to it whenever the values of that bucket are equal. Window functions both dialects have.
 */
import { RUNTIME_METRIC_PREFIX } from '../aggregates/aggregateDefinitions';
import type { SqlStatement } from '../types';
import { VITAL_METRICS } from '../vitalsThresholds';
import { rangeFilter, visitRows, type ResolvedQuery } from './rangeFilter';

export interface StatusRow {
  page: string;
  status: number;
  views: number;
}

/** Page views per page and status: errors (≥ 400) first, then by count. */
export const statusesStatement = (query: ResolvedQuery): SqlStatement => {
  const where = rangeFilter(query);
  return {
    sql: `SELECT page, status, SUM(n) AS views FROM agg_statuses
      WHERE ${where.sql}
      GROUP BY page, status
      ORDER BY CASE WHEN status >= 400 THEN 0 ELSE 1 END, SUM(n) DESC, page, status LIMIT ?`,
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
 * p50 and p75 of `metrics` (names in `agg_values`) per page, for the `limit` most viewed pages,
 * with how many samples were good and poor (web vitals; 0 for measures without thresholds).
 * `strip` is removed from the metric names returned.
 */
const percentilesStatement = (
  query: ResolvedQuery,
  metrics: readonly string[],
  strip = '',
): SqlStatement => {
  const pages = visitRows('page', query, { perPageOnly: true });
  const metricList = metrics.map(() => '?').join(', ');
  const metricName = strip ? `SUBSTR(metric, ${strip.length + 1})` : 'metric';
  // The page asked, named outright too: PostgreSQL then reads its rows by the key instead of
  // scanning the table (it cannot tell that `top_pages` holds one page).
  const onePage = query.page === null ? '' : 'page = ? AND ';
  return {
    sql: `WITH top_pages AS (
        SELECT page FROM agg_visits WHERE ${pages.sql}
        GROUP BY page ORDER BY SUM(hits) DESC, page LIMIT ?
      ),
      counted AS (
        SELECT page, metric, bucket, SUM(n) AS c, MAX(top) AS value,
          SUM(good) AS good, SUM(poor) AS poor
        FROM agg_values
        WHERE ${onePage}page IN (SELECT page FROM top_pages) AND metric IN (${metricList})
          AND day BETWEEN ? AND ?
        GROUP BY page, metric, bucket
      ),
      running AS (
        SELECT page, metric, value, good, poor,
          SUM(c) OVER (PARTITION BY page, metric ORDER BY bucket ROWS UNBOUNDED PRECEDING) AS upto,
          -- An integer on both: PostgreSQL sums BIGINT as NUMERIC, and (n + 1) / 2 must round down.
          CAST(SUM(c) OVER (PARTITION BY page, metric) AS BIGINT) AS n
        FROM counted
      )
      SELECT page, ${metricName} AS metric, MAX(n) AS samples,
        MIN(CASE WHEN upto >= (n + 1) / 2 THEN value END) AS p50,
        MIN(CASE WHEN upto >= (3 * n + 3) / 4 THEN value END) AS p75,
        SUM(good) AS good, SUM(poor) AS poor
      FROM running GROUP BY page, metric ORDER BY samples DESC, page, metric`,
    params: [
      ...pages.params,
      query.limit,
      ...(query.page === null ? [] : [query.page]),
      ...metrics,
      query.from,
      query.to,
    ],
  };
};

/** TTFB, load time and transfer bytes per page, from page views. */
export const runtimeStatement = (query: ResolvedQuery): SqlStatement =>
  percentilesStatement(
    query,
    ['ttfb', 'load', 'transfer'].map((name) => `${RUNTIME_METRIC_PREFIX}${name}`),
    RUNTIME_METRIC_PREFIX,
  );

/** Web vitals per page (p75 and ratings), from every hit that carries them. */
export const vitalsStatement = (query: ResolvedQuery): SqlStatement =>
  percentilesStatement(query, VITAL_METRICS);
