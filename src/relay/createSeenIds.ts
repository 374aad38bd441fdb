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
 */
export const createSeenIds = (now: () => number, max = MAX_IDS, ttl = TTL_MS): SeenIds => {
  const ids: (string | undefined)[] = new Array(max);
  const expiries = new Float64Array(max);
  const serials = new Float64Array(max);
  let head = 0;
  let count = 0;
  let nextSerial = 0;
  /** id → the serial of its live entry in the ring. */
  const live = new Map<string, number>();

  const dropOldest = () => {
    const id = ids[head]!;
    if (live.get(id) === serials[head]) live.delete(id);
    ids[head] = undefined;
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
      const slot = (head + count) % max;
      const serial = nextSerial++;
      ids[slot] = id;
      expiries[slot] = time + ttl;
      serials[slot] = serial;
      count++;
      live.set(id, serial);
      return true;
    },
    release(id) {
      live.delete(id);
    },
  };
};
