/**
 * A page left before the statistics part arrived: what the next page's statistics need to count
 * its views. The URLs are raw: no scrubber has run yet. They stay in this tab's `sessionStorage`
 * (never sent as they are), the next page scrubs them before anything leaves, and they are
 * dropped when statistics are not allowed and by `forget()` (every `zv_` key).
 */
export interface UnsentPage {
  /** Tells this page's own entry apart, to take it back when the page is restored. */
  id: string;
  /** The page's URL, then each URL a single-page app moved to. */
  urls: string[];
  referrer: string;
  time: string;
}

const KEY = 'zv_unsent';
/** Pages kept: a visitor clicking through faster than the part loads is rare, and bounded. */
const MAX_PAGES = 10;

const isUnsentPage = (page: UnsentPage) =>
  !!page &&
  typeof page.id == 'string' &&
  typeof page.referrer == 'string' &&
  typeof page.time == 'string' &&
  Array.isArray(page.urls) &&
  page.urls.every((url) => typeof url == 'string');

const read = (): UnsentPage[] => {
  const stored: unknown = JSON.parse(sessionStorage.getItem(KEY) || '[]');
  return Array.isArray(stored) ? stored.filter(isUnsentPage) : [];
};

/** Storage blocked or full, or a tampered entry: nothing is kept, nothing breaks. */
const attempt = <T>(fn: () => T, fallback: T): T => {
  try {
    return fn();
  } catch {
    return fallback;
  }
};

export const stashUnsentPage = (page: UnsentPage): void =>
  attempt(
    () => sessionStorage.setItem(KEY, JSON.stringify([...read(), page].slice(-MAX_PAGES))),
    undefined,
  );

/** Every stashed page, oldest first; they are gone from storage after this. */
export const takeUnsentPages = (): UnsentPage[] =>
  attempt(() => {
    const pages = read();
    sessionStorage.removeItem(KEY);
    return pages;
  }, []);

/** Takes back this page's own entry: restored from the back/forward cache, it counts itself. */
export const withdrawUnsentPage = (id: string): void =>
  attempt(() => {
    const kept = read().filter((page) => page.id !== id);
    if (kept.length) sessionStorage.setItem(KEY, JSON.stringify(kept));
    else sessionStorage.removeItem(KEY);
  }, undefined);
