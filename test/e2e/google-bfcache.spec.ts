import { expect, launchBehindProxy, test as proxied } from './support/recordingProxy';
import { sdkHtml } from './support/sdkPage';

// Playwright turns the bfcache off by default; real Chromium keeps it on. The same recording
// proxy as google.spec.ts, in a browser launched without that flag (hence its own file).
const test = proxied.extend({
  browser: [
    async ({ proxyServer }, use) => {
      const browser = await launchBehindProxy(proxyServer, {
        ignoreDefaultArgs: ['--disable-back-forward-cache'],
      });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
});

type Win = Window & {
  restored?: boolean;
  gtag(...args: unknown[]): void;
  gtagStub?: { hits: number; writeCookies(): void };
};

test('withdrawn on page B: page A restored from the bfcache is denied before anything runs', async ({
  page,
  recorder: proxy,
}) => {
  await page.addInitScript(() =>
    addEventListener('pageshow', (event) => {
      if ((event as PageTransitionEvent).persisted) (window as unknown as Win).restored = true;
    }),
  );
  // Generated pages: the demo server's `Cache-Control: no-store` would keep them out of the cache.
  await page.route('**/t/*.html', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: sdkHtml({ attributes: { 'data-ga-id': 'G-TEST123', 'data-banner': 'false' } }),
    }),
  );
  const gaCookies = async () =>
    (await page.context().cookies()).filter(({ name }) => name.startsWith('_ga'));

  // A, accepted, then B, withdrawn, then Back to A. Chromium may refuse to cache a page for its
  // own reasons (under load it reports them only as "masked"), so the round trip is tried again,
  // a few times at most, until A really comes back from the cache.
  const roundTrip = async () => {
    await page.goto('/t/a.html');
    await page.evaluate(() => window.zorgvuldig.acceptAll());
    await expect
      .poll(() => page.evaluate(() => (window as unknown as Win).gtagStub?.hits ?? 0))
      .toBeGreaterThan(0);
    await expect.poll(gaCookies).not.toEqual([]);

    await page.goto('/t/b.html');
    await page.evaluate(() => window.zorgvuldig.withdraw());
    await expect.poll(gaCookies).toEqual([]);
    proxy.clear();

    await page.goBack({ waitUntil: 'commit' });
    await page.waitForFunction(() => document.readyState !== 'loading');
    return page.evaluate(() => (window as unknown as Win).restored === true);
  };
  let restored = false;
  for (let attempt = 0; attempt < 4 && !restored; attempt++) restored = await roundTrip();
  expect(restored, 'page A came back from the back/forward cache').toBe(true);
  const after = await page.evaluate(() => {
    const win = window as unknown as Win;
    // Read before the page does anything: the restore itself must have applied the withdrawal.
    const state = {
      disabled: (window as unknown as Record<string, unknown>)['ga-disable-G-TEST123'],
      granted: window.zorgvuldig.getConsent().choices.googleAnalytics,
    };
    win.gtag('event', 'after_back');
    win.gtagStub!.writeCookies();
    return { ...state, cookie: document.cookie };
  });
  expect(after).toMatchObject({ disabled: true, granted: false });
  expect(after.cookie).not.toContain('_ga');
  // Leaving fires gtag.js's pagehide beacon; give a beacon the browser queued time to arrive.
  await page.goto('/fixtures/google/data.json');
  await page.waitForTimeout(300);
  expect(proxy.google().map(({ method, url }) => `${method} ${url}`)).toEqual([]);
  expect(await gaCookies()).toEqual([]);
});
