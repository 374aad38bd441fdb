import type { Page } from '@playwright/test';
import { expect, test, type RecordingProxy } from './support/recordingProxy';

// Every "nothing reached Google" below is asserted at the recording proxy, which sees every
// request Chromium makes (tunnels included), not only what Playwright's request events report.

const GA_PAGE = '/fixtures/google/ga.html';

type Win = Window & {
  attempts(): Promise<Record<string, unknown>>;
  insertGtm(): void;
  blockedEvents: { mechanism: string; host: string; category: string; url: string }[];
  caught: string[];
  gtagStub?: { commands: unknown[][]; hits: number; writeCookies(): void };
  gtmStub?: number;
  dataLayer: ArrayLike<unknown>[];
  gtag(...args: unknown[]): void;
  violations: string[];
};

const googleUrls = (proxy: RecordingProxy) =>
  proxy.google().map((entry) => `${entry.method} ${entry.url}`);

/** Leaves the page the way a visitor does, so `pagehide` beacons fire, and waits for them. */
const leave = async (page: Page) => {
  await page.goto('/fixtures/google/data.json');
  // A beacon is queued by the browser; give it the time to reach the proxy if it was sent.
  await page.waitForTimeout(300);
};

/** Waits until every beacon the gtag.js stand-in sent has reached the proxy. */
const settled = async (page: Page, proxy: RecordingProxy) => {
  await expect
    .poll(async () => {
      const sent = await page.evaluate(
        () => (window as unknown as { gtagStubBeacons?: number }).gtagStubBeacons ?? 0,
      );
      const arrived = proxy
        .google()
        .filter(({ url, method }) => method !== 'CONNECT' && url.includes('/g/collect')).length;
      return sent > 0 && arrived >= sent;
    })
    .toBe(true);
};

/** Opens the Google page, accepts everything, and waits for gtag.js (the stand-in) to send a hit. */
const openAndAccept = async (page: Page) => {
  await page.goto(GA_PAGE);
  await page.evaluate(() => window.zorgvuldig.acceptAll());
  await expect
    .poll(() => page.evaluate(() => (window as unknown as Win).gtagStub?.hits ?? 0))
    .toBeGreaterThan(0);
};

/**
 * What an already loaded gtag.js does after a withdrawal if it ignored the denied update: an
 * event, its cookies, a hit by every mechanism. Returns what the page then says and what got out.
 */
const actAfterWithdrawal = (page: Page, event: string) =>
  page.evaluate(async (name) => {
    const win = window as unknown as Win;
    win.gtag('event', name);
    win.gtagStub!.writeCookies();
    return {
      disabled: (window as unknown as Record<string, unknown>)['ga-disable-G-TEST123'],
      granted: window.zorgvuldig.getConsent().choices.googleAnalytics,
      cookie: document.cookie,
      ...(await win.attempts()),
    };
  }, event);

const gaCookies = async (page: Page) =>
  (await page.context().cookies())
    .filter(({ name }) => name.startsWith('_ga'))
    .map(({ name }) => name);

test.describe('Google Analytics gate: before consent and after reject', () => {
  test('not one request to Google for data-ga-id, text/plain, gtm.js, fetch, XHR, sendBeacon, Image, iframe', async ({
    page,
    recorder: proxy,
  }) => {
    await page.goto(`${GA_PAGE}?gtm=1`);
    const before = await page.evaluate(() => (window as unknown as Win).attempts());
    expect(before).toEqual({ fetch: 'TypeError', xhr: 'error 4 0', beacon: false });

    await page.evaluate(() => window.zorgvuldig.rejectAll());
    await page.evaluate(() => (window as unknown as Win).attempts());
    await page.reload();
    await page.evaluate(() => (window as unknown as Win).attempts());
    await leave(page);

    expect(googleUrls(proxy)).toEqual([]);
    // The proxy did see the page: the assertion above is about Google, not about silence.
    expect(proxy.log.some((entry) => entry.url.includes('/fixtures/google/ga.html'))).toBe(true);
  });

  test('each stopped request is a blocked event with host, mechanism and category; nothing throws', async ({
    page,
  }) => {
    await page.goto(`${GA_PAGE}?gtm=1`);
    await page.evaluate(() => (window as unknown as Win).attempts());
    const { events, caught, gtag, gtm } = await page.evaluate(() => {
      const win = window as unknown as Win;
      return {
        events: win.blockedEvents,
        caught: win.caught,
        gtag: !!win.gtagStub,
        gtm: win.gtmStub ?? 0,
      };
    });
    expect(events.map(({ mechanism }) => mechanism).sort()).toEqual(
      // Two scripts: the GTM snippet's gtm.js and the page's inserted gtag.js.
      ['beacon', 'fetch', 'iframe', 'image', 'script', 'script', 'xhr'].sort(),
    );
    expect(events.every(({ category }) => category === 'googleAnalytics')).toBe(true);
    expect(events.find(({ mechanism }) => mechanism === 'fetch')).toMatchObject({
      host: 'www.google-analytics.com',
      url: 'https://www.google-analytics.com/g/collect',
    });
    expect(caught).toEqual([]);
    expect(gtag).toBe(false);
    expect(gtm).toBe(0);
  });

  test('Consent Mode defaults are all denied before any other command, and gtag.js is not loaded', async ({
    page,
    recorder: proxy,
  }) => {
    await page.goto(GA_PAGE);
    const dataLayer = await page.evaluate(() =>
      (window as unknown as Win).dataLayer.map((entry) => [
        Object.prototype.toString.call(entry),
        ...Array.from(entry),
      ]),
    );
    expect(dataLayer[0]).toEqual([
      '[object Arguments]',
      'consent',
      'default',
      {
        ad_storage: 'denied',
        analytics_storage: 'denied',
        ad_user_data: 'denied',
        ad_personalization: 'denied',
      },
    ]);
    expect(dataLayer[1]).toMatchObject([
      '[object Arguments]',
      'set',
      {
        ads_data_redaction: true,
        url_passthrough: false,
        cookie_expires: 0,
        allow_google_signals: false,
      },
    ]);
    expect(dataLayer.some(([, name]) => name === 'config')).toBe(false);
    expect(googleUrls(proxy)).toEqual([]);
  });
});

