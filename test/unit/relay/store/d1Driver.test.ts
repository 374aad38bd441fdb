/**
 * The D1 driver against D1 itself: miniflare runs a Worker in workerd with a `ZV_D1` binding, and
 * `getD1Database()` hands that binding to this test, so every call runs on D1's engine.
 */
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createD1Driver, type D1DatabaseLike } from '../../../../src/relay/store/createD1Driver';
import type { SqlDriver } from '../../../../src/relay/store/types';

let mf: Miniflare;
let driver: SqlDriver;

beforeAll(async () => {
  mf = new Miniflare({
    modules: true,
    script: 'export default { fetch: () => new Response(null, { status: 204 }) };',
    compatibilityDate: '2025-01-01',
    d1Databases: ['ZV_D1'],
  });
  driver = createD1Driver((await mf.getD1Database('ZV_D1')) as unknown as D1DatabaseLike);
}, 60_000);
afterAll(async () => mf?.dispose());

describe('D1 driver', () => {
  it('runs a multi-line migration script, statement by statement', async () => {
    await driver.exec(`
      -- comments and literals with ; survive the split
      CREATE TABLE kept (
        id INTEGER PRIMARY KEY,
        v TEXT NOT NULL DEFAULT ';'
      );
      CREATE INDEX kept_v ON kept (v);
    `);
    expect(
      await driver.all({
        sql: "SELECT name FROM sqlite_master WHERE name LIKE 'kept%' ORDER BY name",
      }),
    ).toEqual([{ name: 'kept' }, { name: 'kept_v' }]);
  });

  it('binds ? placeholders and returns numbers as numbers', async () => {
    const rows = await driver.all({
      sql: "SELECT ? AS a, 'why?' AS b, ? AS c, COUNT(*) AS n, NULL AS z FROM kept",
      params: ['x?', 7],
    });
    expect(rows).toEqual([{ a: 'x?', b: 'why?', c: 7, n: 0, z: null }]);
  });

  it('applies a transaction whole and reports rows changed per statement', async () => {
    const changed = await driver.transaction([
      { sql: 'INSERT INTO kept (id, v) VALUES (?, ?), (?, ?)', params: [1, 'a', 2, 'b'] },
      { sql: 'UPDATE kept SET v = ? WHERE id = ?', params: ['c', 2] },
      { sql: 'DELETE FROM kept WHERE id = ?', params: [99] },
    ]);
    expect(changed).toEqual([2, 1, 0]);
    expect(await driver.transaction([])).toEqual([]);
  });

  it('rolls a failed transaction back: nothing of it is stored', async () => {
    await expect(
      driver.transaction([
        { sql: 'INSERT INTO kept (id, v) VALUES (?, ?)', params: [10, 'new'] },
        { sql: 'INSERT INTO kept (id, v) VALUES (?, ?)', params: [1, 'duplicate key'] },
      ]),
    ).rejects.toThrow(/UNIQUE constraint failed/);
    expect(await driver.all({ sql: 'SELECT COUNT(*) AS n FROM kept WHERE id = 10' })).toEqual([
      { n: 0 },
    ]);
  });

  it('runs a migration script whole or not at all', async () => {
    await expect(
      driver.exec('CREATE TABLE half (id INTEGER); CREATE TABLE half (id INTEGER);'),
    ).rejects.toThrow(/already exists/);
    expect(
      await driver.all({ sql: "SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'half'" }),
    ).toEqual([{ n: 0 }]);
  });

  it('refuses something that is not a D1 binding', () => {
    expect(() => createD1Driver({} as D1DatabaseLike)).toThrow(/expected a D1 database binding/);
  });
});
