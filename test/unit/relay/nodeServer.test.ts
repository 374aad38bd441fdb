import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelayServer, type RelayServer } from '../../../src/relay/startRelayServer';
import { readCliOptions } from '../../../src/relay/node';
import { createRelay } from '../../../src/relay/createRelay';
import { toNodeHandler } from '../../../src/relay/handleNodeRequest';
import type { RelayHandler } from '../../../src/relay/types';
import { beacon, newSid } from './support/defineRelaySuite';

/** Posts `size` bytes in chunks and reports the status, without waiting for the whole upload. */
const postStream = (url: string, chunks: number, chunkSize: number) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: 'POST', headers: { 'content-type': 'text/plain' } },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    let sent = 0;
    const pump = () => {
      while (sent < chunks) {
        sent++;
        if (!req.write('x'.repeat(chunkSize))) return req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });

describe('relay server on node:http', () => {
  let server: RelayServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zv-server-'));
    server = await startRelayServer({ port: 0, dataDir: dir, statsToken: 'tok', rateLimit: false });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores a beacon with the socket address truncated, in the data dir', async () => {
    const sid = newSid();
    const response = await fetch(`${server.url}/zv/collect`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie: 'a=b' },
      body: JSON.stringify(beacon(sid)),
    });
    expect(response.status).toBe(202);
    // The data dir holds the SQLite store (and its WAL) and nothing else by default.
    expect(readdirSync(dir).filter((name) => !/-(wal|shm)$/.test(name))).toEqual([
      'zorgvuldig.sqlite',
    ]);
    const db = new Database(join(dir, 'zorgvuldig.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT ip FROM hits WHERE sid = ?').all(sid)).toEqual([
        { ip: '127.0.0.0' },
      ]);
    } finally {
      db.close();
    }
    const bytes = readdirSync(dir)
      .map((name) => readFileSync(join(dir, name)).toString('latin1'))
      .join('');
    expect(bytes).toContain('127.0.0.0');
    expect(bytes).not.toContain('127.0.0.1');
  });

  it('stops reading a body larger than the limit and answers 413', async () => {
    const { status, body } = await postStream(`${server.url}/zv/collect`, 64, 16_384);
    expect(status).toBe(413);
    expect(JSON.parse(body).error).toMatch(/larger than 65536/);
  });

  it('answers health and keeps serving after bad requests', async () => {
    const bad = await fetch(`${server.url}/zv/collect`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '\u0000{',
    });
    expect(bad.status).toBe(400);
    const health = await fetch(`${server.url}/zv/health`);
    expect(await health.json()).toMatchObject({ ok: true });
  });
});

