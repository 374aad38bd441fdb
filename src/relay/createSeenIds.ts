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
 */
export const createSeenIds = (now: () => number, max = MAX_IDS, ttl = TTL_MS): SeenIds => {
  /** id → expiry; a Map iterates in insertion order, so the first entries are the oldest. */
  const seen = new Map<string, number>();
  return {
    claim(id) {
      const time = now();
      // Expired ids sit at the front (one TTL for all), so this stops at the first live one.
      for (const [old, expiry] of seen) {
        if (expiry > time) break;
        seen.delete(old);
      }
      if (seen.has(id)) return false;
      // Full: the oldest id goes, so memory stays bounded whatever a client sends.
      if (seen.size >= max) seen.delete(seen.keys().next().value as string);
      seen.set(id, time + ttl);
      return true;
    },
    release(id) {
      seen.delete(id);
    },
  };
};
