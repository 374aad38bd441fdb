/**
 * The PostgreSQL driver against a real server the test starts itself: placeholders, numbers as
 * SQLite gives them, transactions that apply all or nothing, migrations under one lock, and a
 * server that stops and comes back.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createPostgresDriver,
  type PostgresDriver,
} from '../../../../src/relay/store/createPostgresDriver';
import { startPostgres, type PostgresServer } from '../support/startPostgres';

let server: PostgresServer;
let driver: PostgresDriver;
let driverUrl: string;
const logged: string[] = [];

beforeAll(async () => {
  server = await startPostgres();
  driver = createPostgresDriver({
    url: (driverUrl = await server.createDatabase('driver')),
    connectTimeoutMs: 1000,
    log: (m) => logged.push(m),
  });
}, 60_000);
afterAll(async () => {
  await driver?.close();
  server?.destroy();
});

describe('PostgreSQL driver', () => {
  it('numbers ? placeholders and leaves a ? in a string literal alone', async () => {
    const rows = await driver.all({
      sql: "SELECT ?::text AS a, 'why?' AS b, ?::integer AS c",
      params: ['x?', 7],
    });
    expect(rows).toEqual([{ a: 'x?', b: 'why?', c: 7 }]);
  });

  it('rejects a statement whose parameters do not match its placeholders', async () => {
    await expect(driver.all({ sql: 'SELECT ?::text AS a', params: [] })).rejects.toThrow(
      /1 placeholder\(s\) but 0 parameter/,
    );
  });

  it('returns counts, sums and averages as numbers, booleans as 1/0, dates as text', async () => {
    await driver.exec(`
      CREATE TABLE numbers (n BIGINT NOT NULL, d DATE NOT NULL);
      INSERT INTO numbers VALUES (1, '2025-01-02'), (2, '2025-01-02'), (9007199254740991, '2025-01-03');
    `);
    const [row] = await driver.all({
      sql: `SELECT COUNT(*) AS count, SUM(n) FILTER (WHERE n < 10) AS small, AVG(n) FILTER (WHERE n < 10) AS mean,
              MAX(n) AS largest, MIN(d) AS first, COUNT(*) > 2 AS many FROM numbers`,
    });
    expect(row).toEqual({
      count: 3,
      small: 3,
      mean: 1.5,
      largest: 9007199254740991,
      first: '2025-01-02',
      many: 1,
    });
  });

  it('refuses an integer too large for a number instead of rounding it', async () => {
    await expect(driver.all({ sql: 'SELECT 9007199254740993::bigint AS big' })).rejects.toThrow(
      /beyond what a number holds/,
    );
  });

  it('applies a transaction whole and reports rows changed per statement', async () => {
    await driver.exec('CREATE TABLE kept (id INTEGER PRIMARY KEY, v TEXT)');
    const changed = await driver.transaction([
      { sql: 'INSERT INTO kept (id, v) VALUES (?, ?), (?, ?)', params: [1, 'a', 2, 'b'] },
      { sql: 'UPDATE kept SET v = ? WHERE id = ?', params: ['c', 2] },
      { sql: 'DELETE FROM kept WHERE id = ?', params: [99] },
    ]);
    expect(changed).toEqual([2, 1, 0]);
  });

  it('rolls a failed transaction back: nothing of it is stored', async () => {
    await driver.exec('CREATE TABLE rolled (id INTEGER PRIMARY KEY)');
    await expect(
      driver.transaction([
        { sql: 'INSERT INTO rolled (id) VALUES (?)', params: [1] },
        { sql: 'INSERT INTO rolled (id) VALUES (?)', params: [1] }, // duplicate key
      ]),
    ).rejects.toThrow(/duplicate key/);
    expect(await driver.all({ sql: 'SELECT COUNT(*) AS n FROM rolled' })).toEqual([{ n: 0 }]);
    // The connection went back to the pool usable, not stuck in the aborted transaction.
    expect(
      await driver.transaction([{ sql: 'INSERT INTO rolled (id) VALUES (?)', params: [1] }]),
    ).toEqual([1]);
  });

  it('runs a migration script whole or not at all', async () => {
    await expect(
      driver.exec('CREATE TABLE half (id INTEGER); CREATE TABLE half (id INTEGER);'),
    ).rejects.toThrow(/already exists/);
    expect(
      await driver.all({ sql: "SELECT COUNT(*) AS n FROM pg_tables WHERE tablename = 'half'" }),
    ).toEqual([{ n: 0 }]);
  });

  it('lets one instance at a time run under the migration lock', async () => {
    const other = createPostgresDriver({ url: driverUrl });
    let inside = 0;
    const seen: number[] = [];
    const migrate = (d: PostgresDriver) =>
      d.exclusive(async () => {
        seen.push(++inside);
        // Long enough that, without the lock, the other instance would be inside too.
        await new Promise((resolve) => setTimeout(resolve, 300));
        inside--;
      });
    await Promise.all([migrate(driver), migrate(other), migrate(driver)]);
    await other.close();
    expect(seen).toEqual([1, 1, 1]);
  });

  it('rejects while the server is down, stays up, and works again once it is back', async () => {
    await driver.exec('CREATE TABLE outage (id INTEGER PRIMARY KEY)');
    // Several connections open and idle in the pool when the server goes.
    await Promise.all([1, 2, 3].map(() => driver.all({ sql: 'SELECT pg_sleep(0.05)' })));
    server.stop();
    await expect(driver.all({ sql: 'SELECT 1 AS one' })).rejects.toThrow();
    await expect(
      driver.transaction([{ sql: 'INSERT INTO outage (id) VALUES (?)', params: [1] }]),
    ).rejects.toThrow();
    // The idle connections the server cut were noticed and logged (unheard, node-postgres
    // would throw them at the process), without any value of a query.
    await vi.waitFor(() => expect(logged.join('\n')).toMatch(/idle connection lost/));
    expect(logged.join('\n')).not.toMatch(/outage|INSERT/);
    server.start();
    expect(await driver.all({ sql: 'SELECT 1 AS one' })).toEqual([{ one: 1 }]);
    expect(await driver.all({ sql: 'SELECT COUNT(*) AS n FROM outage' })).toEqual([{ n: 0 }]);
  }, 30_000);

  it('refuses a URL that is not postgres://', () => {
    expect(() => createPostgresDriver({ url: 'mysql://localhost/x' })).toThrow(
      /url must be a postgres:\/\/ URL/,
    );
  });
});
