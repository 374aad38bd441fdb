import type { StoredHit } from './types';
import { sha256Hex } from './sha256Hex';

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

/**
 * The key a store keeps a hit under: 128 bits of SHA-256 of its identity (collisions are out of
 * reach, and the unique index stays half as big).
 */
export const hitKey = async (identity: string): Promise<string> =>
  (await sha256Hex(identity)).slice(0, 32);

/** Keys given to hits as their body arrived, by the hit (`keyHits`). */
const keyed = new WeakMap<StoredHit, string>();

/**
 * The keys of one body's hits, each kept with its hit for the store (`keyOfHit`). They count
 * identical hits across the whole body, so they hold when only some of its hits are stored:
 * of an event tracked twice, the first delivered before in a body of its own, the second is
 * stored under its own key, not under the first one's again.
 */
export const keyHits = async (hits: readonly StoredHit[]): Promise<string[]> => {
  const keys = await Promise.all(hitIdentities(hits).map(hitKey));
  hits.forEach((hit, i) => keyed.set(hit, keys[i]!));
  return keys;
};

/** The key `keyHits` gave `hit`, if its body went through it. */
export const keyOfHit = (hit: StoredHit): string | undefined => keyed.get(hit);
