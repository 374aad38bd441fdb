import { expect, test } from '@playwright/test';
import type { StatsReport } from '../../src/relay/store/types';
import { banner, openSdkPage } from './support/sdkPage';

/**
 * The whole way in real Chromium: the demo page sends its page views, the demo's relay stores
 * them in SQLite, and `GET /zv/stats` (the demo's token) counts them. A page of its own (an
 * allow-listed utm_source no other test uses) keeps the count this test's.
 */
test('page views of the demo page reach GET /stats through the SQLite store', async ({
  page,
  request,
}) => {
  const tag = `store${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const path = `/spa.html?utm_source=${tag}`;
  const collected: Promise<unknown>[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/zv/collect')) collected.push(r.response());
  });
  // Five views by one visitor: views are counted, the single visit stays hidden ("<5").
  for (let i = 0; i < 5; i++) {
    await page.goto(path);
    await expect.poll(() => collected.length).toBeGreaterThan(i);
  }
  await page.close(); // the last view's beacon goes out on pagehide at the latest
  await Promise.all(collected);

  const report = async (): Promise<StatsReport> => {
    const response = await request.get(`/zv/stats?page=${encodeURIComponent(path)}`, {
      headers: { authorization: 'Bearer demo' },
    });
    expect(response.status()).toBe(200);
    return (await response.json()) as StatsReport;
  };
  // Generous: on a loaded machine the last view's pagehide beacon can take a while.
  await expect
    .poll(async () => (await report()).pages, { timeout: 15_000 })
    .toEqual([{ page: path, views: 5, visits: '<5' }]);
  const stats = await report();
  expect(stats.range.page).toBe(path);
  expect(stats.threshold).toBe(5);
  expect(stats.totals).toEqual({ visits: '<5', pageviews: 5 });
  expect(stats.browsers).toEqual([{ value: 'Chrome', visits: '<5', share: null }]);

  const unauthorised = await request.get('/zv/stats');
  expect(unauthorised.status()).toBe(401);
});

test('a page view sent by a page left at once and again by the next page is stored once', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  // Leaving a page moments after it loaded: it sends its queue on pagehide, while the next page,
  // in another renderer, may already have read the same queue from sessionStorage and send it
  // too. Before the relay knew hits by what they say, 120 such pages stored some twice, most runs.
  const tag = `again${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const path = `/spa.html?utm_source=${tag}`;
  for (let i = 0; i < 120; i++) {
    await page.goto(`${path}&n=${i}`, { waitUntil: i % 2 ? 'commit' : 'domcontentloaded' });
    await page.waitForTimeout((i % 3) * 20);
  }
  await page.goto(path);
  await page.close();

  type Stored = { type: string; sid: string; time: string; url: string };
  const views = async () => {
    const response = await request.get('/zv/records?limit=1000');
    const { records } = (await response.json()) as { records: Stored[] };
    return records.filter((r) => r.type === 'pageview' && r.url.includes(tag));
  };
  // Settled: the last page's beacon is in, and nothing more arrives.
  let stored: Stored[] = [];
  await expect
    .poll(
      async () => {
        const before = stored.length;
        stored = await views();
        return stored.length > 40 && stored.length === before;
      },
      { intervals: [1000], timeout: 30_000 },
    )
    .toBe(true);
  const distinct = new Set(stored.map((r) => `${r.sid} ${r.time} ${r.url}`));
  expect(stored.length).toBe(distinct.size);

  const response = await request.get(`/zv/stats?page=${encodeURIComponent(path)}`, {
    headers: { authorization: 'Bearer demo' },
  });
  const { pages } = (await response.json()) as StatsReport;
  expect(pages).toEqual([{ page: path, views: stored.length, visits: '<5' }]);
});

test('a choice made under Global Privacy Control reaches the store as an objection', async ({
  page,
  request,
}) => {
  await page.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
  );
  const receipt = page.waitForRequest((r) => r.url().endsWith('/zv/consent'));
  await openSdkPage(page, { attributes: { 'data-endpoint': '/zv' } });
  await banner(page).getByRole('button', { name: 'Alles accepteren' }).click();
  const sent = JSON.parse((await receipt).postData() ?? '{}') as { id: string; objection?: string };
  expect(sent.objection).toBe('gpc');
  await expect
    .poll(async () => {
      const response = await request.get('/zv/records?limit=1000');
      const { records } = (await response.json()) as { records: Record<string, unknown>[] };
      return records.find((record) => record.id === sent.id);
    })
    .toMatchObject({ type: 'consent', method: 'accept-all', objection: 'gpc', ip: '127.0.0.0' });
});
