/**
 * The store's batch and queue limits as relay configuration: `storeMaxBatch` / `storeMaxQueue`
 * and `ZV_STORE_MAX_BATCH` / `ZV_STORE_MAX_QUEUE`, read by the Node command and the Worker. A
 * good value is what the store sink uses, on SQLite, PostgreSQL and D1; a bad one stops the
 * start with an error naming the variable (or the option).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createRelay } from '../../../../src/relay/createRelay';
import { readCliOptions } from '../../../../src/relay/node';
import { readEnvOptions } from '../../../../src/relay/readEnvOptions';
import type { RelayHandler } from '../../../../src/relay/types';
import { beacon, newSid, post } from '../support/defineRelaySuite';
import { startPostgres, type PostgresServer } from '../support/startPostgres';
import { startWorkerRelay, type WorkerRelay } from '../support/startWorkerRelay';

const PEER = '192.0.2.44';
const BEACONS = 60;

const dirs: string[] = [];
const relays: RelayHandler[] = [];
const workers: WorkerRelay[] = [];
let postgres: PostgresServer | undefined;
afterEach(async () => {
  await Promise.all(relays.splice(0).map((relay) => relay.close()));
  await Promise.all(workers.splice(0).map((worker) => worker.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
afterAll(() => postgres?.destroy());

const sqliteFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'zv-store-limits-'));
  dirs.push(dir);
  return join(dir, 'zorgvuldig.sqlite');
};

type Dispatch = (request: Request) => Promise<Response>;

/** `BEACONS` beacons of one record each, all at once; their statuses. */
const burst = async (dispatch: Dispatch) =>
  (
    await Promise.all(
      Array.from({ length: BEACONS }, () => dispatch(post('/collect', beacon(newSid())))),
    )
  ).map((response) => response.status);

/** The counters of the sink `name` in `GET /health`. */
const sinkCounters = async (dispatch: Dispatch, name: string) => {
  const response = await dispatch(new Request('https://site.example/zv/health'));
  const health = (await response.json()) as { sinks: Record<string, Record<string, number>> };
  return health.sinks[name];
};

/** A relay on Node from `env` as the command reads it, with `sinks` when the env has none. */
const nodeRelay = (env: Record<string, string>, sinks?: { type: 'sqlite'; file: string }[]) => {
  const options = readCliOptions([], { ZV_RATE_LIMIT: 'off', ...env });
  const relay = createRelay({ ...options, sinks: options.sinks ?? sinks, log: () => {} });
  relays.push(relay);
  return (request: Request) => relay(request, { clientAddress: PEER });
};

