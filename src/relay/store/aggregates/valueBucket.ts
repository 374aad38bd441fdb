/**
 * The histogram bucket of a measured value: the value cut to two significant digits (1234 →
 * 1200, 0.0567 → 0.056), so a bucket is at most 10 % wide and a page's day of samples fits in
 * about a hundred rows. Written with `floor` and comparisons only, which SQLite 3.53, D1 and
 * PostgreSQL compute alike on doubles; values below 0.001 (CLS of a still page) share bucket 0.
 */
const DECADES = Array.from({ length: 15 }, (_, i) => i - 3); // 1e-3 … 1e11

export const valueBucket = (value: string): string =>
  `CASE WHEN ${value} < 1e-3 THEN 0 ${DECADES.map(
    (k) => `WHEN ${value} < 1e${k + 1} THEN floor(${value} / 1e${k - 1}) * 1e${k - 1}`,
  ).join(' ')} ELSE floor(${value} / 1e10) * 1e10 END`;
