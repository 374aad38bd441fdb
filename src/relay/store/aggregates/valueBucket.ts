/**
 * The histogram bucket of a measured value, as its lower bound. Per decade [10^k, 10^(k+1)) the
 * steps are 10^(k-1) up to 2·10^k, then 2·10^(k-1) up to 5·10^k, then 5·10^(k-1): 35 buckets a
 * decade, none wider than 10 % of its values, so a page's day of samples fits in a few dozen
 * rows. Written with `floor` and comparisons only, which SQLite 3.53, D1 and PostgreSQL compute
 * alike on doubles; values below 0.001 (the CLS of a still page) share bucket 0.
 */
const DECADES = Array.from({ length: 15 }, (_, i) => i - 3); // 1e-3 … 1e11

const step = (value: string, unit: string) => `floor(${value} / ${unit}) * ${unit}`;

const inDecade = (value: string, k: number): string =>
  `CASE WHEN ${value} < 2e${k} THEN ${step(value, `1e${k - 1}`)} WHEN ${value} < 5e${k} THEN ${step(value, `2e${k - 1}`)} ELSE ${step(value, `5e${k - 1}`)} END`;

export const valueBucket = (value: string): string =>
  `CASE WHEN ${value} < 1e-3 THEN 0 ${DECADES.map(
    (k) => `WHEN ${value} < 1e${k + 1} THEN ${inDecade(value, k)}`,
  ).join(' ')} ELSE ${step(value, '1e11')} END`;
