/** Custom events (`track()`): counts and visits per name, and their most common properties. */
import type { SqlStatement } from '../types';
import { rangeFilter, type ResolvedQuery } from './rangeFilter';

export interface EventRow {
  name: string;
  events: number;
  visits: number;
}

/** Events per name, with the visits that sent them; most first. */
export const eventsStatement = (query: ResolvedQuery): SqlStatement => {
  const where = rangeFilter(query);
  return {
    sql: `SELECT name, SUM(n) AS events, COUNT(*) AS visits FROM (
        SELECT COALESCE(name, '') AS name, day, sid, COUNT(*) AS n FROM hits
        WHERE type = 'event' AND ${where.sql}
        GROUP BY COALESCE(name, ''), day, sid
      ) AS per_visit
      GROUP BY name ORDER BY events DESC, name LIMIT ?`,
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
export const eventPropsStatement = (query: ResolvedQuery): SqlStatement => {
  const where = rangeFilter(query);
  return {
    sql: `SELECT name, prop, value, n FROM (
        SELECT name, prop, value, COUNT(*) AS n,
          ROW_NUMBER() OVER (PARTITION BY name ORDER BY COUNT(*) DESC, prop, value) AS rn
        FROM event_props WHERE ${where.sql}
        GROUP BY name, prop, value
      ) AS ranked
      WHERE rn <= ? ORDER BY name, n DESC, prop, value`,
    params: [...where.params, query.limit],
  };
};
