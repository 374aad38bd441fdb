/**
 * Group commit of the store sink: beacons that arrive while a transaction is written go together
 * into the next one; each is acknowledged only after its own transaction committed; a failed
 * commit fails every beacon of its batch (503, nothing acknowledged); a full queue refuses at
 * once (503 with Retry-After); and every acknowledged beacon is in the database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createRelay } from '../../../../src/relay/createRelay';
import type { StoredRecord } from '../../../../src/relay/records';
import { createGroupCommit, QueueFullError } from '../../../../src/relay/store/createGroupCommit';
import { createStoreSink } from '../../../../src/relay/sinks/createStoreSink';
import { createSqlStore } from '../../../../src/relay/store/createSqlStore';
import { createSqliteDriver } from '../../../../src/relay/store/sqlite/createSqliteDriver';
import type { StatsStore } from '../../../../src/relay/store/types';
import { beacon, newSid, post } from '../support/defineRelaySuite';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'zv-group-commit-'));
  dirs.push(dir);
  return join(dir, 'zorgvuldig.sqlite');
};

/** A record standing for one beacon; only its identity matters here. */
const record = (n: number) => ({ n }) as unknown as StoredRecord;
const records = (...ns: number[]) => ns.map(record);
const numbers = (batch: readonly StoredRecord[]) =>
  batch.map((r) => (r as unknown as { n: number }).n);

/**
 * A commit the test completes by hand: `batches` are the record numbers of each call, `writes`
 * the same kept per write.
 */
