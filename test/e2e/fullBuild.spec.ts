import { hitsOf, recordBeacons } from './support/beacons';
import { expect, test } from './support/build';
import { recordPartRequests } from './support/parts';
import { banner, dialog, openSdkPage } from './support/sdkPage';

/**
 * The one-file build, `dist/zorgvuldig.full.min.js`, for sites that can host a single file: it
 * does everything the core and its parts do and loads nothing else. (The consent, Google and statistics specs also run against it: the
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

  test('exportData(), renderCookieTable() and audit() resolve with every part already there', async ({
    page,
  }) => {
    const parts = recordPartRequests(page);
    await openSdkPage(page, { attributes: { 'data-endpoint': '/zv' } });
    const answers = await page.evaluate(async () => {
      const exported = await window.zorgvuldig.exportData();
      const table = await window.zorgvuldig.renderCookieTable();
      return {
        version: exported.v,
        isTable: table instanceof HTMLTableElement,
        rows: table.querySelectorAll('tbody tr').length,
      };
    });
    expect(answers).toMatchObject({ version: 1, isTable: true });
    expect(answers.rows).toBeGreaterThan(0);
    const report = await page.evaluate(() => window.zorgvuldig.audit());
    expect(report.consent.decided).toBe(false);
    expect(report.parts).toEqual({
      shell: 'loaded',
      ui: 'loaded',
      stats: 'loaded',
      rights: 'loaded',
      receipts: 'loaded',
    });
    expect(parts.requested).toEqual([]);
  });
});