describe('ZV_STORE_MAX_BATCH and ZV_STORE_MAX_QUEUE', () => {
  it('become storeMaxBatch and storeMaxQueue, on Node and in the Worker alike', () => {
    const env = { ZV_STORE_MAX_BATCH: '200', ZV_STORE_MAX_QUEUE: ' 5000 ' };
    expect(readEnvOptions(env)).toEqual({ storeMaxBatch: 200, storeMaxQueue: 5000 });
    expect(readCliOptions([], env)).toMatchObject({ storeMaxBatch: 200, storeMaxQueue: 5000 });
    expect(readEnvOptions({})).not.toHaveProperty('storeMaxBatch');
    expect(readEnvOptions({})).not.toHaveProperty('storeMaxQueue');
  });

  it.each(['ZV_STORE_MAX_BATCH', 'ZV_STORE_MAX_QUEUE'])(
    'refuses a %s that is not a whole number of at least 1, naming it',
    (name) => {
      for (const value of ['0', '-5', '1.5', '1e3', 'many', '20k']) {
        expect(() => readEnvOptions({ [name]: value }), value).toThrow(
          new RegExp(`${name} must be a whole number of at least 1 \\(got "${value}"\\)`),
        );
      }
    },
  );

  it('stop the command at start with the variable named, before it listens', () => {
    const cli = fileURLToPath(new URL('../../../../dist/relay-node.mjs', import.meta.url));
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first`);
    const run = spawnSync(process.execPath, [cli, '--port', '0'], {
      env: { ...process.env, ZV_STORE_MAX_QUEUE: '0', ZV_DATA_DIR: sqliteFile() },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/ZV_STORE_MAX_QUEUE must be a whole number of at least 1/);
    expect(run.stdout).not.toMatch(/listening/);
  });

  it('refuses storeMaxBatch and storeMaxQueue that are not whole numbers of at least 1', () => {
    for (const [option, value] of [
      ['storeMaxBatch', 0],
      ['storeMaxBatch', 2.5],
      ['storeMaxQueue', -1],
      ['storeMaxQueue', '100'],
      ['storeMaxQueue', Infinity],
    ] as const) {
      expect(() => createRelay({ [option]: value }), `${option} ${value}`).toThrow(
        new RegExp(`createRelay\\(\\): ${option} must be a whole number of at least 1`),
      );
    }
  });
});

describe('the limits a store sink uses', () => {
  it('SQLite: commits at most ZV_STORE_MAX_BATCH records a transaction (the default gathers more)', async () => {
    const limited = nodeRelay({ ZV_STORE_MAX_BATCH: '1' }, [
      { type: 'sqlite', file: sqliteFile() },
    ]);
    expect(await burst(limited)).toEqual(Array.from({ length: BEACONS }, () => 202));
    expect((await sinkCounters(limited, 'sqlite')).batches).toBe(BEACONS);

    const byDefault = nodeRelay({}, [{ type: 'sqlite', file: sqliteFile() }]);
    expect(await burst(byDefault)).toEqual(Array.from({ length: BEACONS }, () => 202));
    expect((await sinkCounters(byDefault, 'sqlite')).batches).toBeLessThan(BEACONS / 4);
  });

  it('SQLite: refuses beacons beyond ZV_STORE_MAX_QUEUE waiting records with 503 and counts them', async () => {
    const relay = nodeRelay({ ZV_STORE_MAX_QUEUE: '5' }, [{ type: 'sqlite', file: sqliteFile() }]);
    await burst(relay); // opened and migrated
    const statuses = await burst(relay);
    const refused = statuses.filter((status) => status === 503).length;
    expect(refused).toBeGreaterThan(0);
    expect(statuses.filter((status) => status === 202).length).toBe(BEACONS - refused);
    expect((await sinkCounters(relay, 'sqlite')).queueFull).toBeGreaterThanOrEqual(refused);
  });

  it('PostgreSQL (ZV_POSTGRES_URL): commits at most ZV_STORE_MAX_BATCH records a transaction', async () => {
    postgres ??= await startPostgres();
    const relay = nodeRelay({
      ZV_POSTGRES_URL: await postgres.createDatabase('limits'),
      ZV_STORE_MAX_BATCH: '1',
    });
    expect(await burst(relay)).toEqual(Array.from({ length: BEACONS }, () => 202));
    expect((await sinkCounters(relay, 'postgres')).batches).toBe(BEACONS);
  }, 60_000);

  it('D1 in the Worker: stores the beacons of concurrent requests, each its own D1 batch', async () => {
    // One request may not wait on another's I/O in workerd (it is cancelled as hung), so no
    // batch is shared across requests, whatever ZV_STORE_MAX_BATCH says.
    const worker = await startWorkerRelay({
      bindings: { ZV_RATE_LIMIT: 'off', ZV_STORE_MAX_BATCH: '200' },
      d1: true,
    });
    workers.push(worker);
    const dispatch = (request: Request) => worker.dispatch(request, PEER);
    expect(await burst(dispatch)).toEqual(Array.from({ length: BEACONS }, () => 202));
    expect(await burst(dispatch)).toEqual(Array.from({ length: BEACONS }, () => 202));
    expect((await sinkCounters(dispatch, 'd1')).batches).toBe(2 * BEACONS);
    const database = (await worker.mf.getD1Database('ZV_D1')) as unknown as {
      prepare(sql: string): { all(): Promise<{ results: { n: number }[] }> };
    };
    const { results } = await database.prepare('SELECT COUNT(*) AS n FROM hits').all();
    expect(results).toEqual([{ n: 2 * BEACONS }]);
  }, 60_000);

  it('D1 in the Worker: refuses beacons beyond ZV_STORE_MAX_QUEUE records being written with 503', async () => {
    const worker = await startWorkerRelay({
      bindings: { ZV_RATE_LIMIT: 'off', ZV_STORE_MAX_QUEUE: '1' },
      d1: true,
    });
    workers.push(worker);
    const dispatch = (request: Request) => worker.dispatch(request, PEER);
    await burst(dispatch); // migrated
    const statuses = await burst(dispatch);
    const refused = statuses.filter((status) => status === 503).length;
    expect(refused).toBeGreaterThan(0);
    expect(statuses.filter((status) => status === 202).length).toBe(BEACONS - refused);
    expect((await sinkCounters(dispatch, 'd1')).queueFull).toBeGreaterThanOrEqual(refused);
  }, 60_000);

  it('the Worker refuses to serve with a bad ZV_STORE_MAX_QUEUE, naming it', async () => {
    const worker = await startWorkerRelay({ bindings: { ZV_STORE_MAX_QUEUE: 'lots' }, d1: true });
    workers.push(worker);
    const response = await worker.dispatch(post('/collect', beacon(newSid())), PEER);
    expect(response.status).toBe(500);
    expect(await response.text()).toMatch(/ZV_STORE_MAX_QUEUE must be a whole number/);
  }, 60_000);
});