const manualCommit = () => {
  const batches: number[][] = [];
  const writes: number[][][] = [];
  const open: { resolve(): void; reject(error: unknown): void }[] = [];
  const commit = (batch: (readonly StoredRecord[])[]) => {
    batches.push(numbers(batch.flat()));
    writes.push(batch.map(numbers));
    return new Promise<void>((resolve, reject) => open.push({ resolve, reject }));
  };
  /** Settles the oldest commit still running, then lets the next batch start. */
  const settle = async (error?: unknown) => {
    const next = open.shift()!;
    if (error) next.reject(error);
    else next.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { commit, batches, writes, settle };
};

/** Whether each promise has settled yet, and how. */
const track = (promise: Promise<void>) => {
  const state = {
    settled: 'pending' as 'pending' | 'resolved' | 'rejected',
    error: undefined as unknown,
  };
  promise.then(
    () => (state.settled = 'resolved'),
    (error: unknown) => {
      state.settled = 'rejected';
      state.error = error;
    },
  );
  return state;
};

describe('createGroupCommit', () => {
  it('writes the beacons that arrive during a commit together in the next one, each acknowledged after its own commit', async () => {
    const c = manualCommit();
    const group = createGroupCommit({
      commit: c.commit,
      maxBatch: 100,
      maxQueue: 1000,
      windowMs: 0,
    });
    const first = track(group.write(records(1)));
    const second = track(group.write(records(2, 3)));
    const third = track(group.write(records(4)));
    expect(c.batches).toEqual([[1]]);
    await Promise.resolve();
    expect([first.settled, second.settled, third.settled]).toEqual([
      'pending',
      'pending',
      'pending',
    ]);
    await c.settle();
    expect(first.settled).toBe('resolved');
    // The two that arrived meanwhile: one transaction, not yet acknowledged.
    expect(c.batches).toEqual([[1], [2, 3, 4]]);
    expect([second.settled, third.settled]).toEqual(['pending', 'pending']);
    await c.settle();
    expect([second.settled, third.settled]).toEqual(['resolved', 'resolved']);
    await group.drain();
    expect(group.queued()).toBe(0);
  });

  it('fails every write of a batch whose commit fails, and only those', async () => {
    const c = manualCommit();
    const group = createGroupCommit({
      commit: c.commit,
      maxBatch: 100,
      maxQueue: 1000,
      windowMs: 0,
    });
    const first = track(group.write(records(1)));
    const batch = [group.write(records(2)), group.write(records(3, 4))].map(track);
    await c.settle();
    const failure = new Error('disk full');
    await c.settle(failure);
    expect(batch.map((w) => w.settled)).toEqual(['rejected', 'rejected']);
    expect(batch.map((w) => w.error)).toEqual([failure, failure]);
    const after = track(group.write(records(5)));
    await c.settle();
    expect([first.settled, after.settled]).toEqual(['resolved', 'resolved']);
    expect(c.batches).toEqual([[1], [2, 3, 4], [5]]);
  });

  it('bounds a batch by maxBatch records and never splits a write', async () => {
    const c = manualCommit();
    const group = createGroupCommit({ commit: c.commit, maxBatch: 3, maxQueue: 1000, windowMs: 0 });
    const writes = [
      group.write(records(1)),
      group.write(records(2, 3)),
      group.write(records(4, 5)),
      group.write(records(6, 7, 8, 9)), // larger than a batch: a batch of its own
      group.write(records(10)),
    ];
    for (let i = 0; i < 5; i++) await c.settle();
    await Promise.all(writes);
    expect(c.batches).toEqual([[1], [2, 3], [4, 5], [6, 7, 8, 9], [10]]);
  });

  it("with windowMs 'turn', puts the writes of one event-loop turn into one batch, and commits a lone write after one turn", async () => {
    const c = manualCommit();
    const group = createGroupCommit({
      commit: c.commit,
      maxBatch: 100,
      maxQueue: 1000,
      windowMs: 'turn',
    });
    const writes = [group.write(records(1)), group.write(records(2)), group.write(records(3))];
    expect(c.batches).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(c.batches).toEqual([[1, 2, 3]]);
    await c.settle();
    await Promise.all(writes);
    const lone = group.write(records(4));
    await new Promise((resolve) => setImmediate(resolve));
    expect(c.batches).toEqual([[1, 2, 3], [4]]);
    await c.settle();
    await lone;
  });

  it('refuses a write at once while the queue is full, and takes writes again once it drained', async () => {
    const c = manualCommit();
    const group = createGroupCommit({ commit: c.commit, maxBatch: 10, maxQueue: 3, windowMs: 0 });
    const running = group.write(records(1)); // in its transaction: no longer queued
    const queued = group.write(records(2, 3));
    expect(group.queued()).toBe(2);
    await expect(group.write(records(4, 5))).rejects.toBeInstanceOf(QueueFullError);
    const fits = group.write(records(6));
    await expect(group.write(records(7))).rejects.toBeInstanceOf(QueueFullError);
    await c.settle();
    await c.settle();
    await Promise.all([running, queued, fits]);
    expect(c.batches).toEqual([[1], [2, 3, 6]]);
    const later = group.write(records(8));
    await c.settle();
    await later;
  });
});

describe('createGroupCommit, its writes and options', () => {
  it('hands the commit each write apart, in the order they were made', async () => {
    const c = manualCommit();
    const group = createGroupCommit({ commit: c.commit, windowMs: 'turn' });
    const writes = [group.write(records(1, 2)), group.write(records(3)), group.write(records(4))];
    await new Promise((resolve) => setImmediate(resolve));
    await c.settle();
    await Promise.all(writes);
    expect(c.writes).toEqual([[[1, 2], [3], [4]]]);
  });

  it('without batchAcrossRequests, commits each write at once on its own, bounding those in flight', async () => {
    const c = manualCommit();
    const group = createGroupCommit({ commit: c.commit, maxQueue: 3, batchAcrossRequests: false });
    const first = track(group.write(records(1)));
    const second = track(group.write(records(2, 3)));
    // Both in their transactions at once, neither waiting for the other.
    expect(c.writes).toEqual([[[1]], [[2, 3]]]);
    expect(group.queued()).toBe(3);
    await expect(group.write(records(4))).rejects.toBeInstanceOf(QueueFullError);
    await c.settle();
    expect([first.settled, second.settled]).toEqual(['resolved', 'pending']);
    const third = track(group.write(records(5)));
    const failure = new Error('D1 unavailable');
    await c.settle(failure);
    expect([second.settled, second.error]).toEqual(['rejected', failure]);
    const draining = group.drain();
    await c.settle();
    await draining;
    expect(third.settled).toBe('resolved');
    expect(group.queued()).toBe(0);
  });

  it('refuses bounds and windows it cannot use, naming the option and who set it', () => {
    const commit = async () => {};
    const make = (options: Record<string, unknown>) => () =>
      createGroupCommit({ commit, owner: 'createSqlStore()', ...options });
    expect(make({ maxBatch: 0 })).toThrow(/createSqlStore\(\): maxBatch .*\(got 0\)/);
    expect(make({ maxBatch: 2.5 })).toThrow(/maxBatch/);
    expect(make({ maxQueue: -1 })).toThrow(/createSqlStore\(\): maxQueue .*\(got -1\)/);
    expect(make({ maxQueue: '100' })).toThrow(/maxQueue/);
    expect(make({ windowMs: -1 })).toThrow(/batch window/);
    expect(make({ windowMs: 'tick' })).toThrow(/batch window/);
    expect(make({ maxQueue: Infinity, windowMs: 0 })).not.toThrow();
  });
});

describe('createSqlStore on the group commit', () => {
  /** A SQLite driver that counts its transactions. */
  const countedDriver = () => {
    const driver = createSqliteDriver(tempFile());
    const counted = {
      ...driver,
      transactions: 0,
      transaction: (statements: Parameters<typeof driver.transaction>[0]) => {
        counted.transactions++;
        return driver.transaction(statements);
      },
    };
    return counted;
  };
  const hitRecord = (sid: string, n: number) =>
    ({
      type: 'pageview',
      received: '2025-01-02T10:00:00.000Z',
      time: '2025-01-02T10:00:00.000Z',
      url: `https://site.example/p${n}`,
      sid,
      ip: '192.0.0.0',
    }) as StoredRecord;

  it('writes a burst of direct appends in few transactions of at most maxBatch records', async () => {
    const driver = countedDriver();
    const store = createSqlStore(driver, { maxBatch: 10, batchWindowMs: 'turn' });
    await store.migrate();
    const before = driver.transactions;
    const sid = newSid();
    await Promise.all(Array.from({ length: 50 }, (_, n) => store.append([hitRecord(sid, n)])));
    expect(driver.transactions - before).toBe(5);
    const [{ n }] = await driver.all<{ n: number }>({ sql: 'SELECT COUNT(*) AS n FROM hits' });
    expect(n).toBe(50);
    await store.close();
  });

  it('refuses an append at once with QueueFullError beyond maxQueue', async () => {
    const store = createSqlStore(countedDriver(), { maxQueue: 2, batchWindowMs: 0 });
    await store.migrate();
    const sid = newSid();
    const first = store.append([hitRecord(sid, 1)]); // in its transaction
    const queued = store.append([hitRecord(sid, 2), hitRecord(sid, 3)]);
    await expect(store.append([hitRecord(sid, 4)])).rejects.toBeInstanceOf(QueueFullError);
    await Promise.all([first, queued]);
    await store.close();
  });

  it('counts identical records within a write, not across the writes of one transaction', async () => {
    const driver = countedDriver();
    const store = createSqlStore(driver, { batchWindowMs: 'turn' });
    const sid = newSid();
    // The same body twice (a retry), and a body holding one hit twice (both real).
    const body = [hitRecord(sid, 1)];
    const twice = [hitRecord(sid, 2), hitRecord(sid, 2)];
    await store.migrate();
    const before = driver.transactions;
    await Promise.all([store.append(body), store.append(body), store.append(twice)]);
    expect(driver.transactions - before).toBe(1);
    const rows = await driver.all<{ url: string; n: number }>({
      sql: 'SELECT url, COUNT(*) AS n FROM hits GROUP BY url ORDER BY url',
    });
    expect(rows).toEqual([
      { url: 'https://site.example/p1', n: 1 },
      { url: 'https://site.example/p2', n: 2 },
    ]);
    await store.close();
  });

  it('stores a hit delivered again later, in another body, once', async () => {
    const driver = countedDriver();
    const store = createSqlStore(driver, { batchWindowMs: 'turn' });
    const sid = newSid();
    const sent = { ...hitRecord(sid, 1), bid: 'firstbodyfirstbody0000' } as StoredRecord;
    // The copy the next page delivered: received later, in a body of its own, from a new address.
    const copy = {
      ...hitRecord(sid, 1),
      received: '2025-01-02T10:00:01.250Z',
      bid: 'nextbodynextbody000000',
      ip: '192.0.2.0',
    } as StoredRecord;
    await store.append([sent]);
    await store.append([copy, hitRecord(sid, 2)]);
    const rows = await driver.all<{ url: string; bid: string | null }>({
      sql: 'SELECT url, bid FROM hits ORDER BY url',
    });
    expect(rows).toEqual([
      { url: 'https://site.example/p1', bid: 'firstbodyfirstbody0000' },
      { url: 'https://site.example/p2', bid: null },
    ]);
    await store.close();
  });

  it('names itself when an option is wrong', () => {
    expect(() => createSqlStore(countedDriver(), { maxBatch: 0 })).toThrow(
      /createSqlStore\(\): maxBatch/,
    );
    expect(() => createSqlStore(countedDriver(), { batchWindowMs: -2 })).toThrow(
      /createSqlStore\(\): the batch window/,
    );
  });
});

describe('the relay on a group-committing store', () => {
  /** A relay on `store`; `sink` options as given. */
  const relayOn = (store: () => StatsStore, options: { maxQueue?: number } = {}) => {
    const sink = createStoreSink({ name: 'sqlite', open: store, ...options });
    return createRelay({
      rateLimit: false,
      allowedOrigins: ['https://site.example'],
      sinks: [sink],
      log: () => {},
    });
  };
  const send = (relay: ReturnType<typeof createRelay>, sid: string) =>
    relay(post('/collect', beacon(sid)), { clientAddress: '192.0.2.1' });

  it('stores every acknowledged beacon of a burst, in fewer transactions than beacons', async () => {
    const file = tempFile();
    const driver = createSqliteDriver(file);
    let transactions = 0;
    const counted = {
      ...driver,
      transaction: (statements: Parameters<typeof driver.transaction>[0]) => {
        transactions++;
        return driver.transaction(statements);
      },
    };
    const relay = relayOn(() => createSqlStore(counted, { batchWindowMs: 0 }));
    const sids = Array.from({ length: 200 }, newSid);
    const responses = await Promise.all(sids.map((sid) => send(relay, sid)));
    expect(responses.map((r) => r.status)).toEqual(sids.map(() => 202));
    await relay.close();
    const db = new Database(file, { readonly: true });
    const stored = db.prepare('SELECT COUNT(*) AS n FROM hits').get() as { n: number };
    db.close();
    expect(stored.n).toBe(200);
    expect(transactions).toBeLessThan(200 / 4);
  });

  it('queues once: each batch of the sink is one appendBatch of the store, never its append', async () => {
    const file = tempFile();
    const driver = createSqliteDriver(file);
    let transactions = 0; // those that store hits (retention runs one of its own)
    const calls = { append: 0, appendBatch: 0 };
    const counted = {
      ...driver,
      transaction: (statements: Parameters<typeof driver.transaction>[0]) => {
        if (statements.some((s) => s.sql.startsWith('INSERT INTO hits'))) transactions++;
        return driver.transaction(statements);
      },
    };
    const sink = createStoreSink({
      name: 'sqlite',
      open: async () => {
        const store = createSqlStore(counted);
        await store.migrate();
        return {
          ...store,
          append: (records) => (calls.append++, store.append(records)),
          appendBatch: (writes) => (calls.appendBatch++, store.appendBatch!(writes)),
        };
      },
    });
    const relay = createRelay({
      rateLimit: false,
      allowedOrigins: ['https://site.example'],
      sinks: [sink],
      log: () => {},
    });
    const responses = await Promise.all(Array.from({ length: 100 }, () => send(relay, newSid())));
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 202));
    const { batches } = sink.counters!();
    await relay.close();
    expect(calls).toEqual({ append: 0, appendBatch: batches });
    expect(transactions).toBe(batches);
  });

  it('answers 503 with Retry-After to every beacon of a batch whose commit fails, and stores none of them', async () => {
    const file = tempFile();
    const driver = createSqliteDriver(file);
    let failing = false;
    const relay = relayOn(() =>
      createSqlStore(
        {
          ...driver,
          transaction: (statements) =>
            failing ? Promise.reject(new Error('disk I/O error')) : driver.transaction(statements),
          close: async () => {}, // the same connection serves the check below
        },
        { batchWindowMs: 0 },
      ),
    );
    expect((await send(relay, newSid())).status).toBe(202); // migrated, open
    failing = true;
    const responses = await Promise.all(Array.from({ length: 20 }, () => send(relay, newSid())));
    for (const response of responses) {
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
    }
    const [{ n }] = await driver.all<{ n: number }>({ sql: 'SELECT COUNT(*) AS n FROM hits' });
    expect(n).toBe(1);
    await driver.close();
  });

  it('answers 503 with Retry-After once the queue is full, and acknowledges only what it stored', async () => {
    const file = tempFile();
    const relay = relayOn(() => createSqlStore(createSqliteDriver(file), { batchWindowMs: 0 }), {
      maxQueue: 5,
    });
    expect((await send(relay, newSid())).status).toBe(202); // migrated, open
    const sids = Array.from({ length: 40 }, newSid);
    const responses = await Promise.all(sids.map((sid) => send(relay, sid)));
    const refused = responses.filter((r) => r.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    for (const response of refused) expect(response.headers.get('retry-after')).toBe('5');
    await relay.close();
    const acknowledged = sids.filter((_, i) => responses[i].status === 202);
    const db = new Database(file, { readonly: true });
    const stored = db.prepare('SELECT COUNT(*) AS n FROM hits').get() as { n: number };
    db.close();
    expect(stored.n).toBe(acknowledged.length + 1);
  });
});
