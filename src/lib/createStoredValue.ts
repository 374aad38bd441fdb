/** A value kept in memory and mirrored to `sessionStorage`, so it survives page loads in the tab. */
export interface StoredValue<T> {
  get(): T;
  /** Stores `value`. Where storage throws or is full, the value lives on in memory for this page. */
  set(value: T): void;
}

/**
 * `sessionStorage` can be missing, throw on access (sandboxed frames, blocked storage) or be full
 * (`QuotaExceededError`). None of that may stop the statistics: the memory copy is the truth for
 * this page, storage only carries it to the next one.
 */
/* @__NO_SIDE_EFFECTS__ */
export const createStoredValue = <T>(
  key: string,
  fallback: T,
  /** Rejects a tampered or foreign stored value: return `undefined` to use `fallback`. */
  parse: (stored: unknown) => T | undefined,
): StoredValue<T> => {
  let value = fallback;
  try {
    value = parse(JSON.parse(sessionStorage.getItem(key) || 'null')) ?? fallback;
  } catch {
    // Unreadable storage or invalid JSON: start empty.
  }
  return {
    get: () => value,
    set(next) {
      value = next;
      try {
        sessionStorage.setItem(key, JSON.stringify(next));
      } catch {
        // A stale copy would be sent again on the next page: better none.
        try {
          sessionStorage.removeItem(key);
        } catch {
          // Storage is unusable; memory carries on.
        }
      }
    },
  };
};
