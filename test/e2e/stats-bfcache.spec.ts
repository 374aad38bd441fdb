import { expect, test } from '@playwright/test';
import { hitsOf, pathOf, recordBeacons } from './support/beacons';
import { chromiumArgs, chromiumExecutable } from './support/chromium';
import { openSdkPage } from './support/sdkPage';

// Playwright turns the bfcache off by default; real Chromium keeps it on. A launch option forces
// its own worker, hence its own file.
test.use({
  launchOptions: {
    executablePath: chromiumExecutable(),
    args: chromiumArgs,
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
  },
});

test.describe('statistics with the back/forward cache on', () => {
  test('counts a restore from the bfcache as one new page view', async ({ page }) => {
    await page.addInitScript(() =>
      addEventListener('pageshow', (event) => {
        if ((event as PageTransitionEvent).persisted)
          (window as { restored?: boolean }).restored = true;
      }),
    );
    const bodies = recordBeacons(page);
    // The demo server sends `Cache-Control: no-store`, which keeps pages out of the bfcache; a
    // generated page is served without it.
    await openSdkPage(page, { attributes: { 'data-endpoint': '/zv' } });
    await expect.poll(() => bodies.length).toBe(1);
    await page.goto('/');
    await page.goBack({ waitUntil: 'commit' });
    // Restored, not reloaded: the SDK keeps the page eligible (no `unload` listener).
    await expect
      .poll(() => page.evaluate(() => (window as { restored?: boolean }).restored))
      .toBe(true);
    await page.evaluate(() => history.pushState(null, '', '/t/na-terugkeer'));
    await expect
      .poll(() => hitsOf(bodies).some((hit) => pathOf(hit) === '/t/na-terugkeer'))
      .toBe(true);
    // (The page view of `/` left by goBack went with sendBeacon on pagehide, which
    // `page.on('request')` may miss.)
    const views = hitsOf(bodies)
      .filter((hit) => hit.type === 'pageview' && hit.url.includes('/t/'))
      .map(pathOf);
    expect(views).toEqual(['/t/page.html', '/t/page.html', '/t/na-terugkeer']);
  });
});
