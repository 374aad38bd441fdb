/** Audience: browser, OS, device class and language, each as visits per value. */
import type { SqlStatement } from '../types';
import { rangeFilter, visitsByColumn, type ResolvedQuery } from './rangeFilter';

/** Rows of `visitsByColumn`: the value, its visits and hits. */
export interface ValueRow {
  value: string;
  visits: number;
  hits: number;
}

export const AUDIENCE_COLUMNS = {
  browsers: 'browser',
  os: 'os',
  devices: 'device',
  languages: 'lang',
} as const;

/** Visits per value of one audience column, from page views (they carry the user agent). */
export const audienceStatement = (
  column: (typeof AUDIENCE_COLUMNS)[keyof typeof AUDIENCE_COLUMNS],
  query: ResolvedQuery,
): SqlStatement => {
  const where = rangeFilter(query);
  return visitsByColumn(
    column,
    { sql: `type = 'pageview' AND ${where.sql}`, params: where.params },
    query.limit,
  );
};
