import type { StatsReport } from '../relay/store/types';

export type VitalMetric = StatsReport['vitals'][number]['metric'];
export type Rating = 'good' | 'needsImprovement' | 'poor';

/**
 * The thresholds web.dev publishes for each metric (good up to the first, poor above the
 * second): https://web.dev/articles/vitals and https://web.dev/articles/ttfb.
 */
const THRESHOLDS: Record<VitalMetric, [number, number]> = {
  ttfb: [800, 1800],
  fcp: [1800, 3000],
  lcp: [2500, 4000],
  cls: [0.1, 0.25],
  inp: [200, 500],
};

/** The rating of a p75 value, or `null` when it is withheld. */
export const rateVital = (metric: VitalMetric, p75: number | null): Rating | null => {
  if (p75 === null) return null;
  const [good, poor] = THRESHOLDS[metric];
  return p75 <= good ? 'good' : p75 <= poor ? 'needsImprovement' : 'poor';
};
