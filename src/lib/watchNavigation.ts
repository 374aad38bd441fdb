import { guarded } from './guarded';

type HistoryMethod = 'pushState' | 'replaceState';

/**
 * Calls `onChange` after every `pushState`, `replaceState` and `popstate`: the ways a single-page
 * app changes its URL without loading a page. The caller decides whether the URL really changed.
 * Returns a function that undoes the patch, unless another script has wrapped ours since.
 */
export const watchNavigation = (onChange: () => void): (() => void) => {
  // Statistics must never break the page's navigation.
  const notify = guarded('following navigation', onChange);
  const restores = (['pushState', 'replaceState'] as HistoryMethod[]).map((name) => {
    const original = history[name];
    // A function, not an arrow: the page calls it as `history.pushState(…)` and may rebind it.
    const patched = function (this: History, ...args: Parameters<History[HistoryMethod]>) {
      // The page's call first, and its errors (a cross-origin URL) stay the page's.
      const result = original.apply(this, args);
      notify();
      return result;
    };
    try {
      history[name] = patched;
    } catch {
      // A page that made `history` read-only: popstate still counts.
    }
    return () => {
      if (history[name] === patched) history[name] = original;
    };
  });
  addEventListener('popstate', notify);
  return () => {
    restores.forEach((restore) => restore());
    removeEventListener('popstate', notify);
  };
};
