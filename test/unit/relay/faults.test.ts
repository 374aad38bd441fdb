/**
 * Faults (issue 8, "The relay"): the ndjson store unwritable, upstream sinks that hang or time
 * out, and a restart after a crash mid-write. Each time the relay must answer fast, keep its
 * queue bounded, count and log drops without personal data, and recover what it promised.
 */
import {
  appendFileSync,
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRelay } from '../../../src/relay/createRelay';
import { startRelayServer } from '../../../src/relay/startRelayServer';
import type { RelayHandler, StoredRecord } from '../../../src/relay/types';
import { beacon, hit, newSid, post } from './support/defineRelaySuite';

/**
 * Longest a response may take while a sink is down (ms): generous for a shared machine, and
 * well under the upstream timeout below, so a relay that waited for the upstream would miss it.
 */
const FAST_MS = 500;
/** Upstream request time limit in these tests (ms). */
const UPSTREAM_TIMEOUT_MS = 1500;
/** The client address of every request; neither it nor its truncation may reach a log. */
const PEER = '192.0.2.123';
/** Words of the beacon URLs and GA hits that must never reach a log. */
const PERSONAL = [
  /192\.0\./,
  /site\.example/,
  /thuiszorg/,
  /jan@example/,
  /1234567890/,
  /token_auth/,
];

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'zv-faults-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) {
    chmodSync(dir, 0o700);
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Sends `request` and measures how long the answer took. */
const timed = async (relay: RelayHandler, request: Request) => {
  const start = performance.now();
  const response = await relay(request, { clientAddress: PEER });
  return { response, ms: performance.now() - start };
};

const health = async (relay: RelayHandler) =>
  (await (await relay(new Request('https://site.example/zv/health'))).json()) as {
    counters: Record<string, number>;
    sinks: Record<string, Record<string, number>>;
  };

/** Every whole record in the ndjson files of `dir` (a line that does not parse fails the test). */
const storedIn = (dir: string): StoredRecord[] =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.ndjson'))
    .flatMap((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      expect(text.endsWith('\n')).toBe(true);
      return text
        .slice(0, -1)
        .split('\n')
        .map((line) => JSON.parse(line) as StoredRecord);
    });

/**
 * A store directory the relay cannot write, and how to make it writable again. A read-only
 * directory where that works; as root (these tests run as root here) permission bits do not
 * stop writes, so then a path under a regular file, which no one can create.
 */
const unwritableStore = (root: string) => {
  const dir = join(root, 'store');
  mkdirSync(dir);
  chmodSync(dir, 0o500);
  try {
    writeFileSync(join(dir, 'probe'), '');
  } catch {
    return { dir, how: 'read-only directory', restore: () => chmodSync(dir, 0o700) };
  }
  rmSync(join(dir, 'probe'));
  chmodSync(dir, 0o700);
  const blocker = join(root, 'blocker');
  writeFileSync(blocker, '');
  return { dir: join(blocker, 'store'), how: 'path under a file', restore: () => rmSync(blocker) };
};

describe('relay with the ndjson store unwritable', () => {
  it('answers 503 fast with Retry-After, acknowledges nothing, and stores again once it can', async () => {
    const store = unwritableStore(tempDir());
    const logged: string[] = [];
    const relay = createRelay({
      sinks: [{ type: 'ndjson', dir: store.dir }],
      log: (m) => logged.push(m),
    });
    const refused: string[] = [];
    for (let i = 0; i < 20; i++) {
      const sid = newSid();
      refused.push(sid);
      const { response, ms } = await timed(relay, post('/collect', beacon(sid, [hit(), hit()])));
      expect(response.status, store.how).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(await response.json()).not.toHaveProperty('stored');
      expect(ms).toBeLessThan(FAST_MS);
    }
    expect((await health(relay)).counters).toMatchObject({
      accepted: 0,
      stored: 0,
      storeFailures: 20,
    });
    expect(logged.length).toBeGreaterThan(0);
    for (const word of [...PERSONAL, ...refused]) expect(logged.join('\n')).not.toMatch(word);

    store.restore();
    const sid = newSid();
    const { response } = await timed(relay, post('/collect', beacon(sid, [hit(), hit()])));
    expect(response.status, `after the ${store.how} became usable`).toBe(202);
    expect(await response.json()).toEqual({ ok: true, stored: 2 });
    const stored = storedIn(store.dir);
    expect(stored.map((r) => r.sid)).toEqual([sid, sid]);
    expect(stored.every((r) => r.ip === '192.0.0.0')).toBe(true);
  });
});

