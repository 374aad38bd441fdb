import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { banner, dialog, openSdkPage } from './support/sdkPage';

interface StoredRecord {
  type?: string;
  id?: string;
  sid?: string;
  ip?: string | null;
  url?: string;
}

const storedRecords = async (page: Page): Promise<StoredRecord[]> => {
  const response = await page.request.get('/zv/records?limit=1000');
  expect(response.ok()).toBe(true);
  return (await response.json()).records;
};

/** Waits until the page has sent `count` hits (in however many bodies), and returns the bodies. */
const beacons = async (page: Page, count: number) => {
  const sent = () => page.evaluate(async () => (await window.zorgvuldig.exportData()).beacons);
  await expect
    .poll(async () => (await sent()).flatMap((body) => body.hits).length)
    .toBeGreaterThanOrEqual(count);
  return sent();
};

test.describe('visitor rights', () => {
  test('the export holds the consent choices and every beacon sent, as valid JSON, and downloads', async ({
    page,
  }) => {
    await openSdkPage(page, { attributes: { 'data-endpoint': '/zv' } });
    await page.evaluate(() =>
      window.zorgvuldig.setConsent({ googleAnalytics: false, statistics: true }),
    );
    await page.evaluate(() => history.pushState({}, '', '/t/step-2'));
    const sent = await beacons(page, 2);
    await page.evaluate(() => window.zorgvuldig.showPreferences());
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog(page).getByRole('button', { name: 'Mijn gegevens downloaden' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('mijn-gegevens.json');
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported).toMatchObject({
      v: 1,
      consent: {
        decided: true,
        method: 'api',
        choices: { necessary: true, statistics: true, googleAnalytics: false },
      },
    });
    expect(exported.pseudonym).toMatch(/^[\w-]{22}$/);
    expect(exported.cookies).toHaveProperty('zv_consent');
    expect(exported.cookies.zv_id.split('.')[0]).toBe(exported.pseudonym);
    expect(exported.beacons).toEqual(expect.arrayContaining(sent));
    expect(JSON.stringify(exported.beacons)).toContain('/t/step-2');
    expect(exported.receipts.map((r: { id: string }) => r.id)).toContain(exported.consent.id);
  });

  test('the export covers the tab session across page loads', async ({ page }) => {
    await openSdkPage(page, { attributes: { 'data-endpoint': '/zv' } });
    await page.evaluate(() => window.zorgvuldig.setConsent({ statistics: true }));
    await beacons(page, 1);
    await page.reload();
    const all = await beacons(page, 2);
    expect(all.length).toBeGreaterThanOrEqual(2); // One body before the reload, one after.
    expect(new Set(all.map((body) => body.sid)).size).toBe(1);
  });

  test('forget() removes cookies and storage, starts a new pseudonym, and the relay no longer holds the receipts', async ({
    page,
    context,
  }) => {
    await openSdkPage(page, { attributes: { 'data-endpoint': '/zv' } });
    await banner(page).getByRole('button', { name: 'Alles accepteren' }).click();
    const before = await page.evaluate(() => window.zorgvuldig.exportData());
    await beacons(page, 1);
    const receiptId = before.consent.id!;
    await expect
      .poll(async () =>
        (await storedRecords(page)).some((r) => r.type === 'consent' && r.id === receiptId),
      )
      .toBe(true);
    expect((await storedRecords(page)).find((r) => r.id === receiptId)?.ip).toBe('127.0.0.0');

    await page.evaluate(() => window.zorgvuldig.forget());
    expect((await context.cookies()).map((c) => c.name)).toEqual([]);
    expect(
      await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('zv_'))),
    ).toEqual([]);
    await expect(banner(page)).toBeVisible();
    const stored = await storedRecords(page);
    expect(stored.some((r) => r.id === receiptId)).toBe(false);
    expect(stored.some((r) => r.sid === before.pseudonym)).toBe(false);

    await page.evaluate(() => history.pushState({}, '', '/t/after-forget'));
    const [next] = await beacons(page, 1);
    expect(next.sid).toMatch(/^[\w-]{22}$/);
    expect(next.sid).not.toBe(before.pseudonym);
  });

  test('"Mijn gegevens wissen" in the dialog erases and says so', async ({ page, context }) => {
    await openSdkPage(page, { attributes: { 'data-endpoint': '/zv' } });
    await page.evaluate(() => window.zorgvuldig.acceptAll());
    await page.evaluate(() => window.zorgvuldig.showPreferences());
    await dialog(page).getByRole('button', { name: 'Mijn gegevens wissen' }).click();
    await expect(dialog(page).getByRole('status')).toHaveText('Uw gegevens zijn gewist.');
    expect((await context.cookies()).filter((c) => c.name === 'zv_consent')).toEqual([]);
  });

  test('with Global Privacy Control no statistics beacon is sent and the dialog explains why', async ({
    page,
  }) => {
    await page.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
    );
    const collected: string[] = [];
    await page.route('**/zv/collect', (route) => {
      collected.push(route.request().postData() ?? '');
      return route.fulfill({ status: 202, body: '{}' });
    });
    await openSdkPage(page, { attributes: { 'data-endpoint': '/zv' } });
    await banner(page).getByRole('button', { name: 'Alles accepteren' }).click();
    await page.evaluate(() => history.pushState({}, '', '/t/gpc-next'));
    await page.evaluate(() => window.zorgvuldig.track('click', { where: 'test' }));
    expect(await page.evaluate(() => window.zorgvuldig.getConsent())).toMatchObject({
      objection: 'gpc',
      choices: { statistics: false },
    });
    await page.evaluate(() => window.zorgvuldig.showPreferences());
    await expect(dialog(page)).toContainText('Global Privacy Control');
    await expect(dialog(page).getByRole('switch', { name: 'Statistieken' })).not.toBeChecked();
    // Hide the page: that is when a pending vitals beacon would go.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    expect(collected).toEqual([]);
    expect(await page.evaluate(async () => (await window.zorgvuldig.exportData()).beacons)).toEqual(
      [],
    );
  });
});

