import { expect, test } from '@playwright/test';
import type { StatsReport } from '../../src/relay/store/types';

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
  await expect
    .poll(async () => (await report()).pages)
    .toEqual([{ page: path, views: 5, visits: '<5' }]);
  const stats = await report();
  expect(stats.range.page).toBe(path);
  expect(stats.threshold).toBe(5);
  expect(stats.totals).toEqual({ visits: '<5', pageviews: 5 });
  expect(stats.browsers).toEqual([{ value: 'Chrome', visits: '<5', share: null }]);

  const unauthorised = await request.get('/zv/stats');
  expect(unauthorised.status()).toBe(401);
});
