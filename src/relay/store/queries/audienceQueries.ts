/** Audience: browser, OS, device class and language, each as visits per value. */
import type { SqlStatement } from '../types';
import { visitsByValue, type ResolvedQuery } from './rangeFilter';

/** Rows of `visitsByValue`: the value, its visits and hits. */
export interface ValueRow {
  value: string;
  visits: number;
  hits: number;
}

/** The `agg_visits` dimension of each audience list (the hits column it counts). */
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
): SqlStatement => visitsByValue(column, query);
