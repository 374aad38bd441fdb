import { watchNavigation } from './watchNavigation';

/** The page's URL changes, from the core's start on, for the statistics part. */
export interface NavigationFeed {
  /** `location.href` when the core started: the page view's own URL. */
  initial: string;
  /** The URLs a single-page app moved to before anyone listened, oldest first; then empty. */
  take(): string[];
  /** The same URLs, left in place. */
  seen(): string[];
  /** Calls `fn` after every `pushState`, `replaceState` and `popstate`. Returns an unsubscribe. */
  on(fn: () => void): () => void;
  /** Undoes the history patch (unless a page script wrapped ours since). */
  stop(): void;
}

/** URLs kept before the statistics part listens: a page that loops on pushState is cut off. */
const MAX_EARLY = 100;

/**
 * Follows the URL from the start, so a single-page app that navigates before the statistics part
 * has arrived loses no page view: the part is handed the URLs it missed, in order.
 */
export const createNavigationFeed = (): NavigationFeed => {
  let last = location.href;
  const early: string[] = [];
  const listeners = new Set<() => void>();
  const stop = watchNavigation(() => {
    if (!listeners.size && location.href !== last && early.length < MAX_EARLY) {
      early.push((last = location.href));
    }
    listeners.forEach((fn) => fn());
  });
  return {
    initial: last,
    take: () => early.splice(0),
    seen: () => early.slice(),
    on(fn) {
      listeners.add(fn);
      return () => void listeners.delete(fn);
    },
    stop,
  };
};
