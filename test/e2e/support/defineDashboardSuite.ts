import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { recordCspViolations } from './cspViolations';
import {
  DEMO_TOKEN,
  FIGURES_SHOWN,
  focused,
  rowsFor,
  seriousViolations,
  signIn,
  tabTo,
} from './dashboard';

/** Where the relay runs, and how visits reach it. */
export interface DashboardTarget {
  /** The relay's origin (`http://127.0.0.1:4451`); the dashboard is at `/zv/dashboard`. */
  origin(): string;
  /** `count` page keys no other test or earlier run has used, so their counts are exact. */
  freshPages(count: number): string[];
  /**
   * Makes `times` visits, each by a new pseudonym, viewing `pages` in this order, and resolves
   * once the relay has stored them. Page keys as the report names them (path and `utm_*`).
   */
  visit(browser: Browser, pages: string[], times: number): Promise<void>;
}

/** A name for one test's pages that no other test or earlier run has used. */
export const runId = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/**
 * Waits until the relay has stored `count` page views of `key` (path and query), read from
 * `GET /records` (counts below the threshold are hidden in `/stats`, so it cannot tell).
 */
export const waitForPageViews = async (page: Page, origin: string, key: string, count: number) => {
  await expect
    .poll(
      async () => {
        const response = await page.request.get(`${origin}/zv/records?limit=1000`, {
          headers: { authorization: `Bearer ${DEMO_TOKEN}` },
        });
        const { records } = (await response.json()) as {
          records: { type: string; url?: string }[];
        };
        return records.filter((r) => {
          if (r.type !== 'pageview' || !r.url) return false;
          const url = new URL(r.url);
          return url.pathname + url.search === key;
        }).length;
      },
      { timeout: 20_000 },
    )
    .toBe(count);
};

/**
 * The dashboard in real Chromium, written once and run against the Node relay (the demo server)
 * and the Worker bundle in workerd.
 */
