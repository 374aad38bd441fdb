// Load test of the relay on loopback: the relay server (dist/relay.mjs, its SQLite store or the
// NDJSON log in a temp dir) runs in a child process, this process drives it over keep-alive
// connections.
// Usage: npm run build && node bench/relay.bench.mjs [--sink sqlite|ndjson|postgres] [--count 50000]
//   [--seconds 10] [--concurrency 32]
// One million beacons, for the RSS curve: --count 1000000 --seconds 900 [--rss-every 100000].
// Profile the relay: --cpu-prof <dir> (node --cpu-prof on the relay process).
// Open loop: --rate 5000 sends 5,000 beacons a second whatever the answers (latency counted
// from when each was due), where the default keeps --concurrency beacons in flight; a relay
// that cannot keep up shows it as a lower rate and a p99 that grows with the run.
// Prints one JSON object: beacons/s, latency p50/p99 in ms, the server's RSS over time (every
// 0.5 s, and every --rss-every beacons, default a tenth of --count), and the check that every
// acknowledged beacon (202) is in the store, by its body id (nothing acknowledged may be lost);
// then the RSS curve as a Markdown table on stderr.
import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startPostgres } from '../scripts/startPostgres.mjs';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '50000' },
    seconds: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '32' },
    // Open loop: beacons sent at this rate per second whatever the answers, as visitors do.
    rate: { type: 'string' },
    'rss-every': { type: 'string' },
    sink: { type: 'string', default: 'sqlite' },
    url: { type: 'string' },
    child: { type: 'boolean', default: false },
    dir: { type: 'string' },
    // Writes a CPU profile of the relay process (node --cpu-prof) into this directory.
    'cpu-prof': { type: 'string' },
  },
});

const entry = fileURLToPath(new URL('../dist/relay.mjs', import.meta.url));

/** Records in the NDJSON files of `dir`. */
const storedLines = (dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.ndjson'))
    .reduce(
      (sum, name) => sum + readFileSync(join(dir, name), 'utf8').split('\n').filter(Boolean).length,
      0,
    );

/** Rows in the SQLite store of `dir` (hits and receipts). */
const storedRows = async (dir) => {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(join(dir, 'zorgvuldig.sqlite'), { readonly: true });
  try {
    return db
      .prepare('SELECT (SELECT COUNT(*) FROM hits) + (SELECT COUNT(*) FROM receipts) AS n')
      .get().n;
  } finally {
    db.close();
  }
};

/** Body ids stored in the SQLite store of `dir`, one at a time. */
async function* sqliteBids(dir) {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(join(dir, 'zorgvuldig.sqlite'), { readonly: true });
  try {
    yield* db.prepare('SELECT bid FROM hits').pluck().iterate();
  } finally {
    db.close();
  }
}

/** Body ids stored in the PostgreSQL store at `url`, in pages (a million rows fit no buffer). */
async function* postgresBids(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let after = '';
    for (;;) {
      const { rows } = await client.query(
        'SELECT bid FROM hits WHERE bid > $1 ORDER BY bid LIMIT 50000',
        [after],
      );
      if (!rows.length) return;
      for (const row of rows) yield row.bid;
      after = rows[rows.length - 1].bid;
    }
  } finally {
    await client.end();
  }
}

/** Body ids in the NDJSON files of `dir`. */
function* ndjsonBids(dir) {
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.ndjson'))) {
    for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
      if (line) yield JSON.parse(line).bid;
    }
  }
}

