/** Consent outcomes per day, from the receipts (the page filter does not apply: receipts have none). */
import type { SqlStatement } from '../types';
import { rangeFilter, type ResolvedQuery } from './rangeFilter';

export interface ConsentRow {
  day: string;
  total: number;
  accept_all: number;
  reject_all: number;
  custom: number;
  objection: number;
}

/**
 * Receipts per day by how the choice was made. `objection` counts the receipts of choices made
 * while the browser sent an objection signal (GPC or DNT), whatever the method.
 */
export const consentStatement = (query: ResolvedQuery): SqlStatement => {
  const where = rangeFilter(query, { withPage: false });
  return {
    sql: `SELECT day, COUNT(*) AS total,
        SUM(CASE WHEN method = 'accept-all' THEN 1 ELSE 0 END) AS accept_all,
        SUM(CASE WHEN method = 'reject-all' THEN 1 ELSE 0 END) AS reject_all,
        SUM(CASE WHEN method = 'custom' THEN 1 ELSE 0 END) AS custom,
        SUM(CASE WHEN objection IS NOT NULL THEN 1 ELSE 0 END) AS objection
      FROM receipts WHERE ${where.sql} GROUP BY day ORDER BY day`,
    params: where.params,
  };
};
