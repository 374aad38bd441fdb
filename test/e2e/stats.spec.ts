import { expect, test, type Page } from './support/build';
import { hitsOf, isCollect, pathOf, recordBeacons } from './support/beacons';
import type { CollectBody, Hit } from '../../src/protocol/types';
import { openSdkPage } from './support/sdkPage';

/**
 * Statistics in real Chromium against the demo server and its relay (`/zv`). Bodies sent while
 * the page lives are seen with `page.on('request')` (it observes without intercepting, so the
 * relay stores them too); a `sendBeacon` on `pagehide` is checked in the relay's store, which
 * `page.on('request')` and `page.route` can miss.
 */
const SPA = '/spa.html';

interface StoredHit extends Hit {
  sid: string;
  ip: string | null;
}

/** What the relay stored for one pseudonym. */
const stored = async (page: Page, sid: string): Promise<StoredHit[]> => {
  const response = await page.request.get('/zv/records?limit=1000');
  const { records } = (await response.json()) as { records: StoredHit[] };
  return records.filter((record) => record.sid === sid);
};

const pushState = (page: Page, path: string) =>
  page.evaluate((to) => history.pushState(null, '', to), path);

test.describe('statistics', () => {
  test('sends a page view on load and on pushState, the second naming the first path', async ({
    page,
  }) => {
    const bodies = recordBeacons(page);
    await page.goto(`${SPA}?utm_source=nieuwsbrief&email=jan%40example.nl`);
    await expect.poll(() => hitsOf(bodies).length).toBe(1);
    await pushState(page, '/spa/over-ons');
    await expect.poll(() => hitsOf(bodies).length).toBe(2);
    const [first, second] = hitsOf(bodies);
    expect(first).toMatchObject({ type: 'pageview', lang: 'nl' });
    expect(new URL(first.url).search).toBe('?utm_source=nieuwsbrief');
    // The document's own navigation: HTTP status, bytes and timing.
    expect(first.status).toBe(200);
    expect(first.bytes?.body).toBeGreaterThan(0);
    expect(first.timing?.ttfb).toBeGreaterThanOrEqual(0);
    expect(second).toMatchObject({ type: 'pageview', prev: `${SPA}?utm_source=nieuwsbrief` });
    expect(pathOf(second)).toBe('/spa/over-ons');
    // One page view is one beacon under 1 KB.
    const size = Buffer.byteLength(JSON.stringify(bodies[0]));
    test.info().annotations.push({ type: 'page-view body bytes', description: String(size) });
    expect(size).toBeLessThan(1024);
  });

  test('a pseudonym carried over for days by a restored session is replaced', async ({
    page,
    context,
    baseURL,
  }) => {
    // As an earlier version wrote it, without its creation time: its age cannot be told, so it
    // is as good as too old (the unit tests cover a dated one past pseudonymMaxAge).
    await context.addCookies([{ name: 'zv_id', value: 'B'.repeat(22), url: baseURL }]);
    const bodies = recordBeacons(page);
    await page.goto(SPA);
    await expect.poll(() => bodies.length).toBe(1);
    expect(bodies[0].sid).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(bodies[0].sid).not.toBe('B'.repeat(22));
  });

  test('never puts a user agent in a body; the relay stores the reduced one of the request', async ({
    page,
  }) => {
    const bodies = recordBeacons(page);
    await page.goto(SPA);
    await page.evaluate(() => window.zorgvuldig.track('klik', { knop: 'contact' }));
    await expect.poll(() => hitsOf(bodies).length).toBeGreaterThanOrEqual(2);
    const userAgent = await page.evaluate(() => navigator.userAgent);
    const json = JSON.stringify(bodies);
    expect(json).not.toContain(userAgent);
    expect(json).not.toContain('Mozilla/5.0');
    expect(json).not.toMatch(/AppleWebKit|KHTML|X11|Linux x86_64/);
    expect(hitsOf(bodies)[0]).not.toHaveProperty('ua');
    const [view] = (await stored(page, bodies[0].sid)).filter((hit) => hit.type === 'pageview');
    expect(Object.keys(view.ua!).sort()).toEqual(['browser', 'device', 'os', 'version']);
    expect(view.ua!.device).toBe('desktop');
    expect(JSON.stringify(view)).not.toContain(userAgent);
  });

  test('keeps one pseudonym in a session cookie and starts a new one in a new context', async ({
    page,
    browser,
  }) => {
    const bodies = recordBeacons(page);
    await page.goto(SPA);
    await expect.poll(() => bodies.length).toBe(1);
    await page.goto('/spa.html?utm_source=tweede');
    await expect.poll(() => bodies.length).toBeGreaterThanOrEqual(2);
    const sid = bodies[0].sid;
    expect(sid).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(new Set(bodies.map((body) => body.sid))).toEqual(new Set([sid]));
    const cookie = (await page.context().cookies()).find(({ name }) => name === 'zv_id');
    // The pseudonym, then its creation time (for pseudonymMaxAge).
    expect(cookie).toMatchObject({ expires: -1, sameSite: 'Lax' });
    expect(cookie?.value.split('.')[0]).toBe(sid);
    expect(await page.evaluate(async () => (await window.zorgvuldig.exportData()).pseudonym)).toBe(
      sid,
    );

    const other = await browser.newContext();
    const otherPage = await other.newPage();
    const otherBodies = recordBeacons(otherPage);
    await otherPage.goto(SPA);
    await expect.poll(() => otherBodies.length).toBe(1);
    expect(otherBodies[0].sid).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(otherBodies[0].sid).not.toBe(sid);
    await other.close();
  });

  test('sends the web-vitals once, with sendBeacon, when the page is left', async ({ page }) => {
    const bodies = recordBeacons(page);
    await page.goto(SPA);
    await expect.poll(() => bodies.length).toBe(1);
    const sid = bodies[0].sid;
    // An interaction, so INP has something to measure.
    await page.getByRole('button', { name: 'pushState /spa/over-ons' }).click();
    await page.goto('/');
    await expect
      .poll(async () => (await stored(page, sid)).filter((hit) => hit.type === 'vitals').length)
      .toBeGreaterThanOrEqual(1);
    const vitals = (await stored(page, sid)).filter((hit) => hit.type === 'vitals');
    const timing = Object.assign({}, ...vitals.map((hit) => hit.timing));
    expect(timing).toHaveProperty('fcp');
    expect(timing).toHaveProperty('ttfb');
    // Each metric once, however many vitals hits carried them.
    const reported = vitals.flatMap((hit) => Object.keys(hit.timing ?? {}));
    expect(new Set(reported).size).toBe(reported.length);
  });

  test('delivers a large queue in full with sendBeacon when the page is closed', async ({
    page,
    context,
  }) => {
    const bodies = recordBeacons(page);
    await page.goto(SPA);
    await expect.poll(() => bodies.length).toBe(1);
    const sid = bodies[0].sid;
    // 49 more page views in one task, with the page closed right after: more bodies than the
    // rate limit's burst, all leaving on `pagehide`, with no next page to deliver the rest.
    await page.evaluate(() => {
      for (let i = 0; i < 49; i++) history.pushState(null, '', `/spa/groot/${i}`);
    });
    await page.close({ runBeforeUnload: true });
    const storedHits = async () => {
      const response = await context.request.get('/zv/records?limit=1000');
      const { records } = (await response.json()) as { records: StoredHit[] };
      return records.filter((record) => record.sid === sid && record.type === 'pageview');
    };
    await expect.poll(async () => (await storedHits()).length).toBe(50);
    const paths = (await storedHits()).map((hit) => new URL(hit.url).pathname);
    expect(paths).toEqual(
      expect.arrayContaining(Array.from({ length: 49 }, (_, i) => `/spa/groot/${i}`)),
    );
  });

  for (const [name, failure] of [
    ['unreachable', 'abort'],
    ['answering 503', 503],
  ] as const) {
    test(`queues hits while the relay is ${name} and delivers them on the next page`, async ({
      page,
    }) => {
      let failed = 0;
      await page.route('**/zv/collect', (route) => {
        failed++;
        return failure === 'abort' ? route.abort() : route.fulfill({ status: 503, body: '{}' });
      });
      await page.goto('/spa.html?utm_source=eerste');
      await expect.poll(() => failed).toBe(1);
      // The queue is written to sessionStorage once per task, just after the failure is known.
      await expect
        .poll(() =>
          page.evaluate(
            () => JSON.parse(sessionStorage.getItem('zv_queue') ?? '{"hits":[]}').hits.length,
          ),
        )
        .toBe(1);
      await page.unroute('**/zv/collect');

      const bodies = recordBeacons(page);
      await page.goto('/spa.html?utm_source=tweede');
      await expect
        .poll(() => hitsOf(bodies).filter((hit) => hit.type === 'pageview').length)
        .toBeGreaterThanOrEqual(2);
      const sources = hitsOf(bodies)
        .filter((hit) => hit.type === 'pageview')
        .map((hit) => new URL(hit.url).searchParams.get('utm_source'));
      expect(sources).toEqual(['eerste', 'tweede']);
      const sid = bodies[0].sid;
      await expect
        .poll(async () => (await stored(page, sid)).map((hit) => hit.url))
        .toEqual(expect.arrayContaining([expect.stringContaining('eerste')]));
      // Nothing was lost and nothing was sent twice.
      expect(
        await page.evaluate(() => JSON.parse(sessionStorage.getItem('zv_queue')!).hits),
      ).toEqual([]);
    });
  }

  test('sends no beacon while statistics are opt-in and not given, until switched on', async ({
    page,
  }) => {
    const requests: string[] = [];
    page.context().on('request', (request) => {
      if (isCollect(request.url())) requests.push(request.postData() ?? '');
    });
    const options = {
      attributes: { 'data-endpoint': '/zv', 'data-statistics-default': 'off' },
    };
    await openSdkPage(page, options);
    await pushState(page, '/t/geheim');
    await page.evaluate(() => window.zorgvuldig.track('geheim'));
    await openSdkPage(page, { ...options, path: '/t/tweede.html' });
    expect(
      await page.evaluate(async () => (await window.zorgvuldig.exportData()).pseudonym),
    ).toBeNull();
    expect((await page.context().cookies()).map(({ name }) => name)).not.toContain('zv_id');
    expect((await page.evaluate(() => sessionStorage.getItem('zv_queue'))) ?? '').not.toContain(
      'geheim',
    );

    // The positive control: switched on, the pipeline works, and only this page is counted.
    await page.evaluate(() => window.zorgvuldig.setConsent({ statistics: true }));
    await expect.poll(() => requests.length).toBe(1);
    expect(requests[0]).not.toContain('geheim');
    const body = JSON.parse(requests[0]) as CollectBody;
    expect(body.hits.map(pathOf)).toEqual(['/t/tweede.html']);
  });

  test('sends no beacon and sets no pseudonym when the browser sends GPC', async ({ page }) => {
    await page.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
    );
    const requests: string[] = [];
    page.context().on('request', (request) => {
      if (isCollect(request.url())) requests.push(request.postData() ?? '');
    });
    await page.goto(SPA);
    await page.getByRole('button', { name: 'pushState /spa/over-ons' }).click();
    await page.evaluate(() => window.zorgvuldig.track('geheim'));
    // "Accept all" does not override the browser's objection.
    await page.evaluate(() => window.zorgvuldig.acceptAll());
    await page.goto('/');
    expect((await page.context().cookies()).map(({ name }) => name)).not.toContain('zv_id');
    expect(
      await page.evaluate(async () => (await window.zorgvuldig.exportData()).pseudonym),
    ).toBeNull();

    await page.evaluate(() => window.zorgvuldig.setConsent({ statistics: true }));
    await expect.poll(() => requests.length).toBe(1);
    const body = JSON.parse(requests[0]) as CollectBody;
    expect(body.hits.map(pathOf)).toEqual(['/']);
  });

  test('stays within a few beacons per second when the page calls pushState thousands of times', async ({
    page,
  }) => {
    // Chromium itself takes about a millisecond per pushState under Playwright.
    test.setTimeout(60_000);
    const bodies = recordBeacons(page);
    await page.goto(SPA);
    await expect.poll(() => bodies.length).toBe(1);
    await page.evaluate(() => {
      for (let i = 0; i < 2000; i++) history.pushState(null, '', `/spa/burst/${i}`);
    });
    // Every hit is delivered or counted as dropped, and the newest page is among the delivered.
    await expect
      .poll(() => bodies.reduce((sum, body) => sum + body.hits.length + (body.dropped ?? 0), 0))
      .toBe(2001);
    expect(pathOf(hitsOf(bodies).at(-1)!)).toBe('/spa/burst/1999');
    // 2,000 hits went out in a handful of bodies: at most 10 hits each, within the bounded queue.
    expect(bodies.length).toBeLessThanOrEqual(1 + 50 / 10 + 1);
    expect(bodies.some((body) => (body.dropped ?? 0) > 0)).toBe(true);
  });

  test('shows each beacon as sent in the demo panel and in exportData()', async ({ page }) => {
    await page.goto(SPA);
    // The statistics part starts after the banner paints: a navigation made before it ran would
    // share the first page view's beacon. Wait for that beacon, as a tester reading the panel does.
    await expect(page.locator('#beacons li')).toHaveCount(1);
    await page.getByRole('button', { name: 'pushState /spa/over-ons' }).click();
    await expect(page.locator('#beacons li')).toHaveCount(2);
    await expect(page.locator('#beacons li').first()).toContainText('/spa/over-ons');
    const exported = await page.evaluate(
      async () => (await window.zorgvuldig.exportData()).beacons,
    );
    expect(hitsOf(exported).map(pathOf)).toEqual(['/spa.html', '/spa/over-ons']);
  });
});
