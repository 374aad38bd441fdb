// One module per metric (the package's own subpaths), not its barrel: the browser build can then
// leave out web-vitals' soft-navigation code, which `reportSoftNavs` (never set here) would need.
import { onCLS } from 'web-vitals/onCLS.js';
import { onFCP } from 'web-vitals/onFCP.js';
import { onINP } from 'web-vitals/onINP.js';
import { onLCP } from 'web-vitals/onLCP.js';
import { onTTFB } from 'web-vitals/onTTFB.js';
import type { Metric } from 'web-vitals';
import type { HitTiming } from '../protocol/types';

/**
 * Starts web-vitals and returns a function that hands over the metrics reported since it was last
 * called (`undefined` when none), so each value is sent once. FCP, LCP and TTFB report once per
 * page; CLS and INP report when the page is hidden, and again only if they grew after it came back.
 */
export const collectVitals = (): (() => HitTiming | undefined) => {
  let pending: HitTiming | undefined;
  const keep = ({ name, value }: Metric) => {
    // Whole milliseconds; CLS is a small unitless score, three decimals are plenty.
    (pending ||= {})[name.toLowerCase() as keyof HitTiming] =
      name === 'CLS' ? Math.round(value * 1e3) / 1e3 : Math.round(value);
  };
  for (const on of [onFCP, onLCP, onCLS, onINP, onTTFB]) {
    try {
      on(keep);
    } catch {
      // A browser without the needed PerformanceObserver types: no vitals, nothing else lost.
    }
  }
  return () => {
    const taken = pending;
    pending = undefined;
    return taken;
  };
};
