/**
 * Load on loopback (issue 8, "The relay"): the real Node relay with the NDJSON log takes a
 * steady stream of beacons for a few seconds while 1,000 connections open at once and post one
 * beacon each. Nothing may fail beyond 429s, nothing acknowledged may be missing from the files,
 * no full client IP may reach them, and memory must come back down.
 *
 * The rate limit keeps its defaults (60 burst, 10/s per truncated IP). At level 2 one bucket is a
 * whole /16, so the steady stream comes from 200 loopback addresses in 200 different /16s
 * (127.10.0.1 … 127.209.0.1; Linux routes all of 127/8 to lo), each well under 10/s, as many
 * visitors would. The 1,000 connections come from one address (127.1.0.1): one bucket, so most
 * of them must get 429 with Retry-After, and those must store nothing.
 *
 * Throughput and latency are printed, never asserted: this machine is shared.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectBody, Hit } from '../../../src/protocol/types';
import { startRelayServer, type RelayServer } from '../../../src/relay/startRelayServer';
import type { StoredRecord } from '../../../src/relay/types';
import { postBeacon, type PostOutcome } from './support/postBeacon';

/** How long the steady stream runs, in ms. */
const SUSTAINED_MS = 8000;
/** Beacons per second the steady stream offers (override with ZV_LOAD_RATE). */
const RATE = Number(process.env.ZV_LOAD_RATE ?? 1000);
/** The stream is paced in ticks of this many ms. */
const TICK_MS = 20;
/** Requests of the steady stream in flight at most; beyond it a tick's beacons are skipped. */
const MAX_IN_FLIGHT = 64;
/** Loopback addresses of the steady stream, one per /16. */
const SOURCES = 200;
/** Connections opened at once, one beacon each. */
const BURST = 1000;
/** When the burst starts, in ms after the steady stream. */
const BURST_AT_MS = 2500;
/** Address of the burst: a single /16, so a single rate-limit bucket. */
const BURST_SOURCE = '127.1.0.1';
/** Retained heap may grow this much over the run (bytes) before we call it unbounded. */
const HEAP_GROWTH_LIMIT = 50 * 1024 * 1024;
/** Resident memory of the whole process may grow this much (bytes) at its peak. */
const RSS_GROWTH_LIMIT = 150 * 1024 * 1024;
const MB = 1024 * 1024;

const sourceOf = (i: number) => `127.${10 + (i % SOURCES)}.0.1`;

/** Forces a full collection, so heap figures show what is retained, not what is garbage yet. */
const collectGarbage = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();
const retainedHeap = () => {
  collectGarbage();
  return process.memoryUsage().heapUsed;
};

const HIT_TYPES: Hit['type'][] = ['pageview', 'event', 'vitals'];

/** Beacon `i` of a stream: 1–3 hits, a pseudonym of its own (16–64 base64url characters). */
const beaconOf = (tag: string, i: number): CollectBody => ({
  v: 1,
  sid: `${tag}${String(i).padStart(10, '0')}-zv-load`,
  hits: Array.from({ length: 1 + (i % 3) }, (_, h) => ({
    type: HIT_TYPES[h],
    time: new Date().toISOString(),
    url: `https://site.example/zorg/pagina-${i % 50}?utm_source=load&email=jan@example.nl`,
    prev: `/zorg/pagina-${(i + 1) % 50}`,
    ua: { browser: 'Firefox', version: 128, os: 'Windows', device: 'desktop' },
    lang: 'nl',
    ...(h === 1 ? { name: 'klik', props: { knop: 'bel ons' } } : {}),
    ...(h === 2 ? { timing: { lcp: 900, cls: 0.01 } } : {}),
  })),
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const percentile = (sorted: number[], p: number) =>
  Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] * 10) / 10;

