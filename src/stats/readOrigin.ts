import { scrubReferrer } from '../privacy/scrubUrl';
import type { Hit } from '../protocol/types';

/**
 * Where the visitor came from, for the first page view: the previous in-site path (click paths),
 * or only the origin of an external referrer. Nothing when there is no referrer.
 */
export const readOrigin = (
  referrer: string,
  siteOrigin: string,
  allowParams: readonly string[],
): Pick<Hit, 'prev' | 'ref'> => {
  // scrubReferrer gives a scrubbed path for the site's own pages and an origin for others.
  const from = scrubReferrer(referrer, siteOrigin, { allowParams });
  return !from ? {} : from.startsWith('/') ? { prev: from } : { ref: from };
};
