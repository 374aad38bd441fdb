/**
 * The SQLite store behind the relay: `GET /stats` and its parameters, and what happens when the
 * store cannot write (read-only, full, locked): 503 with Retry-After, the relay keeps running,
 * it recovers once the cause is gone, and every acknowledged beacon is in the database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createRelay } from '../../../../src/relay/createRelay';
import { createStoreSink, REOPEN_AFTER_MS } from '../../../../src/relay/sinks/createStoreSink';
import { createSqlStore } from '../../../../src/relay/store/createSqlStore';
import { createSqliteDriver } from '../../../../src/relay/store/sqlite/createSqliteDriver';
import type { StatsReport } from '../../../../src/relay/store/types';
import type { RelayHandler } from '../../../../src/relay/types';
import { beacon, hit, newSid, post } from '../support/defineRelaySuite';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'zv-store-relay-'));
  dirs.push(dir);
  return join(dir, 'zorgvuldig.sqlite');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const NOW = Date.parse('2025-03-02T12:00:00Z');
const TOKEN = 'store-token';
const stats = (relay: RelayHandler, query = '', token = TOKEN) =>
  relay(
    new Request(`https://site.example/zv/stats${query}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    }),
  );
const sidsIn = (file: string): string[] => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT DISTINCT sid FROM hits').all() as { sid: string }[]).map(
      (r) => r.sid,
    );
  } finally {
    db.close();
  }
};

describe('GET /stats from the SQLite store', () => {
  const relayOn = (file: string, statsThreshold = 1) =>
    createRelay({
      now: () => NOW,
      statsToken: TOKEN,
      statsThreshold,
      allowedOrigins: ['https://site.example'],
      sinks: [{ type: 'sqlite', file }],
      log: () => {},
    });

  it('serves the report of the last 30 days by default, with the bearer token only', async () => {
    const relay = relayOn(tempFile());
    const sent = await relay(
      post('/collect', beacon(newSid(), [hit(), hit({ type: 'vitals', timing: { lcp: 1200 } })])),
      {
        clientAddress: '192.0.2.1',
      },
    );
    expect(sent.status).toBe(202);
    expect((await stats(relay, '', '')).status).toBe(401);
    expect((await stats(relay, '', 'wrong')).status).toBe(401);
    const response = await stats(relay);
    expect(response.status).toBe(200);
    const report = (await response.json()) as StatsReport;
    expect(report.range).toEqual({ from: '2025-02-01', to: '2025-03-02', page: null });
    expect(report.days).toHaveLength(30);
    expect(report.totals).toEqual({ visits: 1, pageviews: 1 });
    expect(report.pages).toEqual([
      { page: '/zorg/thuiszorg?utm_source=news', views: 1, visits: 1 },
    ]);
    expect(report.vitals).toContainEqual(expect.objectContaining({ metric: 'lcp', p75: 1200 }));
    await relay.close();
  });

  it('applies the relay threshold: one visitor is "<5"', async () => {
    const relay = relayOn(tempFile(), 5);
    await relay(post('/collect', beacon(newSid())), { clientAddress: '192.0.2.1' });
    const report = (await (
      await stats(relay, '?from=2025-03-02&to=2025-03-02')
    ).json()) as StatsReport;
    expect(report.totals).toEqual({ visits: '<5', pageviews: '<5' });
    await relay.close();
  });

  it.each([
    ['?from=2025-3-1', 'from'],
    ['?from=2025-02-30', 'from'],
    ['?to=yesterday', 'to'],
    ['?from=2025-03-02&to=2025-03-01', 'from'],
    ['?from=2024-01-01&to=2025-03-01', 'from'],
    ['?limit=0', 'limit'],
    ['?limit=101', 'limit'],
    ['?limit=ten', 'limit'],
    ['?page=zorg', 'page'],
    ['?page=/xxx… (5,000 characters)', 'page'],
    ['?page=/a&page=/b', 'page'],
  ])('answers %s with 400 naming %s', async (query, field) => {
    const relay = relayOn(tempFile());
    const response = await stats(relay, query.replace(/x{3}….*$/, 'x'.repeat(5000)));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; field: string };
    expect(body.field).toBe(field);
    expect(body.error).toMatch(new RegExp(`^${field}: `));
    await relay.close();
  });

  it('accepts a range of 366 days, a page and a limit', async () => {
    const relay = relayOn(tempFile());
    await relay(post('/collect', beacon(newSid())), { clientAddress: '192.0.2.1' });
    const page = '/zorg/thuiszorg?utm_source=news';
    const response = await stats(
      relay,
      `?from=2024-03-02&to=2025-03-02&page=${encodeURIComponent(page)}&limit=1`,
    );
    expect(response.status).toBe(200);
    const report = (await response.json()) as StatsReport;
    expect(report.days).toHaveLength(366);
    expect(report.range.page).toBe(page);
    expect(report.pages).toEqual([{ page, views: 1, visits: 1 }]);
    await relay.close();
  });
});

describe('the relay when the SQLite store cannot write', () => {
  /** A relay on a store whose connection `condition()` shapes as it is opened; the clock is ours. */
  const relayWith = (
    file: string,
    condition: (driver: ReturnType<typeof createSqliteDriver>) => Promise<void>,
    readonly = () => false,
  ) => {
    let clock = NOW;
    const logged: string[] = [];
    const sink = createStoreSink({
      name: 'sqlite',
      now: () => clock,
      open: async () => {
        const driver = createSqliteDriver(file, { readonly: readonly(), busyTimeoutMs: 50 });
        const store = createSqlStore(driver, { now: () => clock });
        await store.migrate();
        await condition(driver);
        return store;
      },
    });
    const relay = createRelay({
      now: () => clock,
      statsToken: TOKEN,
      rateLimit: false,
      allowedOrigins: ['https://site.example'],
      sinks: [sink],
      log: (message) => logged.push(message),
    });
    const acknowledged: string[] = [];
    const refused: string[] = [];
    const send = async (size = 1) => {
      const sid = newSid();
      const hits = Array.from({ length: size }, (_, i) =>
        hit({ url: `https://site.example/p/${i}-${'x'.repeat(200)}` }),
      );
      const response = await relay(post('/collect', beacon(sid, hits)), {
        clientAddress: '192.0.2.1',
      });
      if (response.status === 202) acknowledged.push(sid);
      else refused.push(sid);
      return response;
    };
    return { relay, send, acknowledged, refused, logged, wait: () => (clock += REOPEN_AFTER_MS) };
  };

  const expect503 = async (response: Response) => {
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toEqual({ error: 'storage unavailable, try again later' });
  };

  it('answers 503 while the database is read-only, and stores again once it is writable', async () => {
    const file = tempFile();
    let readOnly = false;
    const r = relayWith(
      file,
      async () => {},
      () => readOnly,
    );
    expect((await r.send()).status).toBe(202); // creates the database
    await r.relay.close();
    readOnly = true;
    r.wait();
    await expect503(await r.send());
    await expect503(await r.send()); // within the reopen delay: refused at once
    // Reading still works on a read-only database (once the connection is reopened).
    r.wait();
    expect((await stats(r.relay, '?from=2025-03-02&to=2025-03-02')).status).toBe(200);
    readOnly = false;
    r.wait();
    // The connection that read is still read-only: the first write fails on it and drops it...
    await expect503(await r.send());
    r.wait();
    // ...and the next one opens the database writable again.
    expect((await r.send()).status).toBe(202);
    await r.relay.close();
    expect(r.acknowledged).toHaveLength(2);
    expect(sidsIn(file).sort()).toEqual([...r.acknowledged].sort());
    expect(r.logged.join('\n')).not.toMatch(/192\.0|thuiszorg|sid/);
  });

  it('answers 503 while the disk is full, keeps every acknowledged beacon, and recovers', async () => {
    const file = tempFile();
    let full = true;
    const r = relayWith(file, async (driver) => {
      // A full disk: the database may not grow past the pages it has now.
      if (full) {
        const [{ pages }] = await driver.all<{ pages: number }>({
          sql: 'SELECT page_count AS pages FROM pragma_page_count()',
        });
        await driver.exec(`PRAGMA max_page_count = ${pages + 16}`);
      }
    });
    let first503: Response | undefined;
    for (let i = 0; i < 2000 && !first503; i++) {
      const response = await r.send(5);
      if (response.status !== 202) first503 = response;
    }
    expect(first503).toBeDefined();
    await expect503(first503!);
    expect(r.acknowledged.length).toBeGreaterThan(0);
    full = false;
    r.wait();
    for (let i = 0; i < 5; i++) expect((await r.send(20)).status).toBe(202);
    await r.relay.close();
    expect(sidsIn(file).sort()).toEqual([...r.acknowledged].sort());
  });

  it('answers 503 while another process holds the write lock, then stores', async () => {
    const file = tempFile();
    const r = relayWith(file, async () => {});
    expect((await r.send()).status).toBe(202);
    const other = new Database(file);
    other.exec('BEGIN EXCLUSIVE');
    r.wait();
    await expect503(await r.send());
    other.exec('ROLLBACK');
    other.close();
    r.wait();
    expect((await r.send()).status).toBe(202);
    await r.relay.close();
    expect(sidsIn(file).sort()).toEqual([...r.acknowledged].sort());
  });

  it('logs why the store could not be opened, by its code only, and answers 503', async () => {
    const logged: string[] = [];
    const failure = Object.assign(new Error('cannot open /srv/secret/zorgvuldig.sqlite'), {
      code: 'SQLITE_CANTOPEN',
    });
    const sink = createStoreSink({
      name: 'sqlite',
      log: (message) => logged.push(message),
      open: () => Promise.reject(failure),
    });
    await expect(sink.write!([], {})).rejects.toBe(failure);
    expect(logged).toEqual([
      'zorgvuldig relay: the sqlite store could not be opened (SQLITE_CANTOPEN)',
    ]);
  });
});
