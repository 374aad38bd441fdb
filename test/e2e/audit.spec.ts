import { expect, test } from '@playwright/test';
import { collectPageErrors } from './support/pageErrors';
import { openSdkPage } from './support/sdkPage';

test.describe('audit()', () => {
  test('reports a persistent cookie set by a page script, a blocked Google request and a raw Google tag', async ({
    page,
    context,
  }) => {
    // Nothing may leave this machine: every request to another host is answered here and recorded.
    const outside: string[] = [];
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
      outside.push(route.request().url());
      return route.fulfill({ status: 204, body: '' });
    });
    const errors = collectPageErrors(page);
    await openSdkPage(page, {
      head: '<script async src="https://www.googletagmanager.com/gtag/js?id=G-RAWTAG1"></script>',
      body: '<script src="/fixtures/persistent-cookie.js"></script>',
    });
    await page.evaluate(() => window.zorgvuldig.rejectAll());
    const blocked = await page.evaluate(() =>
      fetch('https://www.google-analytics.com/g/collect?v=2&tid=G-RAWTAG1').then(
        () => 'sent',
        (error: Error) => error.name,
      ),
    );
    expect(blocked).toBe('TypeError');

    const report = await page.evaluate(() => window.zorgvuldig.audit());
    expect(report.consent).toMatchObject({ decided: true, method: 'reject-all' });
    const persistent = report.cookies.find((cookie) => cookie.name === 'site_remember');
    expect(persistent).toMatchObject({ lifetime: 'persistent', category: null });
    expect(Date.parse(persistent!.expires!)).toBeGreaterThan(Date.now());
    expect(report.cookies.find((cookie) => cookie.name === 'zv_consent')).toMatchObject({
      lifetime: 'session',
      category: 'necessary',
    });
    expect(report.blocked).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          host: 'www.google-analytics.com',
          mechanism: 'fetch',
          category: 'googleAnalytics',
        }),
      ]),
    );
    expect(report.rawGoogleTags.join(' ')).toContain('googletagmanager.com/gtag/js?id=G-RAWTAG1');
    expect(report.warnings.join('\n')).toMatch(/site_remember.*outlives the browser session/);
    expect(report.warnings.join('\n')).toContain('data-zv-category="googleAnalytics"');
    expect(report.unchecked).toEqual([]);
    // The raw tag was fetched by the browser's preload scanner before any script ran: the very
    // limit audit() exists to report. The guard's own block never reached the network.
    expect(outside.some((url) => url.includes('google-analytics.com'))).toBe(false);
    expect(errors.uncaught).toEqual([]);
  });
});
