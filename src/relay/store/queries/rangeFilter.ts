import type { SqlValue } from '../types';

/** A report's query with its defaults filled in. */
export interface ResolvedQuery {
  from: string;
  to: string;
  page: string | null;
  limit: number;
}

/** A `WHERE` condition and its parameters, to splice into a statement. */
export interface Condition {
  sql: string;
  params: SqlValue[];
}

/**
 * The range (UTC days, inclusive) and, when asked, the page: the condition every statistics
 * query starts from. `pageColumns` names where the page is (`page`, or `page` and `prev` for
 * click paths, which count a page both as where a visitor came from and went to).
 */
export const rangeFilter = (
  query: ResolvedQuery,
  { withPage = true, pageColumns = ['page'] }: { withPage?: boolean; pageColumns?: string[] } = {},
): Condition => {
  if (!withPage || query.page === null) {
    return { sql: 'day BETWEEN ? AND ?', params: [query.from, query.to] };
  }
  return {
    sql: `day BETWEEN ? AND ? AND (${pageColumns.map((column) => `${column} = ?`).join(' OR ')})`,
    params: [query.from, query.to, ...pageColumns.map(() => query.page)],
  };
};

/**
 * Rows of one `agg_visits` dimension for the range: of every page together (page ''), or of
 * the page asked. Dimensions kept per page only (`page`, `entry`, `exit`) take every page's
 * rows without a page filter.
 */
export const visitRows = (
  dim: string,
  query: ResolvedQuery,
  { perPageOnly = false }: { perPageOnly?: boolean } = {},
): Condition => {
  if (perPageOnly && query.page === null) {
    return { sql: 'dim = ? AND day BETWEEN ? AND ?', params: [dim, query.from, query.to] };
  }
  return {
    sql: 'dim = ? AND page = ? AND day BETWEEN ? AND ?',
    params: [dim, query.page ?? '', query.from, query.to],
  };
};

/**
 * Visits per value of an `agg_visits` dimension: distinct pseudonyms per day, summed over the
 * days (as the report's totals count them), with the hits counted too. Most visits (or, with
 * `rankBy: 'hits'`, most hits) first; ties by value.
 */
export const visitsByValue = (
  dim: string,
  query: ResolvedQuery,
  rankBy: 'visits' | 'hits' = 'visits',
): { sql: string; params: SqlValue[] } => {
  const where = visitRows(dim, query);
  const visits = 'SUM(visits)';
  const hits = 'SUM(hits)';
  return {
    sql: `SELECT value, ${visits} AS visits, ${hits} AS hits FROM agg_visits
      WHERE ${where.sql} GROUP BY value
      ORDER BY ${rankBy === 'hits' ? `${hits} DESC, ${visits} DESC` : `${visits} DESC, ${hits} DESC`}, value LIMIT ?`,
    params: [...where.params, query.limit],
  };
};
