import { expect, test } from '@playwright/test';
import { collectPageErrors } from './support/pageErrors';
import { banner, sdkHtml } from './support/sdkPage';

test.describe('how the SDK is embedded', () => {
  for (const loading of ['async', 'defer']) {
    test(`loaded with ${loading}, it still shows the banner, gates and records consent`, async ({
      page,
    }) => {
      const errors = collectPageErrors(page);
      await page.route('**/t/loading.html', (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: sdkHtml({
            body: '<script type="text/plain" data-zv-category="googleAnalytics" data-src="/gated/google.js"></script><output id="gated-google"></output>',
          }).replace(
            '<script src="/dist/zorgvuldig.min.js"',
            `<script ${loading} src="/dist/zorgvuldig.min.js"`,
          ),
        }),
      );
      await page.goto('/t/loading.html');
      await banner(page).getByRole('button', { name: 'Alles accepteren' }).click();
      await expect(page.locator('#gated-google')).toHaveText('ran 1×');
      expect(errors.uncaught).toEqual([]);
    });
  }

  test('inside an iframe of another site (no cookies there) it works and keeps consent for the page', async ({
    page,
  }) => {
    await page.goto('/fixtures/cross-site-host.html');
    await expect.poll(() => page.frames().length).toBe(2);
    const frame = page.frames().find((f) => f.url().includes('localhost'))!;
    await frame.waitForFunction(() => 'zorgvuldig' in window);
    await frame
      .locator('#zorgvuldig-ui')
      .getByRole('button', { name: 'Alleen noodzakelijk' })
      .click();
    expect(await frame.evaluate(() => window.zorgvuldig.getConsent())).toMatchObject({
      decided: true,
      method: 'reject-all',
    });
    // The browser refused the consent cookie here: the choice lives in memory for the page.
    expect(await frame.evaluate(() => document.cookie)).not.toContain('zv_consent');
    expect(await frame.evaluate(() => (window as unknown as { caught: string[] }).caught)).toEqual(
      [],
    );
  });

  test('with the clock set years off, receipts keep their order and no figure is negative', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      const offset = 12 * 365 * 24 * 3600 * 1000; // Twelve years ahead.
      const RealDate = Date;
      class SkewedDate extends RealDate {
        constructor(...args: ConstructorParameters<typeof Date>) {
          super(...((args.length ? args : [RealDate.now() + offset]) as [number]));
        }
        static override now() {
          return RealDate.now() + offset;
        }
      }
      (window as unknown as { Date: DateConstructor }).Date = SkewedDate as DateConstructor;
    });
    await page.route('**/t/clock.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: sdkHtml({ attributes: { 'data-endpoint': '/zv' } }),
      }),
    );
    // The statistics part (which knows the pseudonym a receipt carries) arrives last: the export
    // must still hold every receipt.
    await page.route('**/dist/zorgvuldig.stats.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.continue();
    });
    await page.goto('/t/clock.html');
    await page.evaluate(() => window.zorgvuldig.rejectAll());
    await page.evaluate(() => window.zorgvuldig.setConsent({ statistics: true }));
    await page.evaluate(() => window.zorgvuldig.acceptAll());
    const exported = await page.evaluate(() => window.zorgvuldig.exportData());
    const times = exported.receipts.map((r) => Date.parse(r.time));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(exported.receipts.map((r) => r.method)).toEqual(['reject-all', 'api', 'accept-all']);
    await page.evaluate(() => history.pushState({}, '', '/t/clock-next'));
    await expect
      .poll(() =>
        page.evaluate(
          async () => (await window.zorgvuldig.exportData()).beacons.flatMap((b) => b.hits).length,
        ),
      )
      .toBeGreaterThan(0);
    const numbers: number[] = [];
    JSON.stringify(
      await page.evaluate(async () => (await window.zorgvuldig.exportData()).beacons),
      (_, value) => {
        if (typeof value === 'number') numbers.push(value);
        return value;
      },
    );
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers.filter((n) => n < 0)).toEqual([]);
  });
});
