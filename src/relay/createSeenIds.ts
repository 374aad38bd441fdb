/**
 * Ids remembered at most; the oldest go first. About 10 MB at worst, whatever a client sends:
 * a body id and the id of each of its hits, so at full ingest (6,000 beacons/s on two cores) a
 * repeat is still caught some seconds on; a copy from the next page comes within one.
 */
const MAX_IDS = 100_000;
/** How long a body id is remembered, in ms: far longer than any client retries the same body. */
const TTL_MS = 10 * 60 * 1000;

/** Body and hit ids this relay instance has recently taken, so a repeat is acknowledged, not stored. */
export interface SeenIds {
  /** `false` when `id` was taken within the TTL; otherwise remembers it and returns `true`. */
  claim(id: string): boolean;
  /** Forgets `id`, so a body that could not be stored can be sent again. */
  release(id: string): void;
}

/**
 * A bounded set with a TTL, in memory: per relay instance (each Worker isolate or Node
 * process has its own), so it catches the common repeat (a `sendBeacon` plus a retry reaching
 * the same instance), not every one.
 *
 * The ids sit in a ring in the order taken, with one TTL for all, so the oldest and the expired
 * are at its front and go in constant time. (A Map alone, emptied from the front, leaves the
 * deleted entries in its table until it is rebuilt, and every look for the oldest walked past
 * them: once full, a claim cost as much as a beacon's SQLite work.) The Map says which ring
 * slot holds an id's live entry; a slot whose id was released or taken again later is skipped.
 * The ring grows as ids come, up to `max`: a relay that takes few ids holds few.
 */
export const createSeenIds = (now: () => number, max = MAX_IDS, ttl = TTL_MS): SeenIds => {
  const ids: string[] = [];
  const expiries: number[] = [];
  let head = 0;
  let count = 0;
  /** id → the ring slot of its live entry. */
  const live = new Map<string, number>();

  const dropOldest = () => {
    if (live.get(ids[head]!) === head) live.delete(ids[head]!);
    head = (head + 1) % max;
    count--;
  };

  return {
    claim(id) {
      const time = now();
      while (count && expiries[head]! <= time) dropOldest();
      if (live.has(id)) return false;
      // Full: the oldest id goes, so memory stays bounded whatever a client sends.
      if (count === max) dropOldest();
      // Until the first wrap the slots come in order, so the arrays grow one at a time.
      const slot = (head + count) % max;
      ids[slot] = id;
      expiries[slot] = time + ttl;
      count++;
      live.set(id, slot);
      return true;
    },
    release(id) {
      live.delete(id);
    },
  };
};
