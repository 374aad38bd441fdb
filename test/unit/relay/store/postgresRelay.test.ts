/**
 * The relay with the PostgreSQL store, against a real server the test starts and stops: beacons
 * sent while the server is stopped get 503 with Retry-After and nothing acknowledged is lost,
 * the relay keeps answering and recovers once the server is back, and the full client address
 * is in no byte the server stored.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRelay } from '../../../../src/relay/createRelay';
import { readCliOptions } from '../../../../src/relay/node';
import { startRelayServer } from '../../../../src/relay/startRelayServer';
import type { RelayHandler } from '../../../../src/relay/types';
import { beacon, hit, newSid, post } from '../support/defineRelaySuite';
import { startPostgres, type PostgresServer } from '../support/startPostgres';

const PEER = '192.0.2.123';

let server: PostgresServer;
const logged: string[] = [];
const relays: RelayHandler[] = [];

const relayOn = (url: string): RelayHandler => {
  const relay = createRelay({
    rateLimit: false,
    log: (m) => logged.push(m),
    sinks: [{ type: 'postgres', url, connectTimeoutMs: 1000 }],
  });
  relays.push(relay);
  return relay;
};

const send = async (relay: RelayHandler, sid = newSid()) => {
  const response = await relay(post('/collect', beacon(sid, [hit(), hit({ prev: '/a' })])), {
    clientAddress: PEER,
  });
  return { sid, response };
};

/** Pseudonyms with stored hits, from the server itself (not through the relay). */
const storedSids = (database: string) =>
  new Set(server.psql('SELECT DISTINCT sid FROM hits', database).split('\n').filter(Boolean));

beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterAll(async () => {
  await Promise.all(relays.map((relay) => relay.close()));
  server?.destroy();
});

describe('relay with the PostgreSQL store', () => {
  it('answers 503 with Retry-After while the server is stopped, stays up, recovers, and keeps all it acknowledged', async () => {
    const relay = relayOn(await server.createDatabase('outage'));
    const acknowledged: string[] = [];
    const refused: string[] = [];
    const record = ({ sid, response }: Awaited<ReturnType<typeof send>>) => {
      if (response.status === 202) acknowledged.push(sid);
      else {
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toBe('5');
        refused.push(sid);
      }
    };

    for (let i = 0; i < 10; i++) record(await send(relay));
    expect(refused).toEqual([]);

    // Beacons keep coming while the server stops: each is acknowledged or refused, never both.
    let sending = true;
    const traffic = (async () => {
      while (sending) record(await send(relay));
    })();
    server.stop();
    const duringOutage = refused.length;
    for (let i = 0; i < 5; i++) record(await send(relay));
    expect(refused.length).toBeGreaterThanOrEqual(duringOutage + 5);
    // The process is up and answers what needs no database.
    expect((await relay(new Request('https://site.example/zv/health'))).status).toBe(200);

    server.start();
    // The refused clients retry (after Retry-After); once the store reopens, all get stored.
    await expect
      .poll(async () => (await send(relay)).response.status, { timeout: 15_000, interval: 250 })
      .toBe(202);
    sending = false;
    await traffic;
    for (const sid of refused.splice(0)) record(await send(relay, sid));
    expect(refused).toEqual([]);

    const stored = storedSids('outage');
    expect(acknowledged.filter((sid) => !stored.has(sid))).toEqual([]);
    // No error text reached the log: it may quote a record.
    expect(logged.join('\n')).not.toMatch(/192\.0\.|thuiszorg|sid\d{4}/);
  }, 60_000);

  it('stores no byte of the full client address on the server', async () => {
    const database = 'addresses';
    const relay = relayOn(await server.createDatabase(database));
    const { response } = await send(relay);
    expect(response.status).toBe(202);
    const consent = await relay(
      post('/consent', {
        v: 1,
        id: 'rcptaddresstest0000001',
        policy: '1.2',
        time: new Date().toISOString(),
        choices: { necessary: true, statistics: true, googleAnalytics: false },
        method: 'custom',
        sid: newSid(),
      }),
      { clientAddress: PEER },
    );
    expect(consent.status).toBe(202);
    const dump = server.dump(database);
    expect(dump).toContain('192.0.0.0'); // the truncated address is there…
    expect(dump).not.toContain(PEER); // …the full one nowhere
    expect(dump).not.toContain('2.123');
  });

  it('is the store of the command with ZV_POSTGRES_URL, in place of the SQLite file', async () => {
    const url = await server.createDatabase('command');
    const dir = mkdtempSync(join(tmpdir(), 'zv-postgres-cli-'));
    const options = readCliOptions(['--port', '0'], {
      ZV_POSTGRES_URL: url,
      ZV_DATA_DIR: dir,
      ZV_RATE_LIMIT: 'off',
    });
    expect(options.sinks).toEqual([{ type: 'postgres', url }]);
    const running = await startRelayServer({ ...options, log: () => {} });
    try {
      const sid = newSid();
      const response = await fetch(`${running.url}/zv/collect`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify(beacon(sid)),
      });
      expect(response.status).toBe(202);
      expect(storedSids('command')).toEqual(new Set([sid]));
      expect(existsSync(join(dir, 'zorgvuldig.sqlite'))).toBe(false);
    } finally {
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a postgres sink without a postgres:// URL when the relay is made', () => {
    expect(() => createRelay({ sinks: [{ type: 'postgres', url: 'localhost:5432' }] })).toThrow(
      /the postgres sink needs a url \(postgres:\/\/user@host:5432\/database\)/,
    );
  });
});
