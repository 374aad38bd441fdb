/** Consent outcomes per day, from the receipts (the page filter does not apply: receipts have none). */
import type { SqlStatement } from '../types';
import type { ResolvedQuery } from './rangeFilter';

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
export const consentStatement = (query: ResolvedQuery): SqlStatement => ({
  sql: `SELECT day, total, accept_all, reject_all, custom, objection
    FROM agg_consent WHERE day BETWEEN ? AND ? ORDER BY day`,
  params: [query.from, query.to],
});