export const defineDashboardSuite = (name: string, target: DashboardTarget) =>
  test.describe(name, () => {
    test('a wrong token shows the error; the right one opens the dashboard in an HttpOnly session cookie', async ({
      page,
      context,
    }) => {
      const origin = target.origin();
      const urls: string[] = [];
      page.on('request', (request) => urls.push(request.url()));
      await page.goto(`${origin}/zv/dashboard`);
      await page.locator('#token').fill('not-the-token');
      await page.locator('form.sign-in button[type=submit]').click();
      await expect(page.getByRole('alert')).toHaveText(
        'Fout: Dit token klopt niet. Controleer het token en probeer het opnieuw.',
      );
      expect(await seriousViolations(page)).toEqual([]);
      expect((await context.cookies()).filter((c) => c.name === 'zv_dashboard')).toEqual([]);

      await page.locator('#token').fill(DEMO_TOKEN);
      await page.locator('form.sign-in button[type=submit]').click();
      await expect(page.locator('h1')).toHaveText('Statistieken van de website');
      await expect(page.locator('#status')).toContainText(FIGURES_SHOWN);
      const [cookie] = (await context.cookies()).filter((c) => c.name === 'zv_dashboard');
      expect(cookie).toMatchObject({
        expires: -1,
        httpOnly: true,
        sameSite: 'Strict',
        path: '/zv',
      });
      expect(await page.evaluate(() => document.cookie)).not.toContain('zv_dashboard');
      // The token was posted, never put in an address.
      expect(urls.filter((url) => url.includes(DEMO_TOKEN))).toEqual([]);
    });

    test('signing out ends the session', async ({ page, context }) => {
      const origin = target.origin();
      await signIn(page, origin);
      await page.getByRole('button', { name: 'Afmelden' }).click();
      await expect(page.getByRole('status')).toHaveText('U bent afgemeld.');
      expect((await context.cookies()).filter((c) => c.name === 'zv_dashboard')).toEqual([]);
      expect((await page.request.get(`${origin}/zv/dashboard/data`)).status()).toBe(401);
      await page.goto(`${origin}/zv/dashboard`);
      await expect(page.locator('#token')).toBeVisible();
    });

    test('every data URL answers 401 without a session', async ({ playwright }) => {
      const origin = target.origin();
      const request = await playwright.request.newContext();
      for (const headers of [{}, { cookie: 'zv_dashboard=s1.1.9999999999999.abc.def' }] as Record<
        string,
        string
      >[]) {
        for (const path of [
          '/zv/dashboard/data',
          '/zv/dashboard/data?from=2026-01-01&to=2026-01-31&page=%2F',
        ]) {
          const response = await request.get(`${origin}${path}`, { headers });
          expect(response.status(), path).toBe(401);
          expect(await response.text()).not.toMatch(/"pages"|"days"/);
        }
      }
      await request.dispose();
    });

    test('after a scripted visit of three pages, top pages, click paths and statuses show exactly those numbers', async ({
      page,
      browser,
    }) => {
      const origin = target.origin();
      const [a, b, c] = target.freshPages(3);
      await target.visit(browser, [a, b, c], 5);
      // Each view filtered to one of the pages, so figures of other tests (or earlier runs into
      // the same store) can neither push these out of a top list nor into them.
      const view = async (key: string) => {
        await page.goto(`${origin}/zv/dashboard?range=today&page=${encodeURIComponent(key)}`);
        await expect(page.locator('#status')).toContainText('Cijfers van');
      };
      await signIn(page, origin, DEMO_TOKEN, `?range=today&page=${encodeURIComponent(a)}`);
      expect(await rowsFor(page, 'pages', [a])).toEqual([[a, '5', '5']]);
      expect(await rowsFor(page, 'entries', [a, b, c])).toEqual([[a, '5']]);
      expect(await rowsFor(page, 'statuses', [a, b, c])).toEqual([[a, '200', '5']]);
      await view(b);
      expect(await rowsFor(page, 'pages', [b])).toEqual([[b, '5', '5']]);
      // The flow through the middle page: where its visitors came from and went next.
      expect(await rowsFor(page, 'paths', [a, b])).toEqual([
        [a, `→ ${b}`, '5'],
        [b, `→ ${c}`, '5'],
      ]);
      await view(c);
      expect(await rowsFor(page, 'pages', [c])).toEqual([[c, '5', '5']]);
      expect(await rowsFor(page, 'exits', [a, b, c])).toEqual([[c, '5']]);
    });

    test('a count below the threshold is shown as "< 5"', async ({ page, browser }) => {
      const origin = target.origin();
      const [a] = target.freshPages(1);
      await target.visit(browser, [a], 1);
      await signIn(page, origin, DEMO_TOKEN, `?range=today&page=${encodeURIComponent(a)}`);
      expect(await rowsFor(page, 'pages', [a])).toEqual([[a, '< 5', '< 5']]);
      await expect(page.locator('#view-pages')).toContainText('< 5');
    });

    test('axe finds nothing serious on any view, in Dutch and English', async ({ page }) => {
      test.setTimeout(180_000); // Seven full-page axe runs over long tables.
      const origin = target.origin();
      await page.goto(`${origin}/zv/dashboard`);
      expect(await seriousViolations(page), 'sign-in').toEqual([]);
      await signIn(page, origin);
      // Every period, and each language, once.
      for (const view of [
        'today',
        '7d&lang=en',
        '30d',
        'custom&from=2026-11-01&to=2026-11-30&lang=en',
      ]) {
        await page.goto(`${origin}/zv/dashboard?range=${view}`);
        await expect(page.locator('#status')).toContainText(FIGURES_SHOWN);
        expect(await seriousViolations(page), view).toEqual([]);
      }
      await page.goto(`${origin}/zv/dashboard?range=7d&page=%2F`);
      await expect(page.locator('#status')).toContainText(FIGURES_SHOWN);
      expect(await seriousViolations(page), 'page filter').toEqual([]);
      await page.getByRole('button', { name: 'Afmelden' }).click();
      await expect(page.getByRole('status')).toHaveText('U bent afgemeld.');
      expect(await seriousViolations(page), 'signed out').toEqual([]);
    });

    test('keyboard only: sign in, the date range, the page filter and a CSV download', async ({
      page,
      browser,
    }) => {
      const origin = target.origin();
      const [a] = target.freshPages(1);
      await target.visit(browser, [a], 5);
      const data: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/dashboard/data')) data.push(new URL(request.url()).search);
      });
      await page.goto(`${origin}/zv/dashboard`);
      await tabTo(page, (f) => f.startsWith('input#token'));
      await page.keyboard.type(DEMO_TOKEN);
      await page.keyboard.press('Enter');
      await expect(page.locator('#status')).toContainText('Cijfers van');

      // Period: from the default (7 days) one up to "Vandaag".
      await tabTo(page, (f) => f.startsWith('select#range'));
      await page.keyboard.press('ArrowUp');
      await expect(page.locator('#range')).toHaveValue('today');
      const today = new Date().toISOString().slice(0, 10);
      await expect.poll(() => data.at(-1)).toBe(`?from=${today}&to=${today}`);

      // A custom range: two dates typed, then "Toon".
      await page.keyboard.press('End');
      await expect(page.locator('#range')).toHaveValue('custom');
      await page.keyboard.press('Tab');
      await expect(page.locator('#from')).toBeFocused();
      // Chromium's date field in the en-US locale the spec runs in: month, day, year.
      const [year, month, day] = today.split('-');
      await page.keyboard.type('11012026');
      await page.keyboard.press('Tab');
      await page.keyboard.type(`${month}${day}${year}`);
      await tabTo(page, (f) => f.startsWith('button:Toon'));
      await page.keyboard.press('Enter');
      await expect.poll(() => data.at(-1)).toBe(`?from=2026-11-01&to=${today}`);

      // The page filter: the visited page, typed (suggestions hold only the top pages).
      await tabTo(page, (f) => f.startsWith('input#page'));
      await page.keyboard.type(a);
      await page.keyboard.press('Enter');
      await expect
        .poll(() => data.at(-1))
        .toBe(`?from=2026-11-01&to=${today}&page=${encodeURIComponent(a)}`);
      await expect(page.locator('#status')).toContainText('Cijfers van');

      // The CSV of the top pages, by keyboard.
      await tabTo(page, (f) => f.startsWith('button.csv:Download “Meest bekeken pagina'));
      const download = page.waitForEvent('download');
      await page.keyboard.press('Enter');
      const file = await download;
      expect(file.suggestedFilename()).toBe(`zorgvuldig-pages-2026-11-01-${today}.csv`);
      const csv = readFileSync((await file.path())!, 'utf8');
      expect(csv.startsWith('\uFEFFPagina,Weergaven,Bezoeken\r\n')).toBe(true);
      expect(csv).toContain(`${a},5,5\r\n`);
      expect(await focused(page)).toMatch(/^button\.csv/);
    });

    test('the dashboard makes no request to any host but the relay, and breaks no CSP rule', async ({
      page,
    }) => {
      const origin = target.origin();
      const violations = await recordCspViolations(page);
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await signIn(page, origin);
      await page.goto(`${origin}/zv/dashboard?range=30d&lang=en`);
      await expect(page.locator('#status')).toContainText(FIGURES_SHOWN);
      const download = page.waitForEvent('download');
      await page.locator('#view-days button.csv').click();
      await download;
      expect(requests.length).toBeGreaterThan(4);
      expect(
        requests.filter(
          (url) => !url.startsWith(`${origin}/`) && !url.startsWith(`blob:${origin}/`),
        ),
      ).toEqual([]);
      expect(await violations()).toEqual([]);
    });
  });
