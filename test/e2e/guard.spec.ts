import { expect, test } from './support/recordingProxy';

// The guard in hostile pages (issue 8): Trusted Types, other scripts wrapping the same APIs,
// the site's own gtag code running first, and the service worker guard for raw tags.

type Win = Window & {
  attempts(): Promise<Record<string, unknown>>;
  insertGtm(): void;
  ownRequests(): Promise<Record<string, unknown>>;
  caught: string[];
  violations: string[];
  wrapperCalls: Record<string, number>;
  gtmStub?: number;
  gtagStub?: { commands: unknown[][] };
  dataLayer: ArrayLike<unknown>[];
};

test('under Trusted Types: blocks before consent, replays the TrustedScriptURL and loads gtag.js after, with no violation', async ({
  page,
  recorder,
}) => {
  await page.goto('/fixtures/google/trusted-types.html?gtm=1');
  const before = await page.evaluate(() => (window as unknown as Win).attempts());
  expect(before).toMatchObject({ fetch: 'TypeError', beacon: false });
  await page.evaluate(() => window.zorgvuldig.acceptAll());
  await expect.poll(() => page.evaluate(() => (window as unknown as Win).gtmStub ?? 0)).toBe(1);
  await expect.poll(() => page.evaluate(() => !!(window as unknown as Win).gtagStub)).toBe(true);
  const { violations, caught } = await page.evaluate(() => ({
    violations: (window as unknown as Win).violations,
    caught: (window as unknown as Win).caught,
  }));
  expect(violations).toEqual([]);
  expect(caught).toEqual([]);
  const gtag = recorder.google().filter(({ url }) => url.includes('/gtag/js?id=G-TEST123'));
  expect(gtag.map(({ method }) => method)).toEqual(['GET']);
  // Trusted Types are really enforced here: a plain string is refused, through the guard too.
  const plain = await page.evaluate(() => {
    try {
      document.createElement('script').src = '/own.js';
      return 'accepted';
    } catch (error) {
      return (error as Error).name;
    }
  });
  expect(plain).toBe('TypeError');
});

test('scripts that wrap fetch, XHR and sendBeacon before and after the SDK: Google still blocked, own calls still work', async ({
  page,
  recorder,
}) => {
  await page.goto('/fixtures/google/wrapped.html');
  const blocked = await page.evaluate(() => (window as unknown as Win).attempts());
  expect(blocked).toEqual({ fetch: 'TypeError', xhr: 'error 4 0', beacon: false });
  const own = await page.evaluate(() => (window as unknown as Win).ownRequests());
  expect(own).toMatchObject({
    relative: { status: 200, body: expect.stringContaining('"own": true') },
    requestObject: { status: 200 },
    thirdParty: { status: 200 },
    xhrOwn: { status: 200, events: ['loadstart', 'load', 'loadend'] },
    beaconOwn: true,
  });
  const { calls, caught } = await page.evaluate(() => ({
    calls: (window as unknown as Win).wrapperCalls,
    caught: (window as unknown as Win).caught,
  }));
  // Both wrappers saw the calls: nothing was bypassed or recursed.
  expect(calls.before).toBeGreaterThan(0);
  expect(calls.after).toBeGreaterThan(0);
  expect(caught).toEqual([]);
  expect(recorder.google()).toEqual([]);
});

test("the site's own gtag code ran first: the SDK's denied defaults and privacy settings still come first", async ({
  page,
  recorder,
}) => {
  await page.goto('/fixtures/google/site-gtag-first.html');
  const commands = await page.evaluate(() =>
    (window as unknown as Win).dataLayer.map((entry) => Array.from(entry).slice(0, 2)),
  );
  expect(commands).toEqual([
    ['consent', 'default'],
    ['set', expect.objectContaining({ cookie_expires: 0, allow_google_signals: false })],
    ['js', expect.anything()],
    ['config', 'G-SITE'],
  ]);
  // Without data-ga-id the SDK never loads gtag.js itself; the site's inserted copy waits.
  await page.evaluate(() => (window as unknown as Win).attempts());
  expect(recorder.google()).toEqual([]);
  await page.evaluate(() => window.zorgvuldig.acceptAll());
  await expect.poll(() => page.evaluate(() => !!(window as unknown as Win).gtagStub)).toBe(true);
  const seen = await page.evaluate(() => (window as unknown as Win).gtagStub!.commands);
  // The site's config was processed after the privacy settings, so it inherits them.
  const names = seen.map(([name]) => name);
  expect(names.indexOf('set')).toBeLessThan(names.indexOf('config'));
  expect(seen).toContainEqual(['consent', 'update', { analytics_storage: 'granted' }]);
});

test('with the service worker configured, a hard-coded tag is blocked from the second load on', async ({
  page,
  recorder,
}) => {
  const raw = () => recorder.google().filter(({ url }) => url.includes('gtag/js?id=G-RAW'));
  await page.goto('/fixtures/google/raw-tag-sw.html');
  // First view: the preload scanner fetched it before any script ran. What no script can stop.
  expect(raw().length).toBeGreaterThan(0);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  recorder.clear();
  await page.reload();
  await page.evaluate(() =>
    fetch('https://www.google-analytics.com/g/collect?v=2').catch(() => 'blocked'),
  );
  await page.waitForLoadState('load');
  expect(raw()).toEqual([]);
  expect(recorder.google()).toEqual([]);

  // With consent the worker lets the same tag through: it follows consent, it is not a wall.
  await page.evaluate(() => window.zorgvuldig.acceptAll());
  recorder.clear();
  await page.reload();
  await expect.poll(() => raw().length).toBeGreaterThan(0);
});

test('control: without the service worker the same raw tag is requested again on reload', async ({
  page,
  recorder,
}) => {
  const raw = () => recorder.google().filter(({ url }) => url.includes('gtag/js?id=G-RAW'));
  await page.goto('/fixtures/google/raw-tag.html');
  expect(raw().length).toBeGreaterThan(0);
  recorder.clear();
  await page.reload();
  await page.waitForLoadState('load');
  expect(raw().length).toBeGreaterThan(0);
});
