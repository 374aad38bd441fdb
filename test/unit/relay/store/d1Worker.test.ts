/**
 * The Worker entry with a `ZV_D1` binding, in workerd through miniflare: beacons go into D1,
 * `GET /stats` answers from it with small-number protection, `/forget` deletes from it, the
 * scheduled handler applies retention, and the full client address is in no byte of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../../src/relay/store/migrations';
import type { StatsReport } from '../../../../src/relay/store/types';
import { beacon, hit, newSid, post, SUITE_CONFIG } from '../support/defineRelaySuite';
import { startWorkerRelay, SUITE_BINDINGS, type WorkerRelay } from '../support/startWorkerRelay';

const BASE = 'https://site.example/zv';
const PEER = '203.0.113.77';
const MS_PER_DAY = 864e5;
/** Stored days are the relay's clock (the Worker's real one), so ranges are around today. */
const day = (offset = 0) => new Date(Date.now() + offset * MS_PER_DAY).toISOString().slice(0, 10);

let relay: WorkerRelay;
type Row = Record<string, unknown>;
const d1 = async () =>
  (await relay.mf.getD1Database('ZV_D1')) as unknown as {
    prepare(sql: string): {
      bind(...v: unknown[]): { all(): Promise<{ results: Row[] }> };
      all(): Promise<{ results: Row[] }>;
    };
  };
const rows = async (sql: string, ...params: unknown[]) => {
  const statement = (await d1()).prepare(sql);
  return (await (params.length ? statement.bind(...params) : statement).all()).results;
};

const stats = async (query: string) => {
  const response = await relay.dispatch(
    new Request(`${BASE}/stats?${query}`, {
      headers: { authorization: `Bearer ${SUITE_CONFIG.statsToken}` },
    }),
  );
  expect(response.status).toBe(200);
  return (await response.json()) as StatsReport;
};

const send = async (sid: string, url: string) => {
  const response = await relay.dispatch(post('/collect', beacon(sid, [hit({ url })])), PEER);
  expect(response.status).toBe(202);
};

beforeAll(async () => {
  relay = await startWorkerRelay({ bindings: SUITE_BINDINGS, d1: true });
}, 60_000);
afterAll(async () => relay?.close());

describe('Worker with the D1 store', () => {
  it('migrates D1 on first use and stores beacons there', async () => {
    const sid = newSid();
    await send(sid, 'https://site.example/locaties');
    expect(await rows('SELECT MAX(version) AS version FROM schema_migrations')).toEqual([
      { version: SCHEMA_VERSION },
    ]);
    expect(await rows('SELECT page, ip FROM hits WHERE sid = ?', sid)).toEqual([
      { page: '/locaties', ip: '203.0.0.0' },
    ]);
  });

  it('answers GET /stats from D1, hiding counts below the threshold', async () => {
    for (let i = 0; i < 6; i++) await send(newSid(), 'https://site.example/veel-bezocht');
    await send(newSid(), 'https://site.example/zelden');
    const report = await stats(`from=${day(-1)}&to=${day(1)}`);
    expect(report.threshold).toBe(5);
    expect(report.pages).toContainEqual({ page: '/veel-bezocht', views: 6, visits: 6 });
    expect(report.pages).toContainEqual({ page: '/zelden', views: '<5', visits: '<5' });
    expect(JSON.stringify(report)).not.toMatch(/sid\d{4}/);
    const filtered = await stats(`from=${day(-1)}&to=${day(1)}&page=/veel-bezocht`);
    expect(filtered.totals).toEqual({ visits: 6, pageviews: 6 });
  });

  it('refuses a bad range with a 400 naming the field', async () => {
    const response = await relay.dispatch(
      new Request(`${BASE}/stats?from=gisteren&to=${day()}`, {
        headers: { authorization: `Bearer ${SUITE_CONFIG.statsToken}` },
      }),
    );
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toMatch(/from/);
  });

  it('forgets a pseudonym in D1', async () => {
    const sid = newSid();
    await send(sid, 'https://site.example/vergeten');
    expect(await rows('SELECT COUNT(*) AS n FROM hits WHERE sid = ?', sid)).toEqual([{ n: 1 }]);
    const response = await relay.dispatch(post('/forget', { v: 1, sid }), PEER);
    expect(response.status).toBe(200);
    expect(await rows('SELECT COUNT(*) AS n FROM hits WHERE sid = ?', sid)).toEqual([{ n: 0 }]);
  });

  it('applies retention on a Cron Trigger: one second outside the period goes, inside stays', async () => {
    const period = 30 * MS_PER_DAY;
    const insert = (key: string, received: number) =>
      rows(
        `INSERT INTO hits (key, day, received, time, type, url, page, sid)
         VALUES (?, ?, ?, ?, 'pageview', 'https://site.example/oud', '/oud', 'retention-test') RETURNING key`,
        key,
        new Date(received).toISOString().slice(0, 10),
        received,
        new Date(received).toISOString(),
      );
    // A minute of slack on the inside: the scheduled run's clock is a little later than ours.
    await insert('outside', Date.now() - period - 1000);
    await insert('inside', Date.now() - period + 60_000);
    const worker = await relay.mf.getWorker();
    await (worker as unknown as { scheduled(o: { cron: string }): Promise<unknown> }).scheduled({
      cron: '17 3 * * *',
    });
    expect(await rows("SELECT key FROM hits WHERE sid = 'retention-test'")).toEqual([
      { key: 'inside' },
    ]);
  });

  it('keeps the full client address out of every table', async () => {
    await send(newSid(), 'https://site.example/adres');
    // D1's own bookkeeping (`_cf_*`) is not ours, and not readable.
    const tables = await rows(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\'",
    );
    expect(tables.length).toBeGreaterThan(2);
    for (const { name } of tables) {
      const all = JSON.stringify(await rows(`SELECT * FROM "${String(name)}"`));
      expect(all, String(name)).not.toContain(PEER);
      expect(all, String(name)).not.toContain('113.77');
    }
  });
});
