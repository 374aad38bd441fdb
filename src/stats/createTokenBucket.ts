/** A token bucket: `capacity` sends at once, then one more every `interval` milliseconds. */
export interface TokenBucket {
  /** Takes a token. Returns `0` when one was taken, else the milliseconds until the next one. */
  take(): number;
}

/* @__NO_SIDE_EFFECTS__ */
export const createTokenBucket = (
  capacity: number,
  interval: number,
  now: () => number = () => performance.now(),
): TokenBucket => {
  let tokens = capacity;
  let last = now();
  return {
    take() {
      const time = now();
      // `max(0, …)`: a clock that goes backwards must not take tokens away.
      tokens = Math.min(capacity, tokens + Math.max(0, time - last) / interval);
      last = time;
      if (tokens >= 1) {
        tokens--;
        return 0;
      }
      return Math.ceil((1 - tokens) * interval);
    },
  };
};
