/**
 * Traffic: visits and page views per day, top pages, entry and exit pages, click paths and
 * external referrers. Visits are distinct pseudonyms per UTC day. Every query reads the daily
 * aggregate tables (aggregates/), a few rows per day and page.
 */
import type { SqlStatement } from '../types';
import { rangeFilter, visitRows, visitsByValue, type ResolvedQuery } from './rangeFilter';

export interface DayRow {
  day: string;
  visits: number;
  pageviews: number;
}

/** Visits (any hit) and page views per day of the range; days without hits are absent. */
export const daysStatement = (query: ResolvedQuery): SqlStatement => {
  const where = visitRows('visit', query);
  return {
    sql: `SELECT day, visits, hits AS pageviews FROM agg_visits WHERE ${where.sql} ORDER BY day`,
    params: where.params,
  };
};

/** Most viewed pages, with their visits. Rows: `value` (page), `visits`, `hits` (views). */
export const pagesStatement = (query: ResolvedQuery): SqlStatement => {
  const where = visitRows('page', query, { perPageOnly: true });
  return {
    sql: `SELECT page AS value, SUM(visits) AS visits, SUM(hits) AS hits FROM agg_visits
      WHERE ${where.sql} GROUP BY page
      ORDER BY SUM(hits) DESC, SUM(visits) DESC, page LIMIT ?`,
    params: [...where.params, query.limit],
  };
};

export interface PageCountRow {
  page: string;
  visits: number;
}

/** Visits per page of a per-page dimension (`entry`, `exit`); pages it no longer counts are left out. */
const visitsPerPage = (dim: string, query: ResolvedQuery): SqlStatement => {
  const where = visitRows(dim, query, { perPageOnly: true });
  return {
    sql: `SELECT page, SUM(visits) AS visits FROM agg_visits
      WHERE ${where.sql} GROUP BY page HAVING SUM(visits) > 0
      ORDER BY SUM(visits) DESC, page LIMIT ?`,
    params: [...where.params, query.limit],
  };
};

/** First pages of visits: page views without an in-site previous page. */
export const entriesStatement = (query: ResolvedQuery): SqlStatement =>
  visitsPerPage('entry', query);

/**
 * Last pages of visits: the latest page view of each pseudonym on each day. The page filter
 * applies after the last page is found (how many visits ended on that page).
 */
export const exitsStatement = (query: ResolvedQuery): SqlStatement => visitsPerPage('exit', query);

export interface PathRow {
  from_page: string;
  to_page: string;
  n: number;
}

/** Click paths: previous in-site page → page. A page filter keeps paths into and out of it. */
export const pathsStatement = (query: ResolvedQuery): SqlStatement => {
  const where = rangeFilter(query, { pageColumns: ['page', 'prev'] });
  return {
    sql: `SELECT prev AS from_page, page AS to_page, SUM(n) AS n FROM agg_paths
      WHERE ${where.sql}
      GROUP BY prev, page ORDER BY SUM(n) DESC, prev, page LIMIT ?`,
    params: [...where.params, query.limit],
  };
};

/** External referrer origins, by the visits that arrived from them. Rows: `value`, `visits`. */
export const referrersStatement = (query: ResolvedQuery): SqlStatement =>
  visitsByValue('ref', query);