test.describe('cookie declaration', () => {
  const config = JSON.stringify({
    categories: {
      video: {
        label: { nl: 'Video', en: 'Video' },
        description: { nl: 'Filmpjes afspelen.', en: 'Plays videos.' },
        cookies: [
          {
            name: 'YSC',
            purpose: { nl: 'Onthoudt de video.', en: 'Remembers the video.' },
            recipient: 'YouTube',
            country: { nl: 'Verenigde Staten', en: 'United States' },
          },
        ],
      },
    },
  });
  const expected = ['zv_consent', 'zv_id', '_ga', '_ga_*', '_gid', '_gat*', '_gcl_*', 'YSC'];

  for (const [lang, headings, session, us] of [
    [
      'nl',
      ['Cookie', 'Categorie', 'Doel', 'Bewaartermijn', 'Ontvanger', 'Land'],
      'Sessie',
      'Verenigde Staten',
    ],
    [
      'en',
      ['Cookie', 'Category', 'Purpose', 'Lifetime', 'Recipient', 'Country'],
      'Session',
      'United States',
    ],
  ] as const) {
    test(`renders exactly the configured cookies in ${lang === 'nl' ? 'Dutch' : 'English'}`, async ({
      page,
    }) => {
      await openSdkPage(page, {
        path: `/t/cookies-${lang}.html`,
        beforeSdk: `<script type="application/json" id="zorgvuldig-config">${config}</script>`,
        body: `<div data-zv-cookie-table="${lang}"></div>`,
      });
      const table = page.locator('[data-zv-cookie-table] table');
      await expect(table.locator('th')).toHaveText([...headings]);
      await expect(table.locator('tbody tr td:first-child')).toHaveText(expected);
      for (const lifetime of await table.locator('tbody tr td:nth-child(4)').allTextContents())
        expect(lifetime).toContain(session);
      await expect(table.locator('tr[data-cookie="_ga"] td').nth(4)).toHaveText('Google');
      await expect(table.locator('tr[data-cookie="_ga"] td').nth(5)).toHaveText(us);
      await expect(table.locator('tr[data-cookie="YSC"] td').nth(4)).toHaveText('YouTube');
      const fromApi = await page.evaluate(
        async (l) =>
          (await window.zorgvuldig.renderCookieTable(l)).querySelectorAll('tbody tr').length,
        lang,
      );
      expect(fromApi).toBe(expected.length);
    });
  }
});
