import type { ResolvedQuery } from './queries/rangeFilter';
import type { StatsQuery } from './types';

/** Rows per top list by default and at most. */
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
/** Longest range a report covers, in days (a leap year). */
export const MAX_RANGE_DAYS = 366;
/** Days a report covers when no range is asked: the last 30, today included. */
export const DEFAULT_RANGE_DAYS = 30;

const MS_PER_DAY = 864e5;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` of a real calendar day (not `2025-02-30`). */
export const isDay = (text: string): boolean => {
  if (!DAY.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === text;
};

/** Days from `from` to `to`, both included. */
export const rangeDays = (from: string, to: string): number =>
  (Date.parse(to) - Date.parse(from)) / MS_PER_DAY + 1;

/** The UTC day of a time, `YYYY-MM-DD`. */
export const dayOf = (time: number): string => new Date(time).toISOString().slice(0, 10);

/** Where a report's range starts when only its end is known: 30 days, `to` included. */
export const defaultFrom = (to: string): string =>
  dayOf(Date.parse(`${to}T00:00:00Z`) - (DEFAULT_RANGE_DAYS - 1) * MS_PER_DAY);

/**
 * A query with its defaults (every page, 20 rows). Checks what a programmer can get wrong; the
 * relay validates what a user sends, with field names, before this.
 */
export const resolveStatsQuery = ({
  from,
  to,
  page,
  limit = DEFAULT_LIMIT,
}: StatsQuery): ResolvedQuery => {
  const fail = (message: string): never => {
    throw new Error(`zorgvuldig StatsStore.report(): ${message}`);
  };
  if (!isDay(from)) fail(`from must be a day as YYYY-MM-DD (got ${JSON.stringify(from)})`);
  if (!isDay(to)) fail(`to must be a day as YYYY-MM-DD (got ${JSON.stringify(to)})`);
  if (from > to) fail('from must not be after to');
  if (rangeDays(from, to) > MAX_RANGE_DAYS)
    fail(`the range must be at most ${MAX_RANGE_DAYS} days`);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    fail(`limit must be a whole number from 1 to ${MAX_LIMIT}`);
  return { from, to, page: page ?? null, limit };
};
