import {
  CLSThresholds,
  FCPThresholds,
  INPThresholds,
  LCPThresholds,
  TTFBThresholds,
  type MetricRatingThresholds,
} from 'web-vitals';
import type { StatsReport } from '../relay/store/types';

export type VitalMetric = StatsReport['vitals'][number]['metric'];
export type Rating = 'good' | 'needsImprovement' | 'poor';

/**
 * web-vitals' own thresholds (the SDK measures with the same library): a value up to the first
 * is good, above the second poor. Imported, not copied, so the rating follows the library.
 */
const THRESHOLDS: Record<VitalMetric, MetricRatingThresholds> = {
  ttfb: TTFBThresholds,
  fcp: FCPThresholds,
  lcp: LCPThresholds,
  cls: CLSThresholds,
  inp: INPThresholds,
};

/** The rating of a p75 value, or `null` when it is withheld. */
export const rateVital = (metric: VitalMetric, p75: number | null): Rating | null => {
  if (p75 === null) return null;
  const [good, poor] = THRESHOLDS[metric];
  return p75 <= good ? 'good' : p75 <= poor ? 'needsImprovement' : 'poor';
};
