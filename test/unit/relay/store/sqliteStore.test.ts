import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldStatements } from '../../../../src/relay/store/aggregates/foldHits';
import { createSqlStore } from '../../../../src/relay/store/createSqlStore';
import { createSqliteDriver } from '../../../../src/relay/store/sqlite/createSqliteDriver';
import { defineStoreSuite } from './support/defineStoreSuite';
import { DAY2, hitRecord, NOW, SID } from './support/storeFixture';

/** The store suite on SQLite: a database file of its own per case, in a temp directory. */
defineStoreSuite('SQLite (better-sqlite3)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zv-sqlite-'));
  return {
    driver: createSqliteDriver(join(dir, 'stats.sqlite')),
    // The database, its WAL and shared-memory index: every byte SQLite wrote.
    storedBytes: async () =>
      readdirSync(dir)
        .map((name) => readFileSync(join(dir, name)).toString('latin1'))
        .join(''),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describe('SQLite files after forget', () => {
  it('keep no byte of a forgotten pseudonym, in the database or its WAL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zv-sqlite-forget-'));
    try {
      const store = createSqlStore(createSqliteDriver(join(dir, 'stats.sqlite')), {
        now: () => NOW,
      });
      const kept = hitRecord(SID.a, `${DAY2}T10:00:00.000Z`, '/blijft');
      const gone = hitRecord(SID.b, `${DAY2}T10:00:01.000Z`, '/vergeten-pagina', {
        type: 'event',
        name: 'vergeten-event',
        props: { vergeten: 'waarde' },
      });
      await store.append([kept, gone]);
      const bytes = () =>
        readdirSync(dir)
          .map((name) => readFileSync(join(dir, name)).toString('latin1'))
          .join('');
      expect(bytes()).toContain(SID.b);
      expect(await store.forget({ sid: SID.b })).toBe(1);
      const after = bytes();
      for (const trace of [SID.b, 'vergeten-pagina', 'vergeten-event', 'waarde'])
        expect(after, trace).not.toContain(trace);
      expect(after).toContain(SID.a);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("SQLite's fold of new hits into the aggregates", () => {
  it("reads only the new hits by id, and a visitor's counted hits by (day, sid), never by page", async () => {
    // A look-up by type, day and page would walk every earlier view of that page that day, and
    // a scan of the hits every stored one: an append would grow slower as the store fills.
    // (`SEARCH hits` alone is the highest id, read from the end of the table.)
    const dir = mkdtempSync(join(tmpdir(), 'zv-sqlite-plan-'));
    try {
      const file = join(dir, 'stats.sqlite');
      const store = createSqlStore(createSqliteDriver(file), { now: () => NOW });
      await store.migrate();
      await store.close();
      const db = new Database(file, { readonly: true });
      const reads = foldStatements('sqlite').flatMap(({ sql }) =>
        (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
          .map((row) => row.detail)
          .filter((detail) => /\b(hits|[no])\b/.test(detail) && !/agg_/.test(detail)),
      );
      db.close();
      expect(reads.length).toBeGreaterThan(20);
      for (const detail of reads) {
        expect(detail).toMatch(
          /^SEARCH (n USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)|o USING (COVERING )?INDEX hits_day_sid |hits$)/,
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
