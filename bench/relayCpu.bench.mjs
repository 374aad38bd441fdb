// CPU time per beacon of the relay's write path, in this process (no HTTP): `createRelay` with
// the SQLite store, `--beacons` beacons of one page view each, `--concurrency` at a time, after
// a warm-up. CPU time, unlike beacons per second, hardly moves when other processes share the
// cores, so two builds can be compared on a busy machine.
// Usage: npm run build && node bench/relayCpu.bench.mjs [--beacons 30000] [--concurrency 32]
//   [--dist dist] (another build's directory, to compare it with this one)
// Prints one JSON object: CPU µs per beacon, beacons per second, and the sink's batches.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    beacons: { type: 'string', default: '30000' },
    concurrency: { type: 'string', default: '32' },
    dist: { type: 'string', default: new URL('../dist', import.meta.url).pathname },
  },
});
const total = Number(args.beacons);
const concurrency = Number(args.concurrency);
const dist = resolve(args.dist);
const { createRelay } = await import(pathToFileURL(join(dist, 'relay.mjs')).href);

const dir = mkdtempSync(join(tmpdir(), 'zv-relay-cpu-'));
const relay = createRelay({
  rateLimit: false,
  log: () => {},
  sinks: [{ type: 'sqlite', file: join(dir, 'zorgvuldig.sqlite') }],
});
let n = 0;
const body = () => {
  n++;
  return JSON.stringify({
    v: 1,
    sid: `sid${String(n).padStart(9, '0')}abcdefghij`.slice(0, 22),
    id: `body${n}`,
    hits: [
      {
        type: 'pageview',
        time: new Date().toISOString(),
        url: `https://site.example/p${n % 50}`,
        lang: 'nl',
      },
    ],
  });
};
const send = () =>
  relay(
    new Request('http://127.0.0.1/zv/collect', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: body(),
    }),
    { clientAddress: '192.0.2.1' },
  );

try {
  await Promise.all(Array.from({ length: 500 }, send)); // warm-up: opened, migrated, compiled
  let sent = 0;
  let refused = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (sent < total) {
        sent++;
        if ((await send()).status !== 202) refused++;
      }
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  const seconds = (performance.now() - started) / 1000;
  const health = await (await relay(new Request('http://127.0.0.1/zv/health'))).json();
  console.log(
    JSON.stringify({
      command: `node bench/relayCpu.bench.mjs --beacons ${total} --concurrency ${concurrency}`,
      dist,
      beacons: total,
      refused,
      cpuMicrosecondsPerBeacon: Math.round((cpu.user + cpu.system) / total),
      beaconsPerSecond: Math.round(total / seconds),
      batches: health.sinks.sqlite.batches,
    }),
  );
} finally {
  await relay.close();
  rmSync(dir, { recursive: true, force: true });
}
