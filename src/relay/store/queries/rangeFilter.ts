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
 * Visits per value of `column`: distinct pseudonyms per day, summed over the days (as the
 * report's totals count them), with the hits counted too. Most visits (or, with `rankBy: 'hits'`,
 * most hits) first; ties by value.
 */
export const visitsByColumn = (
  column: string,
  where: Condition,
  limit: number,
  rankBy: 'visits' | 'hits' = 'visits',
): { sql: string; params: SqlValue[] } => ({
  sql: `SELECT g AS value, COUNT(*) AS visits, SUM(n) AS hits FROM (
      SELECT ${column} AS g, day, sid, COUNT(*) AS n FROM hits
      WHERE ${where.sql} AND ${column} IS NOT NULL
      GROUP BY ${column}, day, sid
    ) AS per_visit
    GROUP BY g ORDER BY ${rankBy === 'hits' ? 'hits DESC, visits DESC' : 'visits DESC, hits DESC'}, g LIMIT ?`,
  params: [...where.params, limit],
});
