import { expect, test } from './support/build';
import { banner, dialog, openSdkPage, sdkHtml } from './support/sdkPage';

test.describe('consent banner', () => {
  test('shows the banner on a first visit, with reject and accept at the same size and colour', async ({
    page,
  }) => {
    await openSdkPage(page);
    await expect(banner(page)).toBeVisible();
    const reject = banner(page).getByRole('button', { name: 'Alleen noodzakelijk' });
    const accept = banner(page).getByRole('button', { name: 'Alles accepteren' });
    await expect(banner(page).getByRole('button', { name: 'Instellingen' })).toBeVisible();
    const [r, a] = [await reject.boundingBox(), await accept.boundingBox()];
    expect(r && a).toBeTruthy();
    expect(Math.abs(r!.width - a!.width)).toBeLessThan(1);
    expect(Math.abs(r!.height - a!.height)).toBeLessThan(1);
    const look = (el: Element) => {
      const s = getComputedStyle(el);
      return [el.tagName, s.backgroundColor, s.color, s.fontSize, s.fontWeight, s.borderColor].join(
        '|',
      );
    };
    expect(await reject.evaluate(look)).toBe(await accept.evaluate(look));
  });

  test('accepting hides the banner, keeps a reopen control, and is remembered across pages', async ({
    page,
  }) => {
    await openSdkPage(page);
    await banner(page).getByRole('button', { name: 'Alles accepteren' }).click();
    await expect(banner(page)).toBeHidden();
    const state = await page.evaluate(() => window.zorgvuldig.getConsent());
    expect(state).toMatchObject({ decided: true, method: 'accept-all', policyVersion: '1' });
    expect(state.choices).toEqual({ necessary: true, statistics: true, googleAnalytics: true });
    expect(state.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Date.parse(state.time!)).not.toBeNaN();
    await page.reload();
    await expect(banner(page)).toBeHidden();
    await expect(page.getByRole('button', { name: 'Cookie-instellingen' })).toBeVisible();
  });

  test('a policy version bump shows the banner again; the same version does not', async ({
    page,
  }) => {
    await openSdkPage(page, { attributes: { 'data-policy-version': '1.1' } });
    await banner(page).getByRole('button', { name: 'Alleen noodzakelijk' }).click();
    await page.reload();
    await expect(banner(page)).toBeHidden();
    await openSdkPage(page, {
      attributes: { 'data-policy-version': '1.2' },
      path: '/t/bumped.html',
    });
    await expect(banner(page)).toBeVisible();
    expect(await page.evaluate(() => window.zorgvuldig.getConsent().decided)).toBe(false);
  });

  test('setConsent merges a partial choice; an unknown category throws a clear error', async ({
    page,
  }) => {
    await openSdkPage(page);
    const after = await page.evaluate(() => {
      window.zorgvuldig.rejectAll();
      return window.zorgvuldig.setConsent({ googleAnalytics: true });
    });
    expect(after.choices).toEqual({ necessary: true, statistics: false, googleAnalytics: true });
    expect(after.method).toBe('api');
    const error = await page.evaluate(() => {
      try {
        window.zorgvuldig.setConsent({ marketing: true });
      } catch (e) {
        return (e as Error).message;
      }
    });
    expect(error).toContain('unknown category "marketing"');
    expect(await page.evaluate(() => window.zorgvuldig.getConsent().choices)).toEqual(
      after.choices,
    );
  });

  test('withdraw() leaves only necessary on, in the same page, and the reopen control stays', async ({
    page,
  }) => {
    await openSdkPage(page);
    await page.evaluate(() => window.zorgvuldig.acceptAll());
    const state = await page.evaluate(() => window.zorgvuldig.withdraw());
    expect(state.choices).toEqual({ necessary: true, statistics: false, googleAnalytics: false });
    expect(state.method).toBe('withdraw');
    await expect(page.getByRole('button', { name: 'Cookie-instellingen' })).toBeVisible();
  });

  test('on("consent") and the zorgvuldig:consent DOM event both report a change', async ({
    page,
  }) => {
    await openSdkPage(page);
    const seen = await page.evaluate(() => {
      const log: string[] = [];
      window.zorgvuldig.on('consent', (s) => log.push(`api:${s.method}`));
      window.addEventListener('zorgvuldig:consent', (e) =>
        log.push(`dom:${(e as CustomEvent).detail.method}`),
      );
      window.zorgvuldig.rejectAll();
      return log;
    });
    expect(seen.sort()).toEqual(['api:reject-all', 'dom:reject-all']);
  });

  test('calls queued before the bundle loads are replayed in order', async ({ page }) => {
    await page.route('**/t/queued.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: sdkHtml({}).replace(
          '<script src="/dist',
          '<script src="/fixtures/queue-stub.js"></script><script src="/dist',
        ),
      }),
    );
    await page.goto('/t/queued.html');
    const state = await page.evaluate(() => window.zorgvuldig.getConsent());
    expect(state.choices.googleAnalytics).toBe(true);
    expect(state.choices.statistics).toBe(false);
    expect(
      await page.evaluate(() => (window as unknown as { queuedEvents: string[] }).queuedEvents),
    ).toEqual(['reject-all', 'api']);
  });

  test('any [data-zv-open-preferences] element opens the dialog', async ({ page }) => {
    await openSdkPage(page, {
      body: '<button type="button" data-zv-open-preferences>Cookies</button>',
    });
    await page.getByRole('button', { name: 'Cookies', exact: true }).click();
    await expect(dialog(page)).toBeVisible();
    await expect(dialog(page).getByRole('switch', { name: 'Google Analytics' })).not.toBeChecked();
    await expect(dialog(page)).toContainText('Verenigde Staten');
  });

  test('a custom choice in the dialog is stored with method "custom"', async ({ page }) => {
    await openSdkPage(page);
    await banner(page).getByRole('button', { name: 'Instellingen' }).click();
    await dialog(page).getByRole('switch', { name: 'Statistieken' }).uncheck();
    await dialog(page).getByRole('switch', { name: 'Google Analytics' }).check();
    await dialog(page).getByRole('button', { name: 'Keuze opslaan' }).click();
    await expect(dialog(page)).toBeHidden();
    await expect(banner(page)).toBeHidden();
    const state = await page.evaluate(() => window.zorgvuldig.getConsent());
    expect(state).toMatchObject({
      method: 'custom',
      choices: { necessary: true, statistics: false, googleAnalytics: true },
    });
  });

  test('speaks English by data-lang and by <html lang="en">', async ({ page }) => {
    await openSdkPage(page, { attributes: { 'data-lang': 'en' } });
    await expect(banner(page).getByRole('button', { name: 'Necessary only' })).toBeVisible();
    await openSdkPage(page, { lang: 'en-GB', path: '/t/english.html' });
    await expect(banner(page).getByRole('button', { name: 'Accept all' })).toBeVisible();
    await banner(page).getByRole('button', { name: 'Settings' }).click();
    await expect(dialog(page)).toContainText('United States');
  });

  test('data-reopen-position: bottom-right puts the reopen button on the right, none leaves it to the site link', async ({
    page,
  }) => {
    const reopen = page.locator('#zorgvuldig-ui button.r');
    await openSdkPage(page, { attributes: { 'data-reopen-position': 'bottom-right' } });
    await page.evaluate(() => window.zorgvuldig.rejectAll());
    await expect(reopen).toBeVisible();
    const box = (await reopen.boundingBox())!;
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    expect(box.x).toBeGreaterThan(width / 2);

    await page.unrouteAll();
    await openSdkPage(page, {
      attributes: { 'data-reopen-position': 'none' },
      body: '<button type="button" data-zv-open-preferences>Cookies</button>',
    });
    await expect(banner(page)).toBeHidden();
    await expect(reopen).toBeHidden();
    await page.getByRole('button', { name: 'Cookies', exact: true }).click();
    await expect(dialog(page)).toBeVisible();
  });
});
