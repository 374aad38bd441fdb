/**
 * The statistics store suite, written once and run against every backend (SQLite here;
 * PostgreSQL and D1 call it with their own drivers). Each case gets a fresh, empty database.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createRelay } from '../../../../../src/relay/createRelay';
import { createStoreSink } from '../../../../../src/relay/sinks/createStoreSink';
import {
  createSqlStore,
  type SqlStoreOptions,
} from '../../../../../src/relay/store/createSqlStore';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../../../src/relay/store/migrations';
import { AGGREGATE_TABLE_NAMES } from '../../../../../src/relay/store/aggregates/aggregateTables';
import { rebuildStatements } from '../../../../../src/relay/store/aggregates/rebuildAggregates';
import { recordStatements } from '../../../../../src/relay/store/recordStatements';
import { foldStatements } from '../../../../../src/relay/store/aggregates/foldHits';
import { runMigrations, schemaVersion } from '../../../../../src/relay/store/runMigrations';
import type { SqlDriver, StatsStore } from '../../../../../src/relay/store/types';
import type { StoredRecord } from '../../../../../src/relay/types';
import { beacon, hit, post } from '../../support/defineRelaySuite';
import { DAY1, DAY2, EXPECTED, FIXTURE, hitRecord, NOW, receiptRecord, SID } from './storeFixture';
import { CLIENT_ADDRESSES, FULL_ADDRESS_FRAGMENTS } from '../../support/fullAddresses';

/** One fresh database of a backend. */
export interface StoreBackend {
  driver: SqlDriver;
  /** Every byte the backend stored for this database, as text (files, or a dump of its tables). */
  storedBytes(): Promise<string>;
  /** Removes the database (the driver is closed by then). */
  dispose(): Promise<void>;
}

const MS_PER_DAY = 864e5;

/**
 * Every aggregate row, in one order, without rows that count nothing (an exit taken over by a
 * later page view leaves its row at 0 until the day is rebuilt; no query shows it).
 */
