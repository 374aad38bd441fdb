import { expect, test } from '@playwright/test';

/** A valid CollectBody, built here so the test does not depend on the SDK's own sender. */
const body = (sid: string) => ({
  v: 1,
  sid,
  hits: [
    {
      type: 'pageview',
      time: new Date().toISOString(),
      url: 'http://127.0.0.1/zorg/wijkverpleging?email=jan@example.nl&utm_source=e2e',
      ua: { browser: 'Chrome', version: 126, os: 'Linux', device: 'desktop' },
      lang: 'nl',
    },
  ],
});

test('a beacon sent by a real page is stored by the relay with the truncated IP', async ({
  page,
  request,
}) => {
  const sid = `e2e${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`.slice(0, 22);
  await page.goto('/');
  const queued = await page.evaluate(
    (payload) => navigator.sendBeacon('/zv/collect', JSON.stringify(payload)),
    body(sid),
  );
  expect(queued).toBe(true);

  await expect
    .poll(async () => {
      const response = await request.get('/zv/records?limit=1000');
      const { records } = (await response.json()) as { records: { sid: string }[] };
      return records.filter((record) => record.sid === sid);
    })
    .toHaveLength(1);

  const response = await request.get('/zv/records?limit=1000');
  const { records } = (await response.json()) as { records: Record<string, unknown>[] };
  const stored = records.find((record) => record.sid === sid)!;
  // Chromium talks to 127.0.0.1: level 2 keeps the first two bytes.
  expect(stored.ip).toBe('127.0.0.0');
  expect(stored.url).toBe('http://127.0.0.1/zorg/wijkverpleging?utm_source=e2e');
  expect(JSON.stringify(stored)).not.toContain('127.0.0.1/zorg/wijkverpleging?email');
  expect(JSON.stringify(stored)).not.toContain('HeadlessChrome');
  expect(stored.ua).toEqual({ browser: 'Chrome', version: 126, os: 'Linux', device: 'desktop' });
});

test('the relay refuses a form-encoded post with a JSON 415 and keeps serving', async ({
  page,
  request,
}) => {
  await page.goto('/');
  const status = await page.evaluate(async () => {
    const response = await fetch('/zv/collect', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'v=1',
    });
    return response.status;
  });
  expect(status).toBe(415);
  const health = await request.get('/zv/health');
  expect(await health.json()).toMatchObject({ ok: true });
});