if (args.child) {
  // The server side: one process, so one core does the relay's work.
  const { startRelayServer } = await import(entry);
  const server = await startRelayServer({
    port: 0,
    // The data dir gives the SQLite store; the NDJSON log alone is the store of before.
    ...(args.sink === 'ndjson'
      ? { sinks: [{ type: 'ndjson', dir: args.dir }] }
      : args.sink === 'postgres'
        ? { sinks: [{ type: 'postgres', url: args.url }] }
        : { dataDir: args.dir }),
    rateLimit: false,
    log: () => {},
  });
  process.send({ ready: server.url });
  process.on('message', (message) => {
    if (message === 'rss') process.send({ rss: process.memoryUsage().rss });
    if (message === 'cpu') process.send({ cpu: process.cpuUsage() });
    if (message === 'stop') server.close().then(() => process.exit(0));
  });
} else {
  if (!existsSync(entry)) {
    console.error('bench: dist/relay.mjs is missing: run npm run build first');
    process.exit(1);
  }
  const count = Number(args.count);
  const deadline = Date.now() + Number(args.seconds) * 1000;
  const concurrency = Number(args.concurrency);
  const dir = mkdtempSync(join(tmpdir(), 'zv-bench-'));
  if (!['sqlite', 'ndjson', 'postgres'].includes(args.sink)) {
    console.error('bench: --sink is sqlite, ndjson or postgres');
    process.exit(1);
  }
  // PostgreSQL: a throwaway server on loopback with fsync and synchronous commit on, as in
  // production (its own processes share the machine's cores with the relay and this driver).
  const postgres = args.sink === 'postgres' ? await startPostgres({ durable: true }) : null;
  const postgresUrl = postgres ? await postgres.createDatabase('bench') : undefined;
  const child = fork(
    fileURLToPath(import.meta.url),
    ['--child', '--dir', dir, '--sink', args.sink, ...(postgresUrl ? ['--url', postgresUrl] : [])],
    args['cpu-prof'] ? { execArgv: ['--cpu-prof', '--cpu-prof-dir', args['cpu-prof']] } : {},
  );
  const url = await new Promise((resolve) => child.once('message', (m) => resolve(m.ready)));
  const { hostname, port } = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });

  const body = (i) =>
    JSON.stringify({
      v: 1,
      sid: `bench${String(i).padStart(17, '0')}`,
      bid: `body${String(i).padStart(18, '0')}`,
      hits: [
        {
          type: 'pageview',
          time: new Date().toISOString(),
          url: `https://site.example/zorg/pagina-${i % 200}?utm_source=bench`,
          prev: `/zorg/pagina-${(i + 1) % 200}`,
          ua: { browser: 'Firefox', version: 128, os: 'Windows', device: 'desktop' },
          lang: 'nl',
          status: 200,
          timing: { ttfb: 80, load: 900 },
        },
      ],
    });

  const send = (i, start = process.hrtime.bigint()) =>
    new Promise((resolve) => {
      const payload = body(i);
      const req = request(
        {
          agent,
          hostname,
          port,
          path: '/zv/collect',
          method: 'POST',
          headers: { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(payload) },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - start) / 1e6 }),
          );
        },
      );
      req.on('error', () =>
        resolve({ status: 0, ms: Number(process.hrtime.bigint() - start) / 1e6 }),
      );
      req.end(payload);
    });

  // Asks the relay process for one figure; answers are told apart by their key, since RSS
  // samples and CPU readings may be on their way at the same time.
  const ask = (what) =>
    new Promise((resolve) => {
      const listener = (m) => {
        if (!(what in m)) return;
        child.off('message', listener);
        resolve(m[what]);
      };
      child.on('message', listener);
      child.send(what);
    });
  // The relay's own CPU time: beacons per CPU second is what one core free for it would carry,
  // a figure that other work on a busy machine moves far less than the wall-clock rate.
  const serverCpu = () => ask('cpu').then(({ user, system }) => user + system);
  const rss = [];
  const sampleRss = () => ask('rss');
  const sampler = setInterval(async () => rss.push(Math.round((await sampleRss()) / 1048576)), 500);

  const latencies = [];
  const statuses = {};
  // Beacon i is acknowledged (202): it must be in the store afterwards.
  const acknowledged = new Uint8Array(count);
  // RSS at every tenth of the beacons (for --count 1000000: every 100,000), with the seconds
  // since the start: the rate of each stretch shows whether appends slow as the store grows.
  const rssByBeacons = [];
  const step = Math.max(1, Number(args['rss-every'] ?? Math.floor(count / 10)));
  let next = 0;
  const serverCpuBefore = await serverCpu();
  const started = Date.now();
  const clientCpu = process.cpuUsage();
  const worker = async () => {
    while (next < count && Date.now() < deadline) {
      const i = next++;
      const { status, ms } = await send(i);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status === 202) acknowledged[i] = 1;
      latencies.push(ms);
      if (latencies.length % step === 0) {
        const beacons = latencies.length;
        const seconds = (Date.now() - started) / 1000;
        sampleRss().then((bytes) =>
          rssByBeacons.push([beacons, Math.round(bytes / 1048576), seconds]),
        );
      }
    }
  };
  /**
   * The open loop: beacon i is due at i / rate seconds, and is sent then, however many are
   * still waiting for an answer. Its latency counts from when it was due, so a relay that falls
   * behind shows it in the p99 (no coordinated omission), and the rate it reached says whether
   * it kept up.
   */
  const openLoop = async (rate) => {
    const due0 = process.hrtime.bigint();
    const sending = [];
    while (next < count && Date.now() < deadline) {
      const elapsedNs = Number(process.hrtime.bigint() - due0);
      const dueNow = Math.min(count, Math.floor((elapsedNs / 1e9) * rate) + 1);
      while (next < dueNow) {
        const i = next++;
        const due = due0 + BigInt(Math.round((i / rate) * 1e9));
        sending.push(
          send(i, due).then(({ status, ms }) => {
            statuses[status] = (statuses[status] ?? 0) + 1;
            if (status === 202) acknowledged[i] = 1;
            latencies.push(ms);
          }),
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await Promise.all(sending);
  };
  if (args.rate) await openLoop(Number(args.rate));
  else await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (Date.now() - started) / 1000;
  const { user, system } = process.cpuUsage(clientCpu);
  clearInterval(sampler);
  const serverCpuSeconds = ((await serverCpu()) - serverCpuBefore) / 1e6;
  rss.push(Math.round((await sampleRss()) / 1048576));
  child.send('stop');
  await new Promise((resolve) => child.once('exit', resolve));
  agent.destroy();

  // Every acknowledged beacon, by its body id (`body<i>`), must be in the store.
  const bids =
    args.sink === 'sqlite'
      ? sqliteBids(dir)
      : args.sink === 'postgres'
        ? postgresBids(postgresUrl)
        : ndjsonBids(dir);
  for await (const bid of bids) {
    const i = Number(String(bid).slice('body'.length));
    if (acknowledged[i] === 1) acknowledged[i] = 2;
  }
  const lostAcknowledged = acknowledged.reduce((lost, state) => lost + (state === 1 ? 1 : 0), 0);
  const stored =
    args.sink === 'sqlite'
      ? await storedRows(dir)
      : postgres
        ? Number(
            postgres.psql(
              'SELECT (SELECT COUNT(*) FROM hits) + (SELECT COUNT(*) FROM receipts)',
              'bench',
            ),
          )
        : storedLines(dir);
  postgres?.destroy();
  rmSync(dir, { recursive: true, force: true });
  latencies.sort((a, b) => a - b);
  const pick = (p) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] * 100) /
    100;
  const accepted = statuses[202] ?? 0;
  console.log(
    JSON.stringify(
      {
        command: `node bench/relay.bench.mjs --sink ${args.sink} --count ${count} --seconds ${args.seconds} ${args.rate ? `--rate ${args.rate}` : `--concurrency ${concurrency}`}`,
        ...(args.rate ? { offeredPerSecond: Number(args.rate) } : {}),
        node: process.version,
        cpus: cpus().length,
        // Other work on the machine skews the figures: the load average says how much there was.
        loadAverage: loadavg().map((n) => Math.round(n * 10) / 10),
        beacons: latencies.length,
        seconds: elapsed,
        beaconsPerSecond: Math.round(latencies.length / elapsed),
        latencyMs: { p50: pick(0.5), p99: pick(0.99), max: pick(1) },
        serverCpuSeconds: Math.round(serverCpuSeconds * 10) / 10,
        beaconsPerServerCpuSecond: Math.round(latencies.length / serverCpuSeconds),
        statuses,
        // Share of one core this client used: well below 100 %, it is not the bottleneck.
        clientCpuPercent: Math.round((user + system) / 1e4 / elapsed),
        sink: args.sink,
        stored,
        acknowledged: accepted,
        // Acknowledged beacons whose body id is not in the store.
        lostAcknowledged,
        serverRssMb: rss,
        serverRssMbByBeacons: rssByBeacons.sort((a, b) => a[0] - b[0]),
        targets: { beaconsPerSecond: 5000, p99Ms: 20 },
      },
      null,
      2,
    ),
  );
  // The RSS curve as a table (stderr, so stdout stays one JSON object).
  console.error(
    [
      `RSS of the relay process and the rate since the row before, every ${step.toLocaleString('en')} beacons (${args.sink}):`,
      '',
      '| Beacons | RSS (MB) | Beacons/s |',
      '| ---: | ---: | ---: |',
      ...rssByBeacons.map(([beacons, mb, seconds], row) => {
        const [before, , then] = rssByBeacons[row - 1] ?? [0, 0, 0];
        const rate = Math.round((beacons - before) / (seconds - then));
        return `| ${beacons.toLocaleString('en')} | ${mb} | ${rate.toLocaleString('en')} |`;
      }),
    ].join('\n'),
  );
}