const aggregateRows = async (driver: SqlDriver) => {
  const rows: Record<string, unknown[]> = {};
  for (const table of AGGREGATE_TABLE_NAMES) {
    const all = await driver.all<Record<string, unknown>>({ sql: `SELECT * FROM ${table}` });
    rows[table] = all
      .filter((row) => !(table === 'agg_visits' && Number(row.visits) === 0))
      .map((row) =>
        Object.fromEntries(Object.entries(row).map(([key, value]) => [key, String(value)])),
      )
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return rows;
};

/** Recomputes every stored day from the rows, as migration 3 does. */
const rebuildAll = (driver: SqlDriver) =>
  driver.transaction([
    {
      sql: 'INSERT INTO agg_dirty_days (day) SELECT DISTINCT day FROM hits WHERE 1 = 1 ON CONFLICT (day) DO NOTHING',
    },
    {
      sql: 'INSERT INTO agg_dirty_days (day) SELECT DISTINCT day FROM receipts WHERE 1 = 1 ON CONFLICT (day) DO NOTHING',
    },
    ...rebuildStatements(),
  ]);
const byReceived = (records: StoredRecord[]) =>
  [...records].sort((a, b) => a.received.localeCompare(b.received));

export const defineStoreSuite = (name: string, makeBackend: () => Promise<StoreBackend>) => {
  describe(`statistics store on ${name}`, () => {
    const open: { backend: StoreBackend; store: StatsStore }[] = [];
    afterEach(async () => {
      for (const { backend, store } of open.splice(0)) {
        await store.close().catch(() => {});
        await backend.dispose();
      }
    });
    const fresh = async (options: SqlStoreOptions = {}) => {
      const backend = await makeBackend();
      const store = createSqlStore(backend.driver, { now: () => NOW, threshold: 1, ...options });
      open.push({ backend, store });
      return { backend, store, driver: backend.driver };
    };
    const withFixture = async (options: SqlStoreOptions = {}) => {
      const opened = await fresh(options);
      await opened.store.append(FIXTURE);
      return opened;
    };

    it('migrates an empty database to the current version, and a second time changes nothing', async () => {
      const { store, driver } = await fresh();
      await store.migrate();
      expect(await schemaVersion(driver)).toBe(SCHEMA_VERSION);
      await createSqlStore(driver).migrate();
      const rows = await driver.all({
        sql: 'SELECT version FROM schema_migrations ORDER BY version',
      });
      expect(rows.map((row) => Number(row.version))).toEqual(MIGRATIONS.map((m) => m.version));
    });

    it('upgrades a database of the previous version and keeps its records', async () => {
      const { driver } = await fresh();
      expect(await runMigrations(driver, MIGRATIONS.slice(0, -1))).toBe(SCHEMA_VERSION - 1);
      // Stored as that version's store appends: the records, then the fold that counts them.
      await driver.transaction([
        ...(await recordStatements(FIXTURE)),
        ...foldStatements(driver.dialect),
      ]);
      const store = createSqlStore(driver, { now: () => NOW, threshold: 1 });
      await store.migrate();
      expect(await schemaVersion(driver)).toBe(SCHEMA_VERSION);
      expect(byReceived(await store.recent(100))).toEqual(byReceived(FIXTURE));
      expect(await store.report({ from: DAY1, to: DAY2 })).toEqual(EXPECTED);
    });

    it('upgrades a version 2 database: migration 3 fills the aggregates, later appends add to them', async () => {
      const { driver } = await fresh();
      await runMigrations(
        driver,
        MIGRATIONS.filter((m) => m.version <= 2),
      );
      await driver.transaction(await recordStatements(FIXTURE.slice(0, 10)));
      const store = createSqlStore(driver, { now: () => NOW, threshold: 1 });
      await store.migrate();
      expect(await schemaVersion(driver)).toBe(SCHEMA_VERSION);
      await store.append(FIXTURE.slice(10));
      await store.append(FIXTURE.slice(0, 10)); // already stored: counted once
      expect(await store.report({ from: DAY1, to: DAY2 })).toEqual(EXPECTED);
    });

    it('keeps the aggregates equal to a rebuild from the rows, whatever order records arrive in', async () => {
      const { store, driver } = await fresh();
      // One record per body: every other record in order (a visit's last page view changes as
      // its later views arrive), then the rest, older than some stored ones; then all again.
      const halves = [0, 1].map((half) => FIXTURE.filter((_, i) => i % 2 === half));
      for (const record of [...halves[1], ...halves[0]]) await store.append([record]);
      await store.append(FIXTURE);
      const kept = await aggregateRows(driver);
      await rebuildAll(driver);
      expect(kept).toEqual(await aggregateRows(driver));
      expect(await store.report({ from: DAY1, to: DAY2 })).toEqual(EXPECTED);
    });

    it('counts the hits of multi-row INSERTs as the same hits inserted one by one', async () => {
      const { store, driver } = await fresh();
      await store.migrate();
      const statements = await recordStatements(FIXTURE);
      const hits = statements.filter((st) => st.sql.startsWith('INSERT INTO hits'));
      const [head, tail] = hits[0].sql.split(' VALUES ');
      const row = tail.slice(0, tail.indexOf(')') + 1);
      // Three rows a statement: D1 binds at most 100 parameters (29 a row).
      const chunks = Array.from({ length: Math.ceil(hits.length / 3) }, (_, i) =>
        hits.slice(i * 3, i * 3 + 3),
      );
      await driver.transaction([
        ...chunks.map((chunk) => ({
          sql: `${head} VALUES ${chunk.map(() => row).join(', ')} ON CONFLICT (key) DO NOTHING`,
          params: chunk.flatMap((st) => [...(st.params ?? [])]),
        })),
        ...statements.filter((st) => !st.sql.startsWith('INSERT INTO hits')),
        ...foldStatements(driver.dialect),
      ]);
      const kept = await aggregateRows(driver);
      await rebuildAll(driver);
      expect(kept).toEqual(await aggregateRows(driver));
      expect(await store.report({ from: DAY1, to: DAY2 })).toEqual(EXPECTED);
    });

    it('answers after forget exactly as a store that never had the forgotten records', async () => {
      const { store } = await withFixture();
      const { store: without } = await fresh();
      await without.append(
        FIXTURE.filter(
          (r) => r.sid !== SID.a && (r as { id?: string }).id !== 'fixtureReceipt4xxxxxxx',
        ),
      );
      await store.forget({ sid: SID.a, receipts: ['fixtureReceipt4xxxxxxx'] });
      for (const query of [
        { from: DAY1, to: DAY2 },
        { from: DAY1, to: DAY2, page: '/zorg' },
      ]) {
        expect(await store.report(query)).toEqual(await without.report(query));
      }
    });

    it('counts hits stored again after the newest hits were forgotten', async () => {
      // SQLite numbers a new row after the highest id left: with the newest hits forgotten,
      // the next ones take their ids, and must still count as new.
      const { store } = await fresh();
      const isA = (r: StoredRecord) => r.sid === SID.a;
      await store.append(FIXTURE.filter((r) => !isA(r)));
      await store.append(FIXTURE.filter(isA));
      await store.forget({ sid: SID.a });
      await store.append(FIXTURE.filter(isA));
      expect(await store.report({ from: DAY1, to: DAY2 })).toEqual(EXPECTED);
    });

    it('answers after retention exactly as a store that never had the removed records', async () => {
      const cut = Date.parse(`${DAY2}T09:00:05.000Z`);
      const retentionDays = (NOW - cut) / MS_PER_DAY; // day 1, and day 2 up to the cut
      const { store } = await withFixture({ retentionDays });
      const { store: without } = await fresh({ retentionDays });
      await without.append(FIXTURE.filter((r) => Date.parse(r.received) >= cut));
      expect(await store.applyRetention(NOW)).toBeGreaterThan(0);
      expect(await without.applyRetention(NOW)).toBe(0);
      expect(await store.report({ from: DAY1, to: DAY2 })).toEqual(
        await without.report({ from: DAY1, to: DAY2 }),
      );
    });

    it('gives back every appended record whole, oldest first', async () => {
      const { store } = await withFixture();
      expect(byReceived(await store.recent(100))).toEqual(byReceived(FIXTURE));
      const last = await store.recent(2);
      expect(last).toHaveLength(2);
      expect(last.map((r) => r.received)).toEqual(
        byReceived(FIXTURE)
          .slice(-2)
          .map((r) => r.received),
      );
    });

    it('stores a record written twice once, and two identical hits of one body twice', async () => {
      const { store } = await fresh();
      const click = hitRecord(SID.a, `${DAY2}T10:00:00.000Z`, '/a', {
        type: 'event',
        name: 'klik',
      });
      await store.append([click, click]);
      await store.append([click, click]); // the same body again: a retry
      await store.append([FIXTURE[13]]);
      await store.append([FIXTURE[13]]);
      expect(await store.recent(100)).toEqual([FIXTURE[13], click, click]);
    });

    it('keeps every record whole under many concurrent appends', async () => {
      const { store } = await fresh();
      const bodies = Array.from({ length: 60 }, (_, i) => [
        hitRecord(
          `concurrentVisitor${String(i).padStart(5, '0')}`,
          `${DAY2}T10:00:00.000Z`,
          `/p${i}`,
          {
            ua: { browser: 'Firefox', version: 128, os: 'Linux', device: 'desktop' },
            timing: { ttfb: i, load: i * 10 },
            props: undefined,
          },
        ),
        hitRecord(
          `concurrentVisitor${String(i).padStart(5, '0')}`,
          `${DAY2}T10:00:01.000Z`,
          `/p${i}`,
          {
            type: 'event',
            name: 'klik',
            props: { knop: `k${i}`, n: i, ja: true, niets: null },
          },
        ),
      ]);
      await Promise.all(bodies.map((records) => store.append(records)));
      const stored = await store.recent(1000);
      expect(stored).toHaveLength(120);
      const order = (records: StoredRecord[]) =>
        [...records].sort((a, b) =>
          `${a.sid}${a.received}${a.type}`.localeCompare(`${b.sid}${b.received}${b.type}`),
        );
      expect(order(stored)).toEqual(order(bodies.flat()));
    });

    it('forgets a pseudonym (hits, receipts, event properties) and receipt ids, nothing else', async () => {
      const { store } = await withFixture();
      // A: 5 hits and 1 receipt; C: 5 hits and 1 receipt.
      expect(await store.forget({ sid: SID.a })).toBe(6);
      expect(
        await store.forget({ receipts: ['fixtureReceipt4xxxxxxx', 'notStoredReceiptxxxxx'] }),
      ).toBe(1);
      expect(await store.forget({ sid: SID.c, receipts: ['fixtureReceipt2xxxxxxx'] })).toBe(7);
      expect(await store.forget({ sid: SID.c })).toBe(0);
      const left = await store.recent(100);
      expect(left.map((r) => r.sid)).toEqual([SID.b, SID.b, SID.b]);
      const report = await store.report({ from: DAY1, to: DAY2 });
      expect(report.events).toEqual([]);
      expect(report.totals).toEqual({ visits: 1, pageviews: 2 });
    });

    it('removes what was received before the retention period, keeps what is inside it', async () => {
      const { store } = await fresh({ retentionDays: 30 });
      const edge = NOW - 30 * MS_PER_DAY;
      const iso = (t: number) => new Date(t).toISOString();
      const inside = hitRecord(SID.a, iso(edge + 1000), '/inside', {
        type: 'event',
        name: 'e',
        props: { k: 'in' },
      });
      const outside = hitRecord(SID.b, iso(edge - 1000), '/outside', {
        type: 'event',
        name: 'e',
        props: { k: 'out' },
      });
      const receiptIn = receiptRecord('retentionReceiptInxxx', iso(edge + 1000), 'custom');
      const receiptOut = receiptRecord('retentionReceiptOutxx', iso(edge - 1000), 'custom');
      await store.append([inside, outside, receiptIn, receiptOut]);
      expect(await store.applyRetention(NOW)).toBe(2);
      expect(byReceived(await store.recent(10))).toEqual([inside, receiptIn]);
      const day = (t: number) => iso(t).slice(0, 10);
      const report = await store.report({ from: day(edge - 1000), to: day(edge + 1000) });
      expect(report.events[0].props).toEqual([{ key: 'k', value: 'in', count: 1 }]);
      expect(await store.applyRetention(NOW)).toBe(0);
    });

    it('answers every query on the fixed data set', async () => {
      const { store } = await withFixture();
      expect(await store.report({ from: DAY1, to: DAY2 })).toEqual(EXPECTED);
    });

    it('answers every query for one page and for one day', async () => {
      const { store } = await withFixture();
      const zorg = await store.report({ from: DAY1, to: DAY2, page: '/zorg' });
      expect(zorg.range).toEqual({ from: DAY1, to: DAY2, page: '/zorg' });
      expect(zorg.totals).toEqual({ visits: 2, pageviews: 2 });
      expect(zorg.pages).toEqual([{ page: '/zorg', views: 2, visits: 2 }]);
      expect(zorg.entries).toEqual([{ page: '/zorg', visits: 1 }]);
      expect(zorg.exits).toEqual([{ page: '/zorg', visits: 1 }]);
      expect(zorg.paths).toEqual([
        { from: '/home', to: '/zorg', count: 1 },
        { from: '/zorg', to: '/home', count: 1 },
      ]);
      expect(zorg.referrers).toEqual([]);
      expect(zorg.browsers).toEqual([{ value: 'Firefox', visits: 2, share: 1 }]);
      expect(zorg.statuses).toEqual([{ page: '/zorg', status: 200, views: 2 }]);
      expect(zorg.events.map((e) => [e.name, e.count, e.visits])).toEqual([['download', 3, 2]]);
      expect(zorg.vitals.map((v) => [v.metric, v.p75])).toEqual([
        ['ttfb', 400],
        ['lcp', 5000],
      ]);

      const second = await store.report({ from: DAY2, to: DAY2, limit: 1 });
      expect(second.days).toEqual([{ day: DAY2, visits: 2, pageviews: 3 }]);
      expect(second.pages).toEqual([{ page: '/home', views: 2, visits: 2 }]);
      expect(second.referrers).toEqual([{ origin: 'https://social.example', visits: 1 }]);
      expect(second.consent).toEqual([EXPECTED.consent[1]]);
      expect(second.events[0].props).toHaveLength(1);
    });

    it('hides every count below the threshold, and the shares and percentiles made of them', async () => {
      const { store } = await fresh({ threshold: 5 });
      const visitor = (i: number) => `protectedVisitor${String(i).padStart(6, '0')}`;
      const records: StoredRecord[] = [];
      for (let i = 0; i < 9; i++) {
        const onA = i < 5; // five visitors on /a (shown), four on /b (hidden)
        records.push(
          hitRecord(visitor(i), `${DAY2}T10:00:0${i}.000Z`, onA ? '/a' : '/b', {
            ua: onA
              ? { browser: 'Firefox', version: 128, os: 'Linux', device: 'desktop' }
              : { browser: 'Chrome', version: 131, os: 'Android', device: 'mobile' },
            status: 200,
            timing: { ttfb: 100 * (i + 1), lcp: 1000 },
          }),
        );
      }
      await store.append(records);
      const report = await store.report({ from: DAY2, to: DAY2 });
      expect(report.threshold).toBe(5);
      expect(report.totals).toEqual({ visits: 9, pageviews: 9 });
      expect(report.pages).toEqual([
        { page: '/a', views: 5, visits: 5 },
        { page: '/b', views: '<5', visits: '<5' },
      ]);
      expect(report.browsers).toEqual([
        { value: 'Firefox', visits: 5, share: 0.5556 },
        { value: 'Chrome', visits: '<5', share: null },
      ]);
      expect(report.runtime.find((r) => r.page === '/b')).toEqual({
        page: '/b',
        samples: '<5',
        ttfb: { p50: null, p75: null },
        load: { p50: null, p75: null },
        transfer: { p50: null, p75: null },
      });
      expect(report.runtime.find((r) => r.page === '/a')?.ttfb).toEqual({ p50: 300, p75: 400 });
      const lcpOfB = report.vitals.find((v) => v.page === '/b' && v.metric === 'lcp');
      expect(lcpOfB).toEqual({
        page: '/b',
        metric: 'lcp',
        samples: '<5',
        p75: null,
        good: null,
        needsImprovement: null,
        poor: null,
      });
      expect(report.consent).toEqual([
        { day: DAY2, total: '<5', acceptAll: '<5', rejectAll: '<5', custom: '<5', objection: '<5' },
      ]);
      const text = JSON.stringify(report);
      for (let i = 0; i < 9; i++) expect(text).not.toContain(visitor(i));
      expect(text).not.toContain('203.0.0.0');
    });

    it('never writes the full client IP, from a beacon through the relay', async () => {
      const { store, backend } = await fresh();
      const relay = createRelay({
        now: () => NOW, // fixed, so no received time can happen to contain an address's digits
        allowedOrigins: ['https://site.example'],
        trustedProxies: ['10.0.0.0/8'],
        sinks: [createStoreSink({ name, open: () => store, now: () => NOW })],
      });
      const ips = CLIENT_ADDRESSES;
      for (const [i, ip] of ips.entries()) {
        const sid = `ipLeakVisitor${String(i).padStart(9, '0')}`;
        const sent = await relay(
          post('/collect', beacon(sid, [hit(), hit({ type: 'vitals', timing: { lcp: 900 } })])),
          {
            clientAddress: ip,
          },
        );
        expect(sent.status).toBe(202);
        const forwarded = await relay(
          post('/collect', beacon(`${sid}f`, [hit()]), { 'x-forwarded-for': ip }),
          {
            clientAddress: '10.0.0.1',
          },
        );
        expect(forwarded.status).toBe(202);
        const receipt = await relay(
          post('/consent', {
            v: 1,
            id: `ipLeakReceipt${String(i).padStart(9, '0')}`,
            policy: '1',
            time: '2025-01-01T00:00:00Z',
            choices: { necessary: true },
            method: 'api',
            sid,
          }),
          { clientAddress: ip },
        );
        expect(receipt.status).toBe(202);
      }
      expect(await store.recent(100)).toHaveLength(ips.length * 4);
      await store.close();
      const bytes = await backend.storedBytes();
      expect(bytes).toContain('192.0.0.0');
      for (const leak of FULL_ADDRESS_FRAGMENTS) {
        expect(bytes, leak).not.toContain(leak);
      }
    });
  });
};
