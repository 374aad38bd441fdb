// One measured page load: a fresh browser context (no cookies, no consent), the CPU throttled
// through CDP, every request that is not to 127.0.0.1 blocked. Main-thread figures come from
// CDP Performance metrics (ScriptDuration + V8CompileDuration, TaskDuration), read once the page
// has settled and before the accept click; the rest from the probe in the page.

const SETTLE_MS = 300; // quiet time after the banner shows (or after load), for late init work
const TIMEOUT_MS = 15_000;
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
  const blocked = [];
  const loaded = new Set();
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
    if (url.origin === origin && ['script', 'stylesheet'].includes(request.resourceType()))
      loaded.add(url.pathname);
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
    if (subject.find)
      await page.waitForFunction(() => window.__bench.shownAt !== null, null, {
        polling: 50,
        timeout: TIMEOUT_MS,
      });
    await sleep(SETTLE_MS);
    const metrics = await metricsOf(cdp);
    const probe = await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType('navigation');
      const { cls, longTasks, shownAt } = window.__bench;
      return { cls, longTasks, shownAt, dcl: navigation.domContentLoadedEventStart };
    });
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const blockedBeforeClick = blocked.length;
    let acceptMs = null;
    if (subject.accept) {
      await page.click(subject.accept, { timeout: TIMEOUT_MS });
      await page.waitForFunction(() => window.__bench.goneAt !== null, null, {
        polling: 50,
        timeout: TIMEOUT_MS,
      });
      acceptMs = await page.evaluate(() => window.__bench.goneAt - window.__bench.clickAt);
    }
    return {
      scriptMs: (metrics.ScriptDuration + (metrics.V8CompileDuration ?? 0)) * 1000,
      mainThreadMs: metrics.TaskDuration * 1000,
      bannerMs: probe.shownAt === null ? null : probe.shownAt - probe.dcl,
      cls: probe.cls,
      longTaskMs: probe.longTasks.reduce((sum, [, duration]) => sum + duration, 0),
      longTasks: probe.longTasks.length,
      heapBytes: usedSize,
      acceptMs,
      loaded: [...loaded],
      blockedBeforeClick,
      blocked,
      errors,
    };
  } finally {
    await context.close();
  }
};