describe('the Node adapter with a handler around the relay', () => {
  /** Each request answered by the relay directly and through a wrapper, side by side. */
  const exchange = async (url: string, init?: RequestInit) => {
    const response = await fetch(url, init);
    const headers = Object.fromEntries(
      [...response.headers].filter(([name]) => !['date', 'keep-alive'].includes(name)),
    );
    return { status: response.status, headers, body: await response.text() };
  };

  it('answers the same, and the wrapper gets a real Request with the body', async () => {
    // Two relays alike, so a beacon is new to each.
    const makeRelay = () =>
      createRelay({ sinks: [{ type: 'memory' }], rateLimit: false, log: () => {} });
    const [relay, wrapped] = [makeRelay(), makeRelay()];
    const seen: { isRequest: boolean; body: string }[] = [];
    const wrapper: RelayHandler = Object.assign(
      async (request: Request, env?: unknown) => {
        seen.push({ isRequest: request instanceof Request, body: await request.clone().text() });
        return wrapped(request, env);
      },
      {
        maxBodyBytes: wrapped.maxBodyBytes,
        bodyTimeoutMs: wrapped.bodyTimeoutMs,
        close: wrapped.close,
      },
    );
    const servers = [createServer(toNodeHandler(relay)), createServer(toNodeHandler(wrapper))];
    const urls = await Promise.all(
      servers.map(
        (server) =>
          new Promise<string>((resolve) =>
            server.listen(0, '127.0.0.1', () => {
              const { port } = server.address() as AddressInfo;
              resolve(`http://127.0.0.1:${port}`);
            }),
          ),
      ),
    );
    try {
      const body = JSON.stringify(beacon(newSid()));
      const cases: [string, RequestInit?][] = [
        ['/zv/health'],
        ['/zv/collect', { method: 'POST', headers: { 'content-type': 'text/plain' }, body }],
        ['/zv/collect', { method: 'OPTIONS', headers: { origin: 'https://elsewhere.example' } }],
        ['/zv/collect', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{' }],
        ['/zv/nothing-here'],
      ];
      for (const [path, init] of cases) {
        const [direct, around] = await Promise.all(urls.map((url) => exchange(url + path, init)));
        expect(around).toEqual(direct);
        expect(direct.headers['content-type']).toBe('application/json; charset=utf-8');
      }
      expect(seen[1]).toEqual({ isRequest: true, body });
      expect(seen).toHaveLength(cases.length);
    } finally {
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    }
  });
});

/**
 * Writes `text` on a raw TCP socket and never more, like a slow or lying client; resolves with
 * what came back and how long until the server closed the connection.
 */
const rawExchange = (url: string, text: string) =>
  new Promise<{ reply: string; ms: number }>((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const started = Date.now();
    let reply = '';
    const socket = connect(Number(port), hostname, () => socket.write(text));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (reply += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve({ reply, ms: Date.now() - started }));
  });

describe('relay server timeouts, each the configured one', () => {
  let server: RelayServer;
  beforeAll(async () => {
    server = await startRelayServer({
      port: 0,
      rateLimit: false,
      bodyTimeoutMs: 300,
      headersTimeoutMs: 500,
    });
  });
  afterAll(async () => server.close());
  const head = (length: number) =>
    `POST /zv/collect HTTP/1.1\r\nHost: relay.test\r\nContent-Type: text/plain\r\nContent-Length: ${length}\r\n\r\n`;

  it('answers a body that stops coming with 408 after bodyTimeoutMs, not 10 s', async () => {
    const { reply, ms } = await rawExchange(server.url, `${head(100)}{"v":1`);
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeLessThan(5000);
  }, 8000);

  it('refuses a Content-Length over the limit with 413 before any body arrives', async () => {
    const { reply } = await rawExchange(server.url, head(10_000_000));
    expect(reply).toMatch(/^HTTP\/1\.1 413/);
    expect(reply).toMatch(/larger than 65536/);
  }, 8000);

  it('closes a connection whose headers never end after headersTimeoutMs, not ~31 s', async () => {
    const { reply, ms } = await rawExchange(
      server.url,
      'POST /zv/collect HTTP/1.1\r\nHost: relay.test\r\n',
    );
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeGreaterThanOrEqual(450);
    expect(ms).toBeLessThan(5000);
  }, 8000);
});

describe('zorgvuldig-relay configuration', () => {
  it('reads ZV_* variables and flags, flags winning', () => {
    const options = readCliOptions(['--port', '9000', '--data-dir=/tmp/x'], {
      ZV_PORT: '8000',
      ZV_ALLOWED_ORIGINS: 'https://a.example, https://b.example',
      ZV_TRUSTED_PROXIES: '10.0.0.0/8',
      ZV_IP_LEVEL: '3',
      ZV_STATS_TOKEN: 's',
      ZV_RATE_LIMIT: 'off',
      ZV_MATOMO_URL: 'https://m.example/matomo.php',
      ZV_MATOMO_SITE_ID: '3',
      ZV_MATOMO_TOKEN: 't',
    });
    expect(options).toMatchObject({
      port: 9000,
      dataDir: '/tmp/x',
      allowedOrigins: ['https://a.example', 'https://b.example'],
      trustedProxies: ['10.0.0.0/8'],
      ipLevel: 3,
      statsToken: 's',
      rateLimit: false,
      sinks: [{ type: 'matomo', url: 'https://m.example/matomo.php', siteId: '3', token: 't' }],
    });
  });

  it('names the variable that is wrong', () => {
    expect(() => readCliOptions([], { ZV_IP_LEVEL: 'two' })).toThrow(/ZV_IP_LEVEL/);
    expect(() => readCliOptions([], { ZV_MATOMO_URL: 'https://m.example' })).toThrow(
      /ZV_MATOMO_SITE_ID/,
    );
  });
});
