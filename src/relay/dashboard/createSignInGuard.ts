import { createRateLimiter } from '../createRateLimiter';

/** Wrong tokens allowed from one address before it has to wait. */
const FREE_FAILURES = 5;
/** Then one more try per this many seconds. */
const SECONDS_PER_TRY = 30;
const MAX_KEYS = 10_000;
const MS_PER_SECOND = 1000;

/**
 * Slows down guessing the stats token: wrong tokens are counted per truncated address with the
 * relay's token bucket; once an address has used up its tries, every sign-in from it (right or
 * wrong, so a guess cannot be confirmed) is refused until the wait is over. Right tokens cost
 * nothing, so colleagues behind one address sign in freely.
 */
export const createSignInGuard = (now: () => number) => {
  const failures = createRateLimiter(
    { burst: FREE_FAILURES, perSecond: 1 / SECONDS_PER_TRY, maxKeys: MAX_KEYS },
    now,
  );
  const lockedUntil = new Map<string, number>();
  return {
    /** Seconds this address must still wait, `0` when it may try. */
    wait(key: string): number {
      const until = lockedUntil.get(key);
      if (until === undefined) return 0;
      const left = until - now();
      if (left <= 0) lockedUntil.delete(key);
      return left > 0 ? Math.ceil(left / MS_PER_SECOND) : 0;
    },
    /** Counts a wrong token; returns the seconds to wait before the next try (`0`: none). */
    failed(key: string): number {
      const wait = failures(key);
      if (wait > 0) {
        if (lockedUntil.size >= MAX_KEYS)
          lockedUntil.delete(lockedUntil.keys().next().value as string);
        lockedUntil.set(key, now() + wait * MS_PER_SECOND);
      }
      return wait;
    },
  };
};

export type SignInGuard = ReturnType<typeof createSignInGuard>;