describe('relay under load on loopback', () => {
  let server: RelayServer;
  let dir: string;
  const logged: string[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zv-load-'));
    server = await startRelayServer({
      port: 0,
      sinks: [{ type: 'ndjson', dir }],
      log: (m) => logged.push(m),
    });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers only 2xx or 429, stores every acknowledged hit, keeps IPs out and memory flat', async () => {
    const url = new URL(`${server.url}/zv/collect`);
    const steadyAgent = new Agent({ keepAlive: true, maxSockets: MAX_IN_FLIGHT });
    const burstAgent = new Agent({ keepAlive: false, maxSockets: BURST });
    /** sid → hits the relay acknowledged (`stored: n` of a 2xx answer). */
    const acknowledged = new Map<string, number>();
    const outcomes: { steady: PostOutcome[]; burst: PostOutcome[] } = { steady: [], burst: [] };

    const send = async (
      kind: 'steady' | 'burst',
      body: CollectBody,
      agent: Agent,
      from: string,
    ) => {
      const outcome = await postBeacon(url, JSON.stringify(body), agent, from);
      outcomes[kind].push(outcome);
      if (outcome.status >= 200 && outcome.status < 300) {
        acknowledged.set(body.sid, (JSON.parse(outcome.body) as { stored: number }).stored);
      }
    };

    const heapBefore = retainedHeap();
    const rssBefore = process.memoryUsage().rss;
    const rss: number[] = [];
    const sampler = setInterval(() => rss.push(process.memoryUsage().rss), 250);

    let inFlight = 0;
    let skipped = 0;
    const steady = async () => {
      const tasks: Promise<void>[] = [];
      const perTick = Math.max(1, Math.round((RATE * TICK_MS) / 1000));
      const start = performance.now();
      let due = start;
      for (let i = 0; performance.now() - start < SUSTAINED_MS;) {
        for (let k = 0; k < perTick; k++, i++) {
          if (inFlight >= MAX_IN_FLIGHT) {
            skipped++;
            continue;
          }
          inFlight++;
          tasks.push(
            send('steady', beaconOf('sus', i), steadyAgent, sourceOf(i)).finally(() => inFlight--),
          );
        }
        due += TICK_MS;
        await sleep(Math.max(0, due - performance.now()));
      }
      await Promise.all(tasks);
    };
    const burst = async () => {
      await sleep(BURST_AT_MS);
      await Promise.all(
        Array.from({ length: BURST }, (_, i) =>
          send('burst', beaconOf('bur', i), burstAgent, BURST_SOURCE),
        ),
      );
    };

    const started = performance.now();
    await Promise.all([steady(), burst()]);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const heapAfter = retainedHeap();
    steadyAgent.destroy();
    burstAgent.destroy();

    const all = [...outcomes.steady, ...outcomes.burst];
    const statuses: Record<string, number> = {};
    for (const { status, error } of all) {
      const key = error ? `error ${error}` : String(status);
      statuses[key] = (statuses[key] ?? 0) + 1;
    }
    const latencies = outcomes.steady.map((o) => o.ms).sort((a, b) => a - b);
    const burstLatencies = outcomes.burst.map((o) => o.ms).sort((a, b) => a - b);
    // The figures for the report; not assertions.
    console.log(
      JSON.stringify({
        offeredRate: RATE,
        steadyBeacons: outcomes.steady.length,
        steadyBeaconsPerSecond: Math.round(outcomes.steady.length / (SUSTAINED_MS / 1000)),
        skippedAtInFlightCap: skipped,
        steadyLatencyMs: { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) },
        burstLatencyMs: {
          p50: percentile(burstLatencies, 0.5),
          p99: percentile(burstLatencies, 0.99),
        },
        statuses,
        seconds: Math.round(seconds * 10) / 10,
        heapMb: { before: heapBefore / MB, after: heapAfter / MB },
        rssMb: { before: rssBefore / MB, peak: Math.max(...rss) / MB },
      }),
    );

    // Every answer is a 2xx or a 429; no socket errors, no 5xx.
    expect(all).toHaveLength(outcomes.steady.length + BURST);
    expect(all.filter((o) => o.status !== 202 && o.status !== 429)).toEqual([]);
    // The steady stream stays within its buckets; the burst runs into its single bucket.
    expect(outcomes.steady.filter((o) => o.status === 429)).toHaveLength(0);
    const limited = outcomes.burst.filter((o) => o.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    for (const { retryAfter } of limited) expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);

    // Every acknowledged hit is in the files, as a whole line, and nothing else is.
    const files = readdirSync(dir).filter((name) => name.endsWith('.ndjson'));
    const text = files.map((name) => readFileSync(join(dir, name), 'utf8')).join('');
    expect(text.endsWith('\n')).toBe(true);
    const records = text
      .slice(0, -1)
      .split('\n')
      .map((line) => JSON.parse(line) as StoredRecord);
    const storedPerSid = new Map<string, number>();
    for (const record of records) {
      storedPerSid.set(record.sid!, (storedPerSid.get(record.sid!) ?? 0) + 1);
    }
    const ackedHits = [...acknowledged.values()].reduce((sum, n) => sum + n, 0);
    expect(records).toHaveLength(ackedHits);
    const lost = [...acknowledged].filter(([sid, n]) => storedPerSid.get(sid) !== n);
    expect(lost).toEqual([]);
    expect([...storedPerSid.keys()].filter((sid) => !acknowledged.has(sid))).toEqual([]);

    // Only truncated addresses: 127.N.0.0, never the 127.N.0.1 a socket came from.
    expect(records.filter((r) => !/^127\.\d+\.0\.0$/.test(r.ip ?? ''))).toEqual([]);
    expect(text).not.toMatch(/127\.\d+\.0\.1\b/);
    expect(text).not.toContain('jan@example.nl');
    expect(logged.join('\n')).not.toMatch(/127\.\d+\.0\.1\b/);

    // Memory: what the relay retains after ~10,000 requests is about what it held before.
    expect(heapAfter - heapBefore).toBeLessThan(HEAP_GROWTH_LIMIT);
    expect(Math.max(...rss) - rssBefore).toBeLessThan(RSS_GROWTH_LIMIT);
  }, 45_000);
});
