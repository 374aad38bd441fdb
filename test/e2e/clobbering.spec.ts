import { collectPageErrors } from './support/pageErrors';
import { expect, test } from './support/recordingProxy';
import { banner, openSdkPage } from './support/sdkPage';

// DOM clobbering: an element's id or name becomes `window.<name>`. The globals the SDK reads
// (`zorgvuldig`, `dataLayer`, `gtag`) must not let markup switch it off.

type Win = Window & { attempt?: Promise<string>; dataLayer: ArrayLike<unknown>[] };

/** A page script after the SDK that calls Google itself, as a site's own gtag code would. */
const OWN_GOOGLE_CALL =
  "<script>window.attempt = fetch('https://www.google-analytics.com/g/collect?v=2&tid=G-TEST123').then(() => 'sent', (e) => e.name)</script>";

test('<form name="zorgvuldig"><input name="getConsent"> before the tag: the SDK starts, the guard blocks Google, one error names the form', async ({
  page,
  recorder,
}) => {
  const errors = collectPageErrors(page);
  await openSdkPage(page, {
    beforeSdk: '<form name="zorgvuldig"><input name="getConsent"></form>',
    attributes: { 'data-ga-id': 'G-TEST123' },
    head: OWN_GOOGLE_CALL,
  });
  await expect(banner(page)).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as Win).attempt)).toBe('TypeError');
  expect(recorder.google()).toEqual([]);
  expect(await page.evaluate(() => typeof window.zorgvuldig.getConsent)).toBe('function');
  expect(errors.uncaught).toEqual([]);
  expect(errors.consoleErrors).toHaveLength(1);
  expect(errors.consoleErrors[0]).toContain(
    'window.zorgvuldig is a <form name="zorgvuldig"> element',
  );
  await banner(page).getByRole('button', { name: 'Alleen noodzakelijk' }).click();
  expect(await page.evaluate(() => window.zorgvuldig.getConsent().choices.googleAnalytics)).toBe(
    false,
  );
});

test('<div id="dataLayer"> and <div id="gtag"> before the tag: the Google gate starts with a real dataLayer, errors name the elements', async ({
  page,
  recorder,
}) => {
  const errors = collectPageErrors(page);
  await openSdkPage(page, {
    beforeSdk: '<div id="dataLayer"></div><div id="gtag"></div>',
    attributes: { 'data-ga-id': 'G-TEST123' },
    head: OWN_GOOGLE_CALL,
  });
  await expect(banner(page)).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as Win).attempt)).toBe('TypeError');
  expect(recorder.google()).toEqual([]);
  const first = await page.evaluate(() => {
    const layer = (window as unknown as Win).dataLayer;
    return Array.isArray(layer) ? Array.from(layer[0]!).slice(0, 2) : null;
  });
  expect(first).toEqual(['consent', 'default']);
  expect(await page.evaluate(() => typeof (window as unknown as { gtag: unknown }).gtag)).toBe(
    'function',
  );
  expect(errors.uncaught).toEqual([]);
  const text = errors.consoleErrors.join('\n');
  expect(text).toContain('window.dataLayer is a <div id="dataLayer"> element, not an array');
  expect(text).toContain('window.gtag is a <div id="gtag"> element, not a function');
});
