import type { StoredHit } from './types';

/**
 * What identifies a hit: the visitor's pseudonym and what the browser said about it (its type,
 * its client time to the millisecond, its page, timings and properties), not what the relay
 * added on arrival (the time received, the body id, the address, the user agent, the clock flag).
 *
 * The same hit can arrive in two bodies. A page left within moments of a page view sends it on
 * `pagehide`, while the next page, already running in another renderer, has read the same queue
 * from `sessionStorage` and delivers it too. Both copies have one identity, so the relay passes
 * it on once and the store keeps it once.
 */
const hitIdentity = ({ received, bid, ip, ua, clockSkew, ...said }: StoredHit): string =>
  JSON.stringify(said);

/**
 * The identity of each of one body's hits, with how many identical hits came before it in that
 * body: an event tracked twice in the same millisecond is two hits, and stays two.
 */
export const hitIdentities = (hits: readonly StoredHit[]): string[] => {
  const earlier = new Map<string, number>();
  return hits.map((hit) => {
    const identity = hitIdentity(hit);
    const occurrence = earlier.get(identity) ?? 0;
    earlier.set(identity, occurrence + 1);
    return `${identity}#${occurrence}`;
  });
};