test.describe('Google Analytics gate: consent', () => {
  test('accept loads gtag.js exactly once, after the denied defaults, with a private config', async ({
    page,
    recorder: proxy,
  }) => {
    await openAndAccept(page);
    await expect
      .poll(() => googleUrls(proxy).filter((url) => url.includes('/g/collect')).length)
      .toBeGreaterThan(0);

    const gtagLoads = proxy.google().filter((entry) => entry.url.includes('/gtag/js?id=G-TEST123'));
    expect(gtagLoads).toHaveLength(1);
    const commands = await page.evaluate(() => (window as unknown as Win).gtagStub!.commands);
    const names = commands.map(([name, sub]) => (name === 'consent' ? `consent ${sub}` : name));
    expect(names.indexOf('consent default')).toBe(0);
    expect(names.indexOf('consent update')).toBeLessThan(names.indexOf('config'));
    const config = commands.find(([name]) => name === 'config')!;
    expect(config[1]).toBe('G-TEST123');
    expect(config[2]).toMatchObject({
      cookie_expires: 0,
      allow_google_signals: false,
      allow_ad_personalization_signals: false,
      page_location: `http://127.0.0.1:${new URL(page.url()).port}/fixtures/google/ga.html`,
    });
    expect(commands).toContainEqual(['consent', 'update', { analytics_storage: 'granted' }]);

    // GA's cookies are session cookies.
    const cookies = (await page.context().cookies()).filter(({ name }) => name.startsWith('_ga'));
    expect(cookies.length).toBeGreaterThan(0);
    expect(cookies.every(({ expires }) => expires === -1)).toBe(true);
  });

  test('scripts stopped before consent (text/plain, gtm.js) run once it comes', async ({
    page,
    recorder: proxy,
  }) => {
    await page.goto(`${GA_PAGE}?gtm=1`);
    await page.evaluate(() => window.zorgvuldig.setConsent({ googleAnalytics: true }));
    await expect.poll(() => page.evaluate(() => (window as unknown as Win).gtmStub ?? 0)).toBe(1);
    await expect
      .poll(() => googleUrls(proxy).filter((url) => url.includes('gtag/js?id=G-PLAIN')).length)
      .toBe(1);
    expect(googleUrls(proxy).filter((url) => url.includes('gtm.js?id=GTM-TEST'))).toHaveLength(1);
  });

  test('with consent, a pagehide beacon does reach the proxy (the recorder sees what Playwright misses)', async ({
    page,
    recorder: proxy,
  }) => {
    await openAndAccept(page);
    await leave(page);
    await expect
      .poll(() => googleUrls(proxy).filter((url) => url.includes('en=user_engagement')).length)
      .toBeGreaterThan(0);
  });
});

