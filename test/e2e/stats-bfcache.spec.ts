import { expect, test, type Page } from '@playwright/test';
import type { CollectBody, Hit } from '../../src/protocol/types';
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

const recordBeacons = (page: Page): CollectBody[] => {
  const bodies: CollectBody[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/zv/collect') {
      bodies.push(JSON.parse(request.postData() ?? 'null'));
    }
  });
  return bodies;
};
const hitsOf = (bodies: CollectBody[]): Hit[] => bodies.flatMap((body) => body.hits);
const pathOf = (hit: Hit) => new URL(hit.url).pathname;

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