/**
 * A fake `fetch` for every upstream: while `down`, requests hang until their time limit aborts
 * them (as a dead host does); once up, it answers 204 and keeps what it received.
 */
const createUpstream = () => {
  const state = { down: true, hanging: 0, received: [] as { url: string; body: string }[] };
  const fetcher = ((input: RequestInfo | URL, init: RequestInit = {}) => {
    if (!state.down) {
      state.received.push({ url: String(input), body: String(init.body ?? '') });
      return Promise.resolve(new Response(null, { status: 204 }));
    }
    state.hanging++;
    return new Promise<Response>((_, reject) => {
      init.signal?.addEventListener(
        'abort',
        () => {
          state.hanging--;
          reject(init.signal?.reason);
        },
        { once: true },
      );
    });
  }) as typeof fetch;
  return { state, fetcher };
};

const UPSTREAMS = ['matomo', 'plausible', 'ga4'] as const;

const upstreamRelay = (
  fetcher: typeof fetch,
  log: (m: string) => void,
  queue: { maxQueue: number; retries: number; backoffMs: number; timeoutMs: number },
) =>
  createRelay({
    fetch: fetcher,
    log,
    sinks: [
      { type: 'memory' },
      { type: 'matomo', url: 'http://matomo.test/matomo.php', siteId: 7, token: 'mt', ...queue },
      { type: 'plausible', url: 'http://plausible.test', domain: 'zorg.test', ...queue },
      { type: 'ga4', endpoint: 'http://ga.test/g/collect', ...queue },
    ],
  });

