/**
 * web-vitals' own thresholds (`LCPThresholds`, `INPThresholds`, …): a value up to the first is
 * good, above the second poor, in between needs improvement. Milliseconds; CLS is unitless.
 */
export const VITALS_THRESHOLDS = {
  ttfb: [800, 1800],
  fcp: [1800, 3000],
  lcp: [2500, 4000],
  cls: [0.1, 0.25],
  inp: [200, 500],
} as const;

export type VitalMetric = keyof typeof VITALS_THRESHOLDS;

export const VITAL_METRICS = Object.keys(VITALS_THRESHOLDS) as VitalMetric[];
