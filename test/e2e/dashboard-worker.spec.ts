import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from '@playwright/test';
import { Miniflare } from 'miniflare';
import { DEMO_TOKEN } from './support/dashboard';
import { defineDashboardSuite, runId, waitForPageViews } from './support/defineDashboardSuite';

/**
 * The statistics dashboard on the Worker bundle (`dist/relay-worker.mjs`) in workerd, through
 * Miniflare on a local port, configured by env vars as on Cloudflare. The dashboard's script and
 * stylesheet come from the bundle itself: a Worker has no file system; its store is D1. Visits are beacons posted
 * to the Worker's `/collect`, as the SDK on a site's pages would send them.
 */
const script = fileURLToPath(new URL('../../dist/relay-worker.mjs', import.meta.url));

// en-US: the order in which the keyboard test types dates into Chromium's date fields.
test.use({ locale: 'en-US', timezoneId: 'UTC' });

let mf: Miniflare | undefined;
let origin = '';

test.beforeAll(async () => {
  if (!existsSync(script)) throw new Error(`${script} is missing: run npm run build first`);
  mf = new Miniflare({
    modules: true,
    scriptPath: script,
    compatibilityDate: '2025-01-01',
    host: '127.0.0.1',
    port: 0,
    bindings: { ZV_STATS_TOKEN: DEMO_TOKEN, ZV_RATE_LIMIT: 'off' },
    // The Worker's statistics store, as on Cloudflare: a D1 database (miniflare's, in memory).
    d1Databases: ['ZV_D1'],
  });
  origin = new URL(await mf.ready).origin;
});

test.afterAll(async () => {
  await mf?.dispose();
});

const randomToken = () =>
  `${runId()}${runId()}${runId()}`
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 22)
    .padEnd(22, 'x');

defineDashboardSuite('dashboard on the Worker (workerd via miniflare)', {
  origin: () => origin,
  freshPages(count) {
    const run = runId();
    return Array.from({ length: count }, (_, i) => `/zorg/${run}/${i + 1}`);
  },
  async visit(browser, pages, times) {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (let i = 0; i < times; i++) {
      const hits = pages.map((path, index) => ({
        type: 'pageview',
        time: new Date().toISOString(),
        url: `${origin}${path}`,
        ...(index > 0 ? { prev: pages[index - 1] } : { status: 200 }),
        ua: { browser: 'Firefox', version: 128, os: 'Windows', device: 'desktop' },
        lang: 'nl',
      }));
      const response = await page.request.post(`${origin}/zv/collect`, {
        headers: { 'content-type': 'text/plain' },
        data: JSON.stringify({ v: 1, sid: randomToken(), bid: randomToken(), hits }),
      });
      if (response.status() !== 202) throw new Error(`collect answered ${response.status()}`);
    }
    await waitForPageViews(page, origin, pages.at(-1)!, times);
    await context.close();
  },
});
