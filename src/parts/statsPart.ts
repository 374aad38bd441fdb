import type { StatsPart } from '../context/parts';
import { loadGtag } from '../google/loadGtag';
import { startStats } from '../stats/startStats';

/** Statistics with web-vitals, and gtag.js's loader, which needs the same scrubber. */
export const statsPart: StatsPart = { startStats, loadGtag };
