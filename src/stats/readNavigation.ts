import type { Hit } from '../protocol/types';

/**
 * The protocol fields of the document's own navigation: HTTP status, bytes and runtime, from
 * `PerformanceNavigationTiming` (times are relative to its `startTime`, which is 0). Fields the
 * browser does not know are left out, never sent as 0.
 */
export const readNavigation = (): Pick<Hit, 'status' | 'bytes' | 'timing'> => {
  let entry: PerformanceNavigationTiming | undefined;
  try {
    entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
  } catch {
    // No Navigation Timing level 2.
  }
  if (!entry) return {};
  const fields: Pick<Hit, 'status' | 'bytes' | 'timing'> = {
    bytes: { transfer: entry.transferSize, body: entry.encodedBodySize },
    timing: { ttfb: Math.round(Math.max(0, entry.responseStart)) },
  };
  // `responseStatus` is 0 where unknown (older browsers, cross-origin redirects).
  if (entry.responseStatus) fields.status = entry.responseStatus;
  if (entry.loadEventEnd > 0) fields.timing!.load = Math.round(entry.loadEventEnd);
  return fields;
};
