import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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

describe("SQLite's hit trigger", () => {
  it("finds a visitor's earlier hits through the (day, sid) index, never by page", async () => {
    // A look-up by type, day and page walks every earlier view of that page that day: an
    // append would grow slower as the day fills. The plan shows which index each look-up takes.
    const dir = mkdtempSync(join(tmpdir(), 'zv-sqlite-plan-'));
    try {
      const file = join(dir, 'stats.sqlite');
      const store = createSqlStore(createSqliteDriver(file), { now: () => NOW });
      await store.migrate();
      await store.close();
      const db = new Database(file, { readonly: true });
      const { sql } = db
        .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'hits_aggregate'")
        .get() as { sql: string };
      const body = sql.slice(sql.indexOf('BEGIN') + 'BEGIN'.length, sql.lastIndexOf('END'));
      const lookups = body
        .split(';')
        .filter((statement) => statement.trim())
        .flatMap((statement) => {
          const named = statement.replace(/NEW\.(\w+)/g, '@$1');
          const params = Object.fromEntries(
            [...named.matchAll(/@(\w+)/g)].map(([, column]) => [column, 'x']),
          );
          const plan = db.prepare(`EXPLAIN QUERY PLAN ${named}`).all(params) as {
            detail: string;
          }[];
          return plan.map((row) => row.detail).filter((detail) => /\bo\b/.test(detail));
        });
      db.close();
      expect(lookups.length).toBeGreaterThan(10);
      for (const detail of lookups) expect(detail).toMatch(/^SEARCH o USING (COVERING )?INDEX hits_day_sid /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
