import type { StatsPart } from '../context/parts';
import { scrubReferrer, scrubUrl } from '../privacy/scrubUrl';
import { startStats } from '../stats/startStats';

/** Statistics with web-vitals, and the scrubber (the Google gate uses it too). */
export const statsPart: StatsPart = { startStats, scrubUrl, scrubReferrer };
