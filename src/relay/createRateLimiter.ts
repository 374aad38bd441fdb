import type { RateLimitOptions } from './types';

const MS_PER_SECOND = 1000;

interface Bucket {
  tokens: number;
  updated: number;
}

/**
 * A token bucket per key (the truncated IP). Memory is bounded: a `Map` keeps insertion order,
 * so re-inserting a key on use makes the first key the least recently used one, evicted when
 * the map is full. Returns `0` when the request may pass, else the seconds to wait.
 */
export const createRateLimiter = (
  { burst = 60, perSecond = 10, maxKeys = 10_000 }: RateLimitOptions,
  now: () => number,
) => {
  const buckets = new Map<string, Bucket>();
  return (key: string): number => {
    const time = now();
    let bucket = buckets.get(key);
    if (bucket) {
      buckets.delete(key);
      const refill = ((time - bucket.updated) / MS_PER_SECOND) * perSecond;
      bucket.tokens = Math.min(burst, bucket.tokens + Math.max(0, refill));
      bucket.updated = time;
    } else {
      bucket = { tokens: burst, updated: time };
      if (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value as string);
    }
    buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
  };
};
