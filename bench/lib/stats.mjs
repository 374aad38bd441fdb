/** Median, min and max of the finite numbers in `values` (null when there are none). */
export const summarise = (values) => {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
  sorted.sort((a, b) => a - b);
  if (!sorted.length) return null;
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
};

/** Rounds to `digits` decimals, keeping numbers numbers (for the JSON). */
export const round = (value, digits = 2) =>
  typeof value === 'number' ? Math.round(value * 10 ** digits) / 10 ** digits : value;
