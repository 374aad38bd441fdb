import { hitsOf, recordBeacons } from './support/beacons';
import { expect, test } from './support/build';
import { recordPartRequests } from './support/parts';
import { banner, dialog, openSdkPage } from './support/sdkPage';

/**
 * The one-file build, `dist/zorgvuldig.full.min.js`, for sites that can host a single file: it
 * does everything the core and its parts do, loads nothing else, and its API answers at once as
 * it always did. (The consent, Google and statistics specs also run against it: the
 * `full-build` project in playwright.config.ts.)
 */
test.use({ build: 'full' });

test.describe('the one-file build', () => {
  test('a first and a returning visit load no part; banner, statistics and dialog all work', async ({
    page,
  }) => {
    const parts = recordPartRequests(page);
    const bodies = recordBeacons(page);
    await openSdkPage(page, { attributes: { 'data-endpoint': '/zv' } });
    await expect(banner(page)).toBeVisible();
    await expect.poll(() => hitsOf(bodies).length).toBeGreaterThanOrEqual(1);
    await banner(page).getByRole('button', { name: 'Alleen noodzakelijk' }).click();
    await page.reload();
    await page.getByRole('button', { name: 'Cookie-instellingen', exact: true }).click();
    await expect(dialog(page)).toBeVisible();
    expect(parts.requested).toEqual([]);
  });

  test('exportData() and renderCookieTable() answer synchronously, as before the split', async ({
    page,
  }) => {
    await openSdkPage(page, { attributes: { 'data-endpoint': '/zv' } });
    const answers = await page.evaluate(() => {
      const exported = window.zorgvuldig.exportData();
      const table = window.zorgvuldig.renderCookieTable();
      return {
        exportIsPromise: typeof (exported as { then?: unknown }).then === 'function',
        version: exported.v,
        isTable: table instanceof HTMLTableElement,
      };
    });
    expect(answers).toEqual({ exportIsPromise: false, version: 1, isTable: true });
    const report = await page.evaluate(() => window.zorgvuldig.audit());
    expect(report.consent.decided).toBe(false);
  });
});
