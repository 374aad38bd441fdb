/**
 * Traffic: visits and page views per day, top pages, entry and exit pages, click paths and
 * external referrers. Visits are distinct pseudonyms per UTC day.
 */
import type { SqlStatement } from '../types';
import { rangeFilter, visitsByColumn, type ResolvedQuery } from './rangeFilter';

export interface DayRow {
  day: string;
  visits: number;
  pageviews: number;
}

/** Visits (any hit) and page views per day of the range; days without hits are absent. */
export const daysStatement = (query: ResolvedQuery): SqlStatement => {
  const where = rangeFilter(query);
  return {
    sql: `SELECT day, COUNT(DISTINCT sid) AS visits,
        SUM(CASE WHEN type = 'pageview' THEN 1 ELSE 0 END) AS pageviews
      FROM hits WHERE ${where.sql} GROUP BY day ORDER BY day`,
    params: where.params,
  };
};

/** Most viewed pages, with their visits. Rows: `value` (page), `visits`, `hits` (views). */
export const pagesStatement = (query: ResolvedQuery): SqlStatement => {
  const where = rangeFilter(query);
  return visitsByColumn(
    'page',
    { sql: `type = 'pageview' AND ${where.sql}`, params: where.params },
    query.limit,
    'hits',
  );
};

export interface PageCountRow {
  page: string;
  visits: number;
}

/** First pages of visits: page views without an in-site previous page. */
export const entriesStatement = (query: ResolvedQuery): SqlStatement => {
  const where = rangeFilter(query);
  return {
    sql: `SELECT page, COUNT(*) AS visits FROM hits
      WHERE type = 'pageview' AND prev IS NULL AND ${where.sql}
      GROUP BY page ORDER BY visits DESC, page LIMIT ?`,
    params: [...where.params, query.limit],
  };
};

/**
 * Last pages of visits: the latest page view of each pseudonym on each day. The page filter
 * applies after the last page is found (how many visits ended on that page).
 */
export const exitsStatement = (query: ResolvedQuery): SqlStatement => {
  const range = rangeFilter(query, { withPage: false });
  const page = query.page === null ? '' : 'AND page = ?';
  return {
    sql: `SELECT page, COUNT(*) AS visits FROM (
        SELECT page, ROW_NUMBER() OVER (PARTITION BY day, sid ORDER BY received DESC, id DESC) AS rn
        FROM hits WHERE type = 'pageview' AND ${range.sql}
      ) AS ranked
      WHERE rn = 1 ${page}
      GROUP BY page ORDER BY visits DESC, page LIMIT ?`,
    params: [...range.params, ...(query.page === null ? [] : [query.page]), query.limit],
  };
};

export interface PathRow {
  from_page: string;
  to_page: string;
  n: number;
}

/** Click paths: previous in-site page → page. A page filter keeps paths into and out of it. */
export const pathsStatement = (query: ResolvedQuery): SqlStatement => {
  const where = rangeFilter(query, { pageColumns: ['page', 'prev'] });
  return {
    sql: `SELECT prev AS from_page, page AS to_page, COUNT(*) AS n FROM hits
      WHERE type = 'pageview' AND prev IS NOT NULL AND ${where.sql}
      GROUP BY prev, page ORDER BY n DESC, prev, page LIMIT ?`,
    params: [...where.params, query.limit],
  };
};

/** External referrer origins, by the visits that arrived from them. Rows: `value`, `visits`. */
export const referrersStatement = (query: ResolvedQuery): SqlStatement => {
  const where = rangeFilter(query);
  return visitsByColumn(
    'ref',
    { sql: `type = 'pageview' AND ${where.sql}`, params: where.params },
    query.limit,
  );
};
