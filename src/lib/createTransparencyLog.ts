import type { CollectBody } from '../protocol/types';
import { createStoredValue } from './createStoredValue';

/** Every body sent in this tab's session, oldest first: what `exportData()` shows the visitor. */
export interface TransparencyLog {
  add(body: CollectBody): void;
  /** A copy: callers may change it without changing the record. */
  all(): CollectBody[];
  clear(): void;
}

/** Bodies kept; older ones go first. A visit rarely sends more than a few dozen. */
export const MAX_LOGGED_BODIES = 200;
/** Characters of JSON kept, far below the 5 MB `sessionStorage` gives an origin. */
const MAX_LOGGED_CHARS = 512 * 1024;

/* @__NO_SIDE_EFFECTS__ */
export const createTransparencyLog = (key = 'zv_log'): TransparencyLog => {
  const stored = createStoredValue<CollectBody[]>(key, [], (value) =>
    Array.isArray(value) ? value : undefined,
  );
  return {
    add(body) {
      const bodies = [...stored.get(), body].slice(-MAX_LOGGED_BODIES);
      while (bodies.length > 1 && JSON.stringify(bodies).length > MAX_LOGGED_CHARS) bodies.shift();
      stored.set(bodies);
    },
    all: () => JSON.parse(JSON.stringify(stored.get())),
    clear: () => stored.set([]),
  };
};