/** A consented GA4 hit from gtag, page `i`. */
const gaHit = (i: number) =>
  new Request(
    `https://site.example/zv/g/collect?v=2&tid=G-TEST123&gcs=G111&cid=1234567890.17000${i}` +
      `&en=page_view&dl=${encodeURIComponent(`https://site.example/zorg/thuiszorg-${i}?email=jan@example.nl`)}`,
    { method: 'POST', headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0' } },
  );

/** A beacon with one page view of page `i` (Matomo and Plausible get one request each). */
const pageBeacon = (i: number) =>
  post(
    '/collect',
    beacon(newSid(), [hit({ url: `https://site.example/zorg/thuiszorg-${i}?utm_source=news` })]),
  );

describe('relay with upstream sinks hanging', () => {
  it('answers fast, keeps the queue bounded, counts drops, and delivers the queue on recovery', async () => {
    const { state, fetcher } = createUpstream();
    const logged: string[] = [];
    const maxQueue = 4;
    const relay = upstreamRelay(fetcher, (m) => logged.push(m), {
      maxQueue,
      retries: 8,
      backoffMs: 50,
      timeoutMs: UPSTREAM_TIMEOUT_MS,
    });
    const sent = 10;
    for (let i = 0; i < sent; i++) {
      const page = await timed(relay, pageBeacon(i));
      expect(page.response.status).toBe(202);
      expect(page.ms).toBeLessThan(FAST_MS);
      const ga = await timed(relay, gaHit(i));
      expect(ga.response.status).toBe(204);
      expect(ga.ms).toBeLessThan(FAST_MS);
    }
    // The answers came while every queued request was still hanging upstream.
    expect(state.hanging).toBe(maxQueue * UPSTREAMS.length);
    const down = await health(relay);
    for (const name of UPSTREAMS) {
      expect(down.sinks[name], name).toEqual({
        queued: maxQueue,
        delivered: 0,
        retried: 0,
        dropped: sent - maxQueue,
      });
    }
    const drops = logged.filter((m) => m.includes('dropped'));
    expect(drops).toHaveLength(UPSTREAMS.length * (sent - maxQueue));
    for (const name of UPSTREAMS) {
      expect(drops.some((m) => m.includes(`${name} dropped a request (queue full)`))).toBe(true);
    }

    // Let the first attempts time out and be retried, then bring the upstream back.
    await vi.waitFor(
      async () => {
        const sinks = (await health(relay)).sinks;
        for (const name of UPSTREAMS) expect(sinks[name].retried).toBeGreaterThan(0);
      },
      { timeout: UPSTREAM_TIMEOUT_MS * 4, interval: 50 },
    );
    state.down = false;
    await vi.waitFor(
      async () => {
        const sinks = (await health(relay)).sinks;
        for (const name of UPSTREAMS) expect(sinks[name], name).toMatchObject({ queued: 0 });
      },
      { timeout: UPSTREAM_TIMEOUT_MS * 6, interval: 50 },
    );
    const up = await health(relay);
    for (const name of UPSTREAMS) {
      expect(up.sinks[name], name).toMatchObject({ delivered: maxQueue, dropped: sent - maxQueue });
    }
    // What arrives is what was queued first: pages 0 … maxQueue-1 at each upstream.
    const pages = (host: string) =>
      state.received
        .filter((r) => r.url.includes(host))
        .map((r) => /thuiszorg-(\d+)/.exec(decodeURIComponent(r.url + r.body))?.[1])
        .sort();
    const first = Array.from({ length: maxQueue }, (_, i) => String(i));
    expect(pages('matomo.test')).toEqual(first);
    expect(pages('plausible.test')).toEqual(first);
    expect(pages('ga.test')).toEqual(first);
    // Nothing personal reached the log, and nothing more than truncated data went upstream.
    for (const word of PERSONAL) expect(logged.join('\n')).not.toMatch(word);
    expect(JSON.stringify(state.received)).not.toMatch(/192\.0\.2\.123|jan@example|jan%40/);
  }, 30_000);

  it('gives a request up after its retries, counts and logs it, and frees its place', async () => {
    const { state, fetcher } = createUpstream();
    const logged: string[] = [];
    const relay = upstreamRelay(fetcher, (m) => logged.push(m), {
      maxQueue: 2,
      retries: 2,
      backoffMs: 10,
      timeoutMs: 50,
    });
    for (let i = 0; i < 2; i++) {
      expect((await timed(relay, pageBeacon(i))).response.status).toBe(202);
      expect((await timed(relay, gaHit(i))).response.status).toBe(204);
    }
    await vi.waitFor(
      async () => {
        const sinks = (await health(relay)).sinks;
        for (const name of UPSTREAMS) {
          expect(sinks[name], name).toEqual({ queued: 0, delivered: 0, retried: 2, dropped: 2 });
        }
      },
      { timeout: 5000, interval: 25 },
    );
    for (const name of UPSTREAMS) {
      expect(
        logged.filter((m) => m.includes(`${name} dropped a request (no success after 2 attempts)`)),
      ).toHaveLength(2);
    }
    for (const word of PERSONAL) expect(logged.join('\n')).not.toMatch(word);

    // The queue has room again: once the upstream answers, new requests are delivered.
    state.down = false;
    expect((await timed(relay, pageBeacon(9))).response.status).toBe(202);
    expect((await timed(relay, gaHit(9))).response.status).toBe(204);
    await vi.waitFor(async () => {
      const sinks = (await health(relay)).sinks;
      for (const name of UPSTREAMS) expect(sinks[name], name).toMatchObject({ delivered: 1 });
    });
    expect(state.received).toHaveLength(UPSTREAMS.length);
  }, 15_000);
});

describe('relay restarted after a crash mid-write', () => {
  it('cuts the half line the crash left, so the file holds only whole records', async () => {
    const dir = tempDir();
    // One clock for both instances, so both write the same day file whatever the time is.
    const now = () => Date.parse('2025-03-02T12:00:00Z');
    const postTo = async (url: string, sid: string) =>
      fetch(`${url}/zv/collect`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify(beacon(sid, [hit(), hit({ type: 'vitals', timing: { lcp: 900 } })])),
      });

    const before = newSid();
    const first = await startRelayServer({
      port: 0,
      sinks: [{ type: 'ndjson', dir }],
      now,
      log: () => {},
    });
    expect((await postTo(first.url, before)).status).toBe(202);
    await first.close();
    // The crash: the process died while appending the next record.
    const file = join(dir, '2025-03-02.ndjson');
    appendFileSync(file, '{"received":"2025-03-02T12:00:00.000Z","ip":"127.0.0.0","sid":"half');

    const after = newSid();
    const second = await startRelayServer({
      port: 0,
      sinks: [{ type: 'ndjson', dir }],
      now,
      log: () => {},
    });
    try {
      expect((await postTo(second.url, after)).status).toBe(202);
    } finally {
      await second.close();
    }
    expect(readdirSync(dir)).toEqual(['2025-03-02.ndjson']);
    expect(storedIn(dir).map((r) => r.sid)).toEqual([before, before, after, after]);
  });
});
