/** Reports an SDK failure on the console; even a broken `console` must not throw into the page. */
const report = (where: string, error: unknown) => {
  try {
    console.error(`zorgvuldig: ${where} failed; the page is not affected`, error);
  } catch {
    // Nothing left to tell.
  }
};

/**
 * Wraps SDK code that the browser calls back (a timer, an event listener, an observer, a promise
 * callback) or that must not stop the caller: an error is reported, never thrown into the page.
 * A returned promise is caught the same way, so a failed chain is no unhandled rejection.
 * A page that broke a built-in (`JSON.stringify = () => { throw … }`) loses that feature, not more.
 */
export const guarded =
  <A extends unknown[], R>(where: string, fn: (...args: A) => R) =>
  (...args: A): R | undefined => {
    try {
      const result = fn(...args);
      return result instanceof Promise
        ? (result.catch((error: unknown) => report(where, error)) as R)
        : result;
    } catch (error) {
      report(where, error);
      return undefined;
    }
  };
