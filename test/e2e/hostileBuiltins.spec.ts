import { expect, test } from '@playwright/test';
import { collectPageErrors } from './support/pageErrors';
import { banner, openSdkPage } from './support/sdkPage';

// A page that breaks a built-in the SDK uses must not get errors from SDK code: every entry
// point (timers, listeners, observers, promise chains) runs through one guard.

test('with JSON.stringify throwing, no uncaught error reaches the page and the banner still works', async ({
  page,
}) => {
  const errors = collectPageErrors(page);
  await openSdkPage(page, {
    beforeSdk:
      "<script>JSON.stringify = () => { throw new Error('page broke JSON.stringify') }</script>",
    attributes: { 'data-endpoint': '/zv' },
    body: '<p id="gated-statistics"></p><script type="text/plain" data-zv-category="statistics" data-src="/gated/statistics.js"></script>',
  });
  await expect(banner(page)).toBeVisible();
  await banner(page).getByRole('button', { name: 'Alles accepteren' }).click();
  await expect(banner(page)).toBeHidden();
  await expect(page.locator('#gated-statistics')).toHaveText('ran 1×');
  await page.evaluate(() => window.zorgvuldig.track('hostile'));
  // A navigation flushes the beacon queue (pagehide) and ends every pending timer's chance.
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))),
  );
  await page.goto('about:blank');
  expect(errors.uncaught).toEqual([]);
});
