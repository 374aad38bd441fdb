import { expect, test } from '@playwright/test';
import { recordCspViolations } from './support/cspViolations';
import { collectPageErrors } from './support/pageErrors';
import { banner, openSdkPage } from './support/sdkPage';

test.describe('robustness', () => {
  test('under a strict CSP without unsafe-inline the banner shows with zero CSP violations', async ({
    page,
  }) => {
    const violations = await recordCspViolations(page);
    const errors = collectPageErrors(page);
    await page.goto('/?csp=strict');
    await expect(banner(page)).toBeVisible();
    await page.evaluate(() => window.zorgvuldig.showPreferences());
    const look = await banner(page).evaluate((el) => getComputedStyle(el).position);
    expect(look).toBe('fixed'); // The stylesheet applied: constructable stylesheets pass the CSP.
    expect(await violations()).toEqual([]);
    expect(errors.uncaught).toEqual([]);
  });

  test('under Trusted Types a gated data-src script still runs after consent, with zero violations', async ({
    page,
  }) => {
    const violations = await recordCspViolations(page);
    const errors = collectPageErrors(page);
    await page.goto('/?csp=tt');
    await expect(banner(page)).toBeVisible();
    await banner(page).getByRole('button', { name: 'Alles accepteren' }).click();
    await expect(page.locator('#gated-google')).toHaveText('ran 1×');
    expect(await violations()).toEqual([]);
    expect(errors.uncaught).toEqual([]);
  });

  test('without constructable stylesheets, the nonce option styles the banner under a strict CSP', async ({
    page,
  }) => {
    const violations = await recordCspViolations(page);
    // An older browser: no CSSStyleSheet.replaceSync, so the SDK needs a <style> element.
    await page.addInitScript(() => {
      delete (CSSStyleSheet.prototype as { replaceSync?: unknown }).replaceSync;
    });
    const csp =
      "default-src 'self'; script-src 'self' 'nonce-zv123'; style-src 'self' 'nonce-zv123'";
    await openSdkPage(page, { csp, attributes: { nonce: 'zv123' }, path: '/t/nonce.html' });
    await expect(banner(page)).toBeVisible();
    expect(await banner(page).evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
    expect(await violations()).toEqual([]);

    // The control: the same page without a nonce is refused its style, and says so.
    await openSdkPage(page, { csp, path: '/t/no-nonce.html' });
    await expect.poll(violations).toContainEqual(expect.stringContaining('style-src'));
  });

  test('two script tags give one banner and no error', async ({ page }) => {
    const errors = collectPageErrors(page);
    await openSdkPage(page, { head: '<script src="/dist/zorgvuldig.min.js"></script>' });
    await expect(banner(page)).toBeVisible();
    await expect(page.locator('#zorgvuldig-ui')).toHaveCount(1);
    await page.evaluate(() => window.zorgvuldig.acceptAll());
    await expect(banner(page)).toBeHidden();
    expect(errors.uncaught).toEqual([]);
    expect(errors.consoleErrors).toEqual([]);
  });

  test('inside a sandboxed iframe (cookies and storage throw) nothing breaks and consent is kept for the page', async ({
    page,
  }) => {
    await page.goto('/fixtures/sandbox-outer.html');
    const frame = page.frames().find((f) => f.url().endsWith('/sandbox-inner.html'))!;
    await frame.waitForFunction(() => 'zorgvuldig' in window);
    expect(
      await frame.evaluate(() => {
        try {
          void document.cookie;
          return 'readable';
        } catch {
          return 'throws';
        }
      }),
    ).toBe('throws');
    await frame.locator('#zorgvuldig-ui').getByRole('button', { name: 'Alles accepteren' }).click();
    const state = await frame.evaluate(() => window.zorgvuldig.getConsent());
    expect(state).toMatchObject({ decided: true, method: 'accept-all' });
    await expect(frame.locator('#zorgvuldig-ui section[role="region"]')).toBeHidden();
    expect(await frame.evaluate(() => (window as unknown as { caught: string[] }).caught)).toEqual(
      [],
    );
  });

  test('bad config gives one clear console error naming each field, and the banner still works', async ({
    page,
  }) => {
    const errors = collectPageErrors(page);
    await openSdkPage(page, {
      attributes: { 'data-lang': 'de', 'data-statistics-default': 'maybe' },
      beforeSdk:
        '<script type="application/json" id="zorgvuldig-config">{"categories":{"marketing":{"hosts":"x"},"__proto__":{"polluted":1}},"colour":"red"}</script>',
    });
    await expect(banner(page)).toBeVisible();
    expect(errors.consoleErrors).toHaveLength(1);
    const [message] = errors.consoleErrors;
    for (const field of ['lang', 'statisticsDefault', 'categories.marketing', 'colour'])
      expect(message).toContain(field);
    await banner(page).getByRole('button', { name: 'Alleen noodzakelijk' }).click();
    expect(await page.evaluate(() => window.zorgvuldig.getConsent().choices)).toEqual({
      necessary: true,
      statistics: false,
      googleAnalytics: false,
    });
    expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
  });

  test('a javascript: privacy URL is refused: no such link in the banner, one error naming the field', async ({
    page,
  }) => {
    const errors = collectPageErrors(page);
    await openSdkPage(page, { attributes: { 'data-privacy-url': 'javascript:alert(1)' } });
    await expect(banner(page)).toBeVisible();
    const hrefs = await banner(page)
      .locator('a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.filter((href) => !/^(https?:|\/)/i.test(href))).toEqual([]);
    expect(errors.consoleErrors).toHaveLength(1);
    expect(errors.consoleErrors[0]).toContain('privacyUrl');
  });

  test('invalid JSON config is reported and defaults apply', async ({ page }) => {
    const errors = collectPageErrors(page);
    await openSdkPage(page, {
      beforeSdk: '<script type="application/json" id="zorgvuldig-config">{ not json</script>',
    });
    await expect(banner(page)).toBeVisible();
    expect(errors.consoleErrors.join('\n')).toContain('#zorgvuldig-config is not valid JSON');
  });
});
