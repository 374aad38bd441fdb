/** Custom events (`track()`): counts and visits per name, and their most common properties. */
import type { SqlStatement } from '../types';
import { visitRows, type ResolvedQuery } from './rangeFilter';

export interface EventRow {
  name: string;
  events: number;
  visits: number;
}

/** Events per name, with the visits that sent them; most first. */
export const eventsStatement = (query: ResolvedQuery): SqlStatement => {
  const where = visitRows('event', query);
  return {
    sql: `SELECT value AS name, SUM(hits) AS events, SUM(visits) AS visits FROM agg_visits
      WHERE ${where.sql} GROUP BY value ORDER BY SUM(hits) DESC, value LIMIT ?`,
    params: [...where.params, query.limit],
  };
};

export interface PropRow {
  name: string;
  prop: string;
  value: string;
  n: number;
}

/** The `limit` most common property key/value pairs of each event name. */
export const eventPropsStatement = (query: ResolvedQuery): SqlStatement => ({
  sql: `SELECT name, prop, value, n FROM (
      SELECT name, prop, value, SUM(n) AS n,
        ROW_NUMBER() OVER (PARTITION BY name ORDER BY SUM(n) DESC, prop, value) AS rn
      FROM agg_props WHERE page = ? AND day BETWEEN ? AND ?
      GROUP BY name, prop, value
    ) AS ranked
    WHERE rn <= ? ORDER BY name, n DESC, prop, value`,
  params: [query.page ?? '', query.from, query.to, query.limit],
});
