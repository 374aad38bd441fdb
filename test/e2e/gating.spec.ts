import { expect, test, type Page } from '@playwright/test';
import { openSdkPage } from './support/sdkPage';

const runs = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { gatedRuns?: Record<string, number> }).gatedRuns ?? {},
  );

test.describe('script gating', () => {
  test('a text/plain script does not run, nor load, before its category is granted', async ({
    page,
  }) => {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto('/');
    await page.evaluate(() => window.zorgvuldig.rejectAll());
    await page.reload();
    expect((await runs(page)).googleAnalytics).toBeUndefined();
    expect(requested).not.toContain('/gated/google.js');
  });

  test('it runs after consent, exactly once, also when consent is given again', async ({
    page,
  }) => {
    await page.goto('/');
    await page.evaluate(() => window.zorgvuldig.rejectAll());
    await page.evaluate(() => window.zorgvuldig.setConsent({ googleAnalytics: true }));
    await expect.poll(async () => (await runs(page)).googleAnalytics).toBe(1);
    await page.evaluate(() => {
      window.zorgvuldig.acceptAll();
      window.zorgvuldig.setConsent({ googleAnalytics: true });
    });
    // Revival is synchronous: a second run would need a second live script element.
    expect(await page.locator('script[src="/gated/google.js"]').count()).toBe(1);
    expect(await page.locator('script[type="text/plain"][data-zv-category]').count()).toBe(0);
    expect((await runs(page)).googleAnalytics).toBe(1);
    await expect(page.locator('#gated-google')).toHaveText('ran 1×');
  });

  test('with consent already given it runs once on load', async ({ page }) => {
    await page.goto('/');
    await page.evaluate(() => window.zorgvuldig.acceptAll());
    await page.reload();
    await expect.poll(async () => (await runs(page)).googleAnalytics).toBe(1);
    expect((await runs(page)).statistics).toBe(1);
  });

  test('under a nonce CSP consented scripts run, inline and data-src, with the nonce', async ({
    page,
  }) => {
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) blocked.push(message.text());
    });
    await openSdkPage(page, {
      csp: "script-src 'nonce-N0nce'; object-src 'none'; base-uri 'none'",
      attributes: { nonce: 'N0nce' },
      body:
        '<p id="gated-statistics"></p>' +
        '<script type="text/plain" data-zv-category="statistics" data-src="/gated/statistics.js" nonce="N0nce"></script>' +
        '<script type="text/plain" data-zv-category="googleAnalytics" nonce="N0nce">window.inlineRan = true</script>',
    });
    await page.evaluate(() => window.zorgvuldig.acceptAll());
    await expect.poll(async () => (await runs(page)).statistics).toBe(1);
    expect(
      await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan),
    ).toBe(true);
    expect(blocked).toEqual([]);
  });
});
