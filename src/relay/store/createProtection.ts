import type { Count, Percentiles } from './types';

/** Small-number protection, applied to every figure a report returns. */
export interface Protection {
  readonly threshold: number;
  /** A count as returned: the number, or `"<threshold"` below it. */
  count(n: number): Count;
  /** `part / whole`, or `null` when `part` is hidden (a share would give the number back). */
  share(part: number, whole: number): number | null;
  /** A figure derived from `samples` values (a percentile), or `null` when they are hidden. */
  figure(value: number | null, samples: number): number | null;
  percentiles(p50: number | null, p75: number | null, samples: number): Percentiles;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * The one place that decides what a report may show. A count below the threshold is replaced
 * by `"<5"` (with the configured threshold), so a filtered view cannot single out one visitor;
 * every share or percentile computed from such a count is `null`, so it cannot be worked back.
 * A threshold of 1 shows everything (one visitor is then visible: only for a site's own tests).
 */
export const createProtection = (threshold: number): Protection => {
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new Error(
      `zorgvuldig createSqlStore(): threshold must be a whole number of at least 1 (got ${JSON.stringify(threshold)})`,
    );
  }
  const hidden = (n: number) => n < threshold;
  const figure = (value: number | null, samples: number) =>
    value === null || hidden(samples) ? null : round(value, 4);
  return {
    threshold,
    count: (n) => (hidden(n) ? `<${threshold}` : n),
    share: (part, whole) => (hidden(part) || whole <= 0 ? null : round(part / whole, 4)),
    figure,
    percentiles: (p50, p75, samples) => ({
      p50: figure(p50, samples),
      p75: figure(p75, samples),
    }),
  };
};