test.describe('Google Analytics gate: withdrawal in the same page', () => {
  test('no further Google request, not even the pagehide beacon; _ga cookies gone and not re-created', async ({
    page,
    recorder: proxy,
  }) => {
    await page.goto(GA_PAGE);
    await page.evaluate(() => window.zorgvuldig.acceptAll());
    await expect.poll(() => gaCookies(page)).not.toEqual([]);
    // Hits sent while consent was given may still be on their way: let them arrive first.
    await settled(page, proxy);

    proxy.clear();
    await page.evaluate(() => window.zorgvuldig.withdraw());
    // The page sees them gone at once; the browser's cookie store a moment later (an IPC away).
    expect(await page.evaluate(() => document.cookie)).not.toContain('_ga');
    await expect.poll(() => gaCookies(page)).toEqual([]);
    const after = await actAfterWithdrawal(page, 'after_withdrawal');
    expect(after).toMatchObject({ disabled: true, fetch: 'TypeError', beacon: false });
    expect(await page.evaluate(() => document.cookie)).not.toContain('_ga');
    expect(await gaCookies(page)).toEqual([]);
    const commands = await page.evaluate(() => (window as unknown as Win).gtagStub!.commands);
    expect(commands.slice(-2)).toEqual([
      ['consent', 'update', { analytics_storage: 'denied' }],
      ['event', 'after_withdrawal', undefined],
    ]);
    await leave(page);
    expect(googleUrls(proxy)).toEqual([]);
    expect(await gaCookies(page)).toEqual([]);
  });

  test('after withdrawal a reload loads nothing of Google', async ({ page, recorder: proxy }) => {
    await openAndAccept(page);
    await settled(page, proxy);
    await page.evaluate(() => window.zorgvuldig.withdraw());
    proxy.clear();
    await page.reload();
    await page.evaluate(() => (window as unknown as Win).attempts());
    await leave(page);
    expect(googleUrls(proxy)).toEqual([]);
  });
});

test.describe('Google Analytics gate: one consent for the browser session', () => {
  test('withdrawal in one tab: the other tab, gtag.js running, sends no hit and writes no _ga', async ({
    page,
    context,
    recorder: proxy,
  }) => {
    const other = await context.newPage();
    await openAndAccept(page);
    await openAndAccept(other);
    await settled(page, proxy);
    await settled(other, proxy);

    proxy.clear();
    await page.evaluate(() => window.zorgvuldig.withdraw());
    await expect.poll(() => gaCookies(page)).toEqual([]);
    // No focus or visibility change: the other tab acts at once, as a click handler would.
    const after = await actAfterWithdrawal(other, 'click_in_other_tab');
    expect(after).toMatchObject({ disabled: true, granted: false });
    expect(after.cookie).not.toContain('_ga');
    await leave(other);
    await leave(page);
    expect(googleUrls(proxy)).toEqual([]);
    expect(await gaCookies(page)).toEqual([]);
  });
});

test.describe('raw tags in the HTML', () => {
  test('a hard-coded GA tag gives a console warning that names it, and an audit entry', async ({
    page,
  }) => {
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await page.goto('/fixtures/google/raw-tag.html');
    await expect
      .poll(() => warnings.filter((text) => text.includes('gtag/js?id=G-RAW')).length)
      .toBe(1);
    expect(warnings.find((text) => text.includes('G-RAW'))).toContain(
      'data-zv-category="googleAnalytics"',
    );
    const audit = JSON.stringify(await page.evaluate(() => window.zorgvuldig.audit()));
    expect(audit).toContain('gtag/js?id=G-RAW');
  });
});

test.describe("the page's own requests", () => {
  test('fetch, XHR and sendBeacon to its own origin and to a third party behave as without the SDK', async ({
    page,
  }) => {
    await page.goto('/fixtures/google/requests-without-sdk.html');
    const without = await page.evaluate(() =>
      (window as unknown as { ownRequests(): Promise<unknown> }).ownRequests(),
    );
    await page.goto('/fixtures/google/requests.html');
    const withSdk = await page.evaluate(() =>
      (window as unknown as { ownRequests(): Promise<unknown> }).ownRequests(),
    );
    expect(withSdk).toEqual(without);
    // The comparison means something: the third party answered, and refused hosts failed.
    expect(without).toMatchObject({
      thirdParty: { status: 200, body: expect.stringContaining('"third":true') },
      refused: expect.stringContaining('TypeError'),
      xhrOwn: { status: 200 },
    });
  });
});

test.describe('the demo page', () => {
  test('shows each Google attempt as blocked before consent and gtag.js as sent after', async ({
    page,
    recorder: proxy,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto('/google.html');
    for (const name of ['fetch', 'xhr', 'beacon', 'image', 'gtm', 'iframe']) {
      await page.locator(`[data-google="${name}"]`).dispatchEvent('click');
    }
    await expect(page.locator('#google-blocked li')).toHaveCount(6);
    await expect(page.locator('#google-results')).toContainText('rejected with TypeError');
    expect(googleUrls(proxy)).toEqual([]);

    await page.locator('[data-google="grant"]').dispatchEvent('click');
    await expect(page.locator('#google-sent')).toContainText('www.googletagmanager.com/gtag/js');
    await expect(page.locator('#google-state')).toContainText('"gtagJsLoaded": true');
    expect(errors).toEqual([]);
  });
});
