import type { Page, Route } from '@playwright/test';

/**
 * The script-tag core loads the rest of the SDK as parts, files next to it in `/dist/`:
 * `zorgvuldig.<part>.js` (a language suffix, `zorgvuldig.ui.en.js`, counts as the same part). The
 * core itself (`zorgvuldig.min.js`) and the one-file build (`zorgvuldig.full.min.js`) are not.
 */
export type PartName = 'shell' | 'ui' | 'stats' | 'rights' | 'receipts';

const PART_FILE = /^\/dist\/zorgvuldig\.([a-z]+)(?:\.[a-z]{2}(?:-[a-z]{2})?)?(?:\.min)?\.js$/i;
const NOT_PARTS = new Set(['min', 'full', 'mjs']);

/** The part a URL loads, or null for anything else (the core included). */
export const partOf = (url: string): string | null => {
  const name = new URL(url).pathname.match(PART_FILE)?.[1]?.toLowerCase();
  return name && !NOT_PARTS.has(name) ? name : null;
};

/** A page.route matcher for every part file. */
export const PART_ROUTE = (url: URL) => partOf(url.href) !== null;

/** Every part request the page makes, in order, as the browser sent it. */
export const recordPartRequests = (page: Page) => {
  const requested: string[] = [];
  page.on('request', (request) => {
    const part = partOf(request.url());
    if (part) requested.push(part);
  });
  return {
    requested,
    count: (part: string) => requested.filter((name) => name === part).length,
  };
};

/**
 * Holds every request for `parts` until `release()` (or `stop()`): the page sees the part still
 * on its way.
 * `held()` says how many such requests are waiting, so a test can wait for the core to ask.
 */
export const holdParts = async (page: Page, parts: PartName[]) => {
  const waiting: Route[] = [];
  let released = false;
  await page.route(PART_ROUTE, async (route) => {
    if (!parts.includes(partOf(route.request().url()) as PartName) || released)
      return route.fallback();
    waiting.push(route);
  });
  return {
    held: () => waiting.length,
    release: async () => {
      released = true;
      await Promise.all(waiting.splice(0).map((route) => route.continue()));
    },
    /** Lets later requests through; the held ones stay held (their page never gets them). */
    stop: () => void (released = true),
  };
};

export type PartFailure = '404' | 'one byte changed' | 'blocked';

/**
 * Serves `part` broken: answering 404, the real file with one byte changed where it keeps the
 * script valid (a letter of its licence comment changes case, so only the integrity check can
 * refuse it), or not at all, the request failing as when an extension blocks it. Returns how many
 * times it was asked for.
 */
export const breakPart = async (page: Page, part: PartName, failure: PartFailure) => {
  let served = 0;
  await page.route(PART_ROUTE, async (route) => {
    if (partOf(route.request().url()) !== part) return route.fallback();
    served++;
    if (failure === 'blocked') return route.abort('blockedbyclient');
    if (failure === '404') {
      return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
    }
    const response = await route.fetch();
    const body = Buffer.from(await response.body());
    body[changedByteOffset(body)] ^= 0x20; // a → A: same length, still JavaScript
    return route.fulfill({ response, body });
  });
  return { served: () => served };
};

/** Offset of a letter inside the file's first comment, or of its first letter otherwise. */
const changedByteOffset = (body: Buffer) => {
  const text = body.toString('latin1');
  const comment = text.indexOf('/*');
  const from = comment >= 0 ? comment + 2 : 0;
  const letter = text.slice(from).search(/[a-z]/i);
  if (letter < 0) throw new Error('breakPart: no letter to change in the part');
  return from + letter;
};

/**
 * From before the first script: when the banner was first laid out in an animation frame (that
 * frame then paints it), and when every part's resource fetch started, both on the page's own
 * clock (`performance.now()`), so their order does not depend on Playwright's event timing.
 */
export const recordPaintAndParts = async (page: Page) => {
  await page.addInitScript(() => {
    const record: StartupRecord = { bannerLaidOutAt: null, partFetches: [] };
    (window as unknown as { startup: StartupRecord }).startup = record;
    const banner = () =>
      document.getElementById('zorgvuldig-ui')?.shadowRoot?.querySelector('section[role="region"]');
    const watch = () => {
      const element = banner();
      if (element && element.getBoundingClientRect().height > 0) {
        record.bannerLaidOutAt = performance.now();
      } else requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (/\/dist\/zorgvuldig\.[a-z]+\./i.test(entry.name))
          record.partFetches.push([entry.name, entry.startTime]);
      }
    }).observe({ type: 'resource', buffered: true });
  });
  return () => page.evaluate(() => (window as unknown as { startup: StartupRecord }).startup);
};

export interface StartupRecord {
  bannerLaidOutAt: number | null;
  /** `[url, fetch start]` of each SDK file fetched (the core's own entry included). */
  partFetches: [string, number][];
}

/**
 * Console warnings and uncaught errors (exceptions and unhandled rejections), from the moment
 * this is called.
 */
export const collectWarningsAndErrors = (page: Page) => {
  const warnings: string[] = [];
  const uncaught: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  page.on('pageerror', (error) => uncaught.push(error.message));
  return { warnings, uncaught };
};

/** Does a warning name `part` (its file or its name as a word)? */
export const namesPart = (text: string, part: string) =>
  new RegExp(`zorgvuldig\\.${part}\\b|\\b${part}\\b`, 'i').test(text);

/**
 * Waits until the page has been idle: `load`, then two idle periods one after the other, so work
 * the SDK defers to an idle period has had its chance to start.
 */
export const waitForIdle = (page: Page) =>
  page.evaluate(async () => {
    if (document.readyState !== 'complete')
      await new Promise((resolve) => addEventListener('load', resolve, { once: true }));
    for (let i = 0; i < 2; i++)
      await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 5000 }));
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  });
