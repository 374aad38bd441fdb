import { test } from '@playwright/test';
import { defineDashboardSuite, runId, waitForPageViews } from './support/defineDashboardSuite';

/**
 * The statistics dashboard on the Node relay, as `npm run demo` serves it: visits are made by
 * real pages of the demo with the SDK (a page load, then single-page-app navigations), stored by
 * the relay, and read back on the dashboard.
 */
// en-US: the order in which the keyboard test types dates into Chromium's date fields.
test.use({ locale: 'en-US', timezoneId: 'UTC' });

defineDashboardSuite('dashboard on the Node relay (demo server)', {
  origin: () => `http://127.0.0.1:${process.env.ZV_E2E_PORT ?? 4317}`,
  freshPages(count) {
    const run = runId();
    // The first page is a real document (with its HTTP status); the others are pushState views.
    return [
      `/spa.html?utm_campaign=${run}`,
      ...Array.from({ length: count - 1 }, (_, i) => `/spa/${run}/${i + 1}`),
    ];
  },
  async visit(browser, pages, times) {
    const origin = `http://127.0.0.1:${process.env.ZV_E2E_PORT ?? 4317}`;
    for (let i = 0; i < times; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${origin}${pages[0]}`);
      for (const next of pages.slice(1)) {
        await page.evaluate((to) => history.pushState(null, '', to), next);
      }
      await waitForPageViews(page, origin, pages.at(-1)!, i + 1);
      await context.close();
    }
  },
});
