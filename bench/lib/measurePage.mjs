// One measured page load: a fresh browser context (no cookies, no consent, or a returning
// visitor's cookies), the CPU throttled through CDP, every request that is not to 127.0.0.1
// blocked. Main-thread figures come from CDP Performance metrics (ScriptDuration +
// V8CompileDuration, TaskDuration), read once the page has settled and before the accept click;
// the rest from the probe in the page.

// Quiet time after the banner shows (or after load), for late init work: counted from the last
// script or stylesheet the page requested, so parts loaded after the banner are in the figures.
const SETTLE_MS = 300;
const TIMEOUT_MS = 15_000;
const CLICK_RETRY_MS = 3000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const metricsOf = async (cdp) =>
  Object.fromEntries(
    (await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]),
  );

/**
 * Loads `subject` once at CPU slow-down `rate`. Returns the run's raw figures (times in ms,
 * heap in bytes), the same-origin scripts and stylesheets it loaded, and what was blocked.
 */
export const measurePage = async (browser, origin, subject, rate) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (subject.cookies) await context.addCookies(subject.cookies);
  const blocked = [];
  const loaded = new Set();
  let lastAsset = Date.now();
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => {
      blocked.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  const page = await context.newPage();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === origin && ['script', 'stylesheet'].includes(request.resourceType())) {
      loaded.add(url.pathname);
      lastAsset = Date.now();
    }
  });
  page.on('requestfinished', (request) => {
    if (['script', 'stylesheet'].includes(request.resourceType())) lastAsset = Date.now();
  });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  try {
    await page.goto(`${origin}/page/${subject.id}.html`, {
      waitUntil: 'load',
      timeout: TIMEOUT_MS,
    });
    if (subject.find) {
      await page
        .waitForFunction(() => window.__bench.shownAt !== null, null, {
          polling: 50,
          timeout: TIMEOUT_MS,
        })
        .catch(async (error) => {
          // Say what the page looked like, so a subject that never showed its banner can be told
          // from one the probe missed.
          const state = await page
            .evaluate(
              `(() => { const e = (${subject.find})(); return JSON.stringify({ element: !!e, display: e && getComputedStyle(e).display, height: e && e.getBoundingClientRect().height, readyState: document.readyState, visibility: document.visibilityState }); })()`,
            )
            .catch(() => 'unknown');
          throw new Error(
            `banner not seen in ${TIMEOUT_MS} ms: ${state} (${error.message.split('\n')[0]})`,
          );
        });
    }
    const settleFrom = Date.now();
    while (Date.now() - Math.max(settleFrom, lastAsset) < SETTLE_MS) {
      if (Date.now() - settleFrom > TIMEOUT_MS) throw new Error('page never settled');
      await sleep(50);
    }
    const metrics = await metricsOf(cdp);
    const probe = await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType('navigation');
      const { cls, longTasks, ownScripts, shownAt, headStart, headEnd } = window.__bench;
      // The parser waited for the last render-blocking file (a parser-blocking script, a
      // stylesheet) to download, then ran what followed: from that download to the end of <head>
      // is evaluation and synchronous init. Scripts the SDK inserts itself (parts) do not block.
      const downloaded = performance
        .getEntriesByType('resource')
        .filter(
          (entry) => entry.renderBlockingStatus === 'blocking' && entry.responseEnd <= headEnd,
        )
        .reduce((latest, entry) => Math.max(latest, entry.responseEnd), headStart);
      return {
        cls,
        longTasks,
        ownScripts,
        shownAt,
        blockingMs: headEnd - downloaded,
        dcl: navigation.domContentLoadedEventStart,
      };
    });
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const blockedBeforeClick = blocked.length;
    let acceptMs = null;
    let clicks = 0;
    if (subject.accept) {
      // Up to three clicks, CLICK_RETRY_MS apart: some banners show before their buttons work.
      for (let gone = false; !gone && clicks < 3;) {
        clicks++;
        await page.click(subject.accept, { timeout: TIMEOUT_MS });
        gone = await page
          .waitForFunction(() => window.__bench.goneAt !== null, null, {
            polling: 50,
            timeout: CLICK_RETRY_MS,
          })
          .then(
            () => true,
            () => false,
          );
      }
      acceptMs = await page.evaluate(
        () => window.__bench.goneAt && window.__bench.goneAt - window.__bench.clickAt,
      );
      if (acceptMs === null) throw new Error(`banner still shown after ${clicks} accept clicks`);
    }
    return {
      scriptMs: (metrics.ScriptDuration + (metrics.V8CompileDuration ?? 0)) * 1000,
      mainThreadMs: metrics.TaskDuration * 1000,
      bannerMs: probe.shownAt === null ? null : probe.shownAt - probe.dcl,
      cls: probe.cls,
      blockingMs: probe.blockingMs,
      longTaskMs: probe.longTasks.reduce((sum, [, duration]) => sum + duration, 0),
      longTasks: probe.longTasks.length,
      ownLongTasks: probe.ownScripts.filter(([, duration]) => duration >= 50).length,
      ownLongestMs: Math.max(0, ...probe.ownScripts.map(([, duration]) => duration)),
      heapBytes: usedSize,
      acceptMs,
      clicks,
      loaded: [...loaded],
      blockedBeforeClick,
      blocked,
      errors,
    };
  } finally {
    await context.close();
  }
};

/**
 * A returning visitor's cookies: `subject`'s page loaded once, its banner accepted, and the
 * cookies it then holds (the consent record among them), for measuring the next visit.
 */
export const seedDecision = async (browser, origin, subject) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.route(
      (url) => url.hostname !== '127.0.0.1',
      (route) => route.abort('blockedbyclient'),
    );
    const page = await context.newPage();
    await page.goto(`${origin}/page/${subject.id}.html`, {
      waitUntil: 'load',
      timeout: TIMEOUT_MS,
    });
    await page.waitForFunction(() => window.__bench.shownAt !== null, null, {
      polling: 50,
      timeout: TIMEOUT_MS,
    });
    await page.click(subject.accept, { timeout: TIMEOUT_MS });
    await page.waitForFunction(() => window.__bench.goneAt !== null, null, {
      polling: 50,
      timeout: TIMEOUT_MS,
    });
    const cookies = await context.cookies();
    if (!cookies.length) throw new Error(`${subject.id} left no cookie after accepting`);
    return cookies;
  } finally {
    await context.close();
  }
};
