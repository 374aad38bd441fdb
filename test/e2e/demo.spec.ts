import { expect, test } from '@playwright/test';
import { collectPageErrors } from './support/pageErrors';
import { banner } from './support/sdkPage';

test.describe('QA cockpit', () => {
  test.beforeEach(async ({ context }) => {
    // Nothing leaves this machine: any other host is answered here.
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) =>
      route.fulfill({ status: 204, body: '' }),
    );
  });

  test('walks every panel and button', async ({ page }) => {
    const errors = collectPageErrors(page);
    await page.goto('/');
    await banner(page).getByRole('button', { name: 'Alleen noodzakelijk' }).click();
    const panel = (name: string) => page.locator(`[data-panel="${name}"]`);
    await expect(panel('consent')).toContainText('"method": "reject-all"');
    await expect(panel('cookies').locator('tr[data-cookie="zv_consent"]')).toContainText('session');
    await expect(panel('declaration').locator('table tbody tr')).toHaveCount(7);

    await page.getByRole('button', { name: 'fetch() to google-analytics.com' }).click();
    await expect(
      panel('network').locator('#blocked li[data-host="www.google-analytics.com"]'),
    ).toHaveCount(1);
    const host = new URL(page.url()).host;
    await expect(
      panel('network').locator(`#allowed li[data-host="${host}"]`).first(),
    ).toBeAttached();

    await page.getByRole('button', { name: 'acceptAll()' }).click();
    await expect(panel('gated')).toContainText('ran 1×');
    await page.getByRole('button', { name: 'SPA: pushState to the next page' }).click();
    await page.getByRole('button', { name: "track('afspraak-gemaakt', …)" }).click();
    await expect(panel('sent').locator('li').first()).toContainText('/zorg/thuiszorg');
    await expect(panel('stored')).toContainText('"ip": "127.0.0.0"');
    await expect(panel('stored')).toContainText('[email]');

    await page.getByRole('button', { name: 'audit()' }).click();
    await expect(panel('audit')).toContainText('"blocked"');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'exportData() → download' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('zorgvuldig-export.json');

    await page.getByRole('button', { name: 'withdraw()' }).click();
    await expect(panel('consent')).toContainText('"method": "withdraw"');
    await page.getByRole('button', { name: 'forget()' }).click();
    await expect(panel('consent')).toContainText('"decided": false');
    await expect(banner(page)).toBeVisible();
    await page.getByRole('button', { name: 'Cookie-instellingen', exact: true }).first().click();
    await expect(page.locator('#zorgvuldig-ui dialog')).toBeVisible();
    expect(errors.uncaught).toEqual([]);
  });

  for (const path of [
    '/spa.html',
    '/privacy.html',
    '/google.html',
    '/?csp=strict',
    '/spa.html?csp=strict',
  ]) {
    test(`the demo page ${path} loads with the banner and no error`, async ({ page }) => {
      const errors = collectPageErrors(page);
      await page.goto(path);
      await expect(banner(page)).toBeVisible();
      // Phones render the page at device width, not as a zoomed-out desktop page.
      await expect(page.locator('meta[name="viewport"]')).toHaveAttribute(
        'content',
        'width=device-width, initial-scale=1',
      );
      expect(errors.uncaught).toEqual([]);
      expect(errors.consoleErrors).toEqual([]);
    });
  }
});
