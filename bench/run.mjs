#!/usr/bin/env node
// `npm run bench`: zorgvuldig beside its peers in real Chromium, all on 127.0.0.1, then the
// micro-benchmarks; prints a Markdown report, writes it into README.md between
// <!-- bench:start --> and <!-- bench:end -->, and the raw per-run figures into bench/results.json.
//   node bench/run.mjs [--quick] [--runs 15] [--rates 1,4] [--only id,id] [--no-micro] [--no-write]
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { bundleForBrowser } from './lib/bundleForBrowser.mjs';
import { chromiumArgs, chromiumExecutable } from './lib/chromium.mjs';
import { measurePage, seedDecision } from './lib/measurePage.mjs';
import { runMicroBenchmarks } from './lib/micro.mjs';
import { writeReport } from './lib/report.mjs';
import { startServer } from './lib/server.mjs';
import { transferSizes } from './lib/sizes.mjs';
import { pageHtml, SUBJECTS } from './lib/subjects.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root); // scripts/size.mjs measures paths relative to the repository
const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    rates: { type: 'string', default: '1,4' },
    only: { type: 'string' },
    'no-micro': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
  },
});
const runs = Number(args.runs ?? (args.quick ? 3 : 15));
const rates = args.rates.split(',').map(Number);
const missing = SUBJECTS.filter((s) => s.requires && !existsSync(`${root}${s.requires}`));
const subjects = (
  args.only
    ? SUBJECTS.filter((s) => ['blank', 'zv-script', ...args.only.split(',')].includes(s.id))
    : SUBJECTS
).filter((s) => !missing.includes(s));

for (const file of ['dist/zorgvuldig.min.js', 'dist/zorgvuldig.mjs', 'dist/scrub.mjs']) {
  if (!existsSync(`${root}${file}`)) {
    console.error(`bench: ${file} is missing: run \`npm run build\` first (npm run bench does).`);
    process.exit(1);
  }
}

const started = Date.now();
const log = (message) => process.stderr.write(`bench: ${message}\n`);
const probe = readFileSync(new URL('./lib/probe.js', import.meta.url), 'utf8');
const bundles = [
  ...(await bundleForBrowser(`${root}dist/zorgvuldig.mjs`, 'zorgvuldig', [
    'js-cookie',
    'web-vitals',
    /^web-vitals\//,
  ])),
  ...(await bundleForBrowser(
    `${root}node_modules/plausible-tracker/build/module/index.js`,
    'plausible',
  )),
];
const generated = new Map([
  ...bundles.map(([name, body]) => [`/bench-build/${name}`, { type: 'text/javascript', body }]),
  // Every page, also those of subjects left out: a returning visit is seeded from another's.
  ...SUBJECTS.map((s) => [
    `/page/${s.id}.html`,
    { type: 'text/html; charset=utf-8', body: pageHtml(s, probe) },
  ]),
]);
const server = await startServer(root, generated);
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
const machine = {
  date: new Date().toISOString(),
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  loadAverageAtStart: loadavg().map((n) => Math.round(n * 100) / 100),
  node: process.version,
  chromium: browser.version(),
  platform: `${process.platform} ${process.arch}`,
};
log(
  `Chromium ${machine.chromium}, ${machine.cpus} CPUs, load ${machine.loadAverageAtStart.join(' ')}; ${subjects.length} subjects × ${rates.length} rates × ${runs} runs`,
);

for (const s of missing) log(`${s.id} left out: ${s.requires} is missing (npm run build makes it)`);

// A returning visit starts from the cookies a first visit's accept click left (once per run).
const seeded = new Map();
for (const subject of subjects.filter((s) => s.returningFrom)) {
  const from = SUBJECTS.find((s) => s.id === subject.returningFrom);
  try {
    subject.cookies = await seedDecision(browser, server.origin, from);
    seeded.set(
      subject.id,
      subject.cookies.map(({ name }) => name),
    );
  } catch (error) {
    log(`${subject.id}: could not seed a decision: ${error.message.split('\n')[0]}`);
  }
}

// One unmeasured load per subject first: fills the OS file cache and proves every page works.
const runsBySubject = Object.fromEntries(
  subjects.map((s) => [s.id, Object.fromEntries(rates.map((r) => [r, []]))]),
);
const loaded = Object.fromEntries(subjects.map((s) => [s.id, new Set()]));
const problems = new Set();
for (const subject of subjects) {
  try {
    const result = await measurePage(browser, server.origin, subject, 1);
    result.loaded.forEach((path) => loaded[subject.id].add(path));
    result.errors.forEach((e) => problems.add(`${subject.id}: page error: ${e}`));
  } catch (error) {
    log(`${subject.id} failed its warm-up load: ${error.message.split('\n')[0]}`);
    problems.add(`${subject.id} (warm-up): ${error.message.split('\n')[0]}`);
  }
}
// Subjects take turns within each round, so drift in the machine's load spreads over all of them.
for (const rate of rates) {
  for (let run = 0; run < runs; run++) {
    for (const subject of subjects) {
      try {
        const result = await measurePage(browser, server.origin, subject, rate);
        result.loaded.forEach((path) => loaded[subject.id].add(path));
        result.errors.forEach((e) => problems.add(`${subject.id}: page error: ${e}`));
        const { loaded: _files, errors: _errors, ...figures } = result;
        runsBySubject[subject.id][rate].push(figures);
      } catch (error) {
        problems.add(`${subject.id} at ${rate}×: ${error.message.split('\n')[0]}`);
      }
    }
    log(`${rate}× round ${run + 1}/${runs} done (${Math.round((Date.now() - started) / 1000)} s)`);
  }
}
await browser.close();

const sizes = Object.fromEntries(
  subjects.map((s) => [
    s.id,
    transferSizes([...loaded[s.id]].sort().map((path) => [path, server.served.get(path)])),
  ]),
);
await server.close();
machine.loadAverageAfterBrowser = loadavg().map((n) => Math.round(n * 100) / 100);

const micro = args['no-micro'] ? {} : await runMicroBenchmarks(root, log);
machine.loadAverageAtEnd = loadavg().map((n) => Math.round(n * 100) / 100);
machine.seconds = Math.round((Date.now() - started) / 1000);

await writeReport({
  root,
  write: !args['no-write'],
  command: `node bench/run.mjs${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(' ')}` : ''}`,
  machine,
  runs,
  rates,
  subjects,
  runsBySubject,
  sizes,
  micro,
  problems: [
    ...problems,
    ...missing.map((s) => `${s.id} not measured: ${s.requires} is missing`),
    ...subjects
      .filter((s) => s.returningFrom && !seeded.has(s.id))
      .map((s) => `${s.id} not seeded: measured as a first visit`),
  ],
  seeded: Object.fromEntries(seeded),
});
log(`done in ${machine.seconds} s`);
