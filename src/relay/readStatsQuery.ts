import * as v from 'valibot';
import { describeIssue, statsQuerySchema, type FieldError } from './schemas';
import { dayOf, defaultFrom, MAX_RANGE_DAYS, rangeDays } from './store/resolveStatsQuery';
import type { StatsQuery } from './store/types';

const PARAMS = ['from', 'to', 'page', 'limit'] as const;

/**
 * The query of `GET /stats?from=&to=&page=&limit=`: every parameter checked, the first problem
 * reported with its name. Defaults: `to` today (UTC), `from` 29 days before `to`. A parameter
 * given twice is refused (which one would count is a guess). Unknown parameters are ignored.
 */
export const readStatsQuery = (
  url: URL,
  now: number,
): { ok: true; value: StatsQuery } | ({ ok: false } & FieldError) => {
  const input: Record<string, string> = {};
  for (const name of PARAMS) {
    const values = url.searchParams.getAll(name);
    if (values.length > 1)
      return { ok: false, error: `${name}: given more than once`, field: name };
    if (values.length === 1) input[name] = values[0];
  }
  const result = v.safeParse(statsQuerySchema, input, { abortEarly: true });
  if (!result.success) return { ok: false, ...describeIssue(result.issues[0]) };
  const { from, to, page, limit } = result.output;
  const last = to ?? dayOf(now);
  const first = from ?? defaultFrom(last);
  if (first > last) return { ok: false, error: 'from: must not be after to', field: 'from' };
  if (rangeDays(first, last) > MAX_RANGE_DAYS) {
    return {
      ok: false,
      error: `from: the range must be at most ${MAX_RANGE_DAYS} days`,
      field: 'from',
    };
  }
  const query: StatsQuery = { from: first, to: last };
  if (page !== undefined) query.page = page;
  if (limit !== undefined) query.limit = limit;
  return { ok: true, value: query };
};
