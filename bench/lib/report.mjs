// Turns the raw runs into the report: summaries, ratios, where each issue-7 target stands, the
// Markdown printed and written into README.md between the bench markers, and bench/results.json.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { measureEntry, measureParts } from '../../scripts/size.mjs';
import { round, summarise } from './stats.mjs';
import { METRICS, ratio, ratioTable, sizeTable, timingTable } from './tables.mjs';
import { targetLines } from './targets.mjs';

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';
const ZV = 'zv-script';
const FLOOR = 'blank';

const summarise_ = (runsBySubject, subjects, rates) =>
  Object.fromEntries(
    subjects.map((s) => [
      s.id,
      Object.fromEntries(
        rates.map((rate) => {
          const runs = runsBySubject[s.id][rate].map((r) => ({ ...r, heapKb: r.heapBytes / 1024 }));
          return [
            rate,
            Object.fromEntries(METRICS.map(({ key }) => [key, summarise(runs.map((r) => r[key]))])),
          ];
        }),
      ),
    ]),
  );

/** Median of `key` for `id` at `rate` less the blank page's: what the subject itself adds. */
const netOf = (summaries, id, rate, key) => {
  const own = summaries[id]?.[rate]?.[key]?.median;
  const floor = summaries[FLOOR]?.[rate]?.[key]?.median ?? 0;
  return own === undefined ? null : own - floor;
};

const RATIO_COLUMNS = (rates) => [
  { key: 'gzip', label: 'JS + CSS gzip' },
  { key: 'brotli', label: 'brotli' },
  ...rates.map((rate) => ({ key: `script${rate}`, label: `script, net of floor, ${rate}×` })),
  ...rates.map((rate) => ({ key: `main${rate}`, label: `main thread, net of floor, ${rate}×` })),
  ...rates.map((rate) => ({ key: `banner${rate}`, label: `DCL → banner, ${rate}×` })),
  { key: 'heap', label: `heap, net of floor, ${rates[0]}×` },
  ...rates.map((rate) => ({ key: `accept${rate}`, label: `accept → gone, ${rate}×` })),
];

const ratiosFor = (peer, summaries, sizes, rates) => {
  const median = (id, rate, key) => summaries[id][rate][key]?.median;
  const out = {
    gzip: ratio(sizes[ZV].gzip, sizes[peer].gzip),
    brotli: ratio(sizes[ZV].brotli, sizes[peer].brotli),
    heap: ratio(
      netOf(summaries, ZV, rates[0], 'heapKb'),
      netOf(summaries, peer, rates[0], 'heapKb'),
    ),
  };
  for (const rate of rates) {
    out[`script${rate}`] = ratio(
      netOf(summaries, ZV, rate, 'scriptMs'),
      netOf(summaries, peer, rate, 'scriptMs'),
    );
    out[`main${rate}`] = ratio(
      netOf(summaries, ZV, rate, 'mainThreadMs'),
      netOf(summaries, peer, rate, 'mainThreadMs'),
    );
    out[`banner${rate}`] = ratio(median(ZV, rate, 'bannerMs'), median(peer, rate, 'bannerMs'));
    out[`accept${rate}`] = ratio(median(ZV, rate, 'acceptMs'), median(peer, rate, 'acceptMs'));
  }
  return out;
};

const microTable = (micro) => {
  const rows = [];
  const s = micro.scrubUrl;
  rows.push(
    s?.scrubUrlPerSecond
      ? `| \`scrubUrl\` throughput, ${s.corpus} realistic URLs (${Math.round(s.changedShare * 100)}% carry personal data), one core | ${s.scrubUrlPerSecond.toLocaleString('en')} URLs/s (${s.min.toLocaleString('en')}–${s.max.toLocaleString('en')}) | ≥ 200,000 URLs/s |`
      : `| \`scrubUrl\` throughput | not measured: ${s?.error ?? 'skipped'} | ≥ 200,000 URLs/s |`,
  );
  if (s?.hugeUrlMs !== undefined)
    rows.push(
      `| \`scrubUrl\` of one ${(s.hugeUrlChars / 1e6).toFixed(1)} MB URL (median) | ${s.hugeUrlMs} ms, ${s.hugeUrlOutputChars.toLocaleString('en')} characters out | output ≤ 2,000 characters |`,
    );
  const g = micro.guard;
  rows.push(
    typeof g?.msAddedPerCall === 'number'
      ? `| guard: added time per same-origin \`fetch\` it passes on (${g.calls.toLocaleString('en')} calls, median of ${g.rounds} rounds) | ${g.msAddedPerCall} ms (${g.msPerCallWithGuard} with, ${g.msPerCallWithout} without) | < 0.05 ms |\n| guard: time per \`fetch\` to Google it stops before consent | ${g.msPerBlockedGoogleCall} ms | — |`
      : `| guard: added time per \`fetch\` | not measured: ${g?.error ?? 'skipped'} | < 0.05 ms |`,
  );
  for (const [id, sink] of [
    ['relaySqlite', 'SQLite store'],
    ['relay', 'ndjson sink'],
  ]) {
    const r = micro[id];
    rows.push(
      r?.beaconsPerSecond
        ? `| relay on loopback, one process, ${sink}: beacons/s | ${r.beaconsPerSecond.toLocaleString('en')} (${r.beacons.toLocaleString('en')} in ${r.seconds} s, ${r.lostAcknowledged} acknowledged but lost) | ≥ 5,000 per core |\n| relay latency p50 / p99 / max, ${sink} | ${r.latencyMs.p50} / ${r.latencyMs.p99} / ${r.latencyMs.max} ms | p99 < 20 ms |\n| relay RSS over the run, ${sink} (MB, every 0.5 s) | ${r.serverRssMb.join(', ')} | — |`
        : `| relay, ${sink} | not measured: ${r?.error ?? 'skipped'} | ≥ 5,000/s, p99 < 20 ms |`,
    );
  }
  return ['| Micro-benchmark | Median (min–max) | Target |', '| --- | ---: | ---: |', ...rows].join(
    '\n',
  );
};

const writeBetweenMarkers = async (root, section) => {
  const file = `${root}README.md`;
  let readme = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (!readme.includes(START) || !readme.includes(END)) {
    readme = `${readme}${readme && !readme.endsWith('\n') ? '\n' : ''}${readme ? '\n' : ''}## Measured figures\n\n${START}\n${END}\n`;
  }
  const before = readme.slice(0, readme.indexOf(START) + START.length);
  const after = readme.slice(readme.indexOf(END));
  writeFileSync(file, `${before}\n\n${section.trim()}\n\n${after}`);
};

export const writeReport = async (run) => {
  const { root, machine, runs, rates, subjects, runsBySubject, sizes, micro, problems } = run;
  const summaries = summarise_(runsBySubject, subjects, rates);
  const peers = subjects.filter((s) => s.id !== FLOOR && s.id !== ZV && s.id !== 'zv-esm');
  const ratios = Object.fromEntries(
    peers.map((p) => [p.id, ratiosFor(p.id, summaries, sizes, rates)]),
  );
  const entrySizes = {
    'dist/zorgvuldig.min.js': await measureEntry('dist/zorgvuldig.min.js'),
    'dist/zorgvuldig.mjs': await measureEntry('dist/zorgvuldig.mjs'),
  };
  const parts = await measureParts();
  // Requests to hosts other than 127.0.0.1 (all blocked): before the accept click they are what
  // a visitor who has not chosen yet would send to third parties.
  const external = Object.fromEntries(
    subjects.map((s) => {
      const all = rates.flatMap((rate) => runsBySubject[s.id][rate]);
      return [
        s.id,
        {
          beforeClick: Math.max(0, ...all.map((r) => r.blockedBeforeClick)),
          hosts: [...new Set(all.flatMap((r) => r.blocked.map((url) => new URL(url).hostname)))],
        },
      ];
    }),
  );
  const targets = targetLines({ summaries, sizes, micro, parts, rates, netOf, ratios });

  const markdown = [
    `_Written by \`npm run bench\` (${run.command}) on ${machine.date.slice(0, 10)}: do not edit by hand; raw runs in [bench/results.json](bench/results.json)._`,
    `**Reproduce:** \`npm ci && npm run bench\` (builds, then about ten minutes on two cores; \`npm run bench -- --quick\` does 3 runs per subject as a smoke test, \`--runs N\`, \`--rates 1,4\`, \`--only klaro,osano\` narrow it). Machine: ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, Chromium ${machine.chromium} (headless), load average ${machine.loadAverageAtStart.join(' / ')} at the start and ${machine.loadAverageAtEnd.join(' / ')} at the end (other work on the machine widens the min–max ranges).`,
    '### Where the targets stand',
    targets.join('\n'),
    'Parts are measured by `scripts/size.mjs`: each group of modules minified and compressed on its own, so the parts add up to more than the whole.',
    '### Transfer size (JavaScript + CSS the page loads; inline configuration not counted)',
    sizeTable(subjects, sizes, external),
    `zorgvuldig's entries as \`scripts/size.mjs\` measures them: script tag ${(entrySizes['dist/zorgvuldig.min.js'].gzip / 1024).toFixed(2)} KB min+gzip; npm ESM entry ${(entrySizes['dist/zorgvuldig.mjs'].gzip / 1024).toFixed(2)} KB without js-cookie and web-vitals (the ESM row above includes them as the page loads them).`,
    ...rates.flatMap((rate) => [
      `### Page figures at ${rate}× CPU${rate > 1 ? ' throttling' : ''}: median (min–max) of ${runs} runs`,
      timingTable(subjects, summaries, rate),
    ]),
    '### Ratios: zorgvuldig script tag ÷ peer (medians; below 1 means zorgvuldig is lighter or faster)',
    ratioTable(peers, ratios, RATIO_COLUMNS(rates)),
    'Main-thread and heap ratios compare what each subject adds to the blank page (the floor); a peer whose addition is at the floor has no ratio (—).',
    '### Micro-benchmarks',
    microTable(micro),
    '### Method',
    [
      '- Every subject is embedded in `<head>` of the same page as its vendor documents it, with a typical configuration (zorgvuldig with `data-endpoint` and `data-ga-id`, so the banner, jar, guard, Google gate, statistics and web-vitals are all on; the peers with three categories or a Google Analytics service where they have them). Pages, `dist/` and `node_modules/` come from one `node:http` server on 127.0.0.1; the beacon endpoints answer 204/202; every request to another host is aborted by `context.route`. vanilla-cookieconsent runs with `hideFromBots: false`, since by default it stays hidden in any automated browser.',
      '- Each run is a new browser context (no cookies, no stored consent) with the CPU slowed through CDP `Emulation.setCPUThrottlingRate`. Subjects take turns within each round.',
      '- **Transfer size**: the same-origin scripts and stylesheets the page requested, computed from their bytes once (gzip -9, brotli -11); zorgvuldig ESM and plausible-tracker are bundled and minified first, as a site bundler would.',
      '- **Script eval + init** is CDP `Performance.getMetrics` `ScriptDuration` + `V8CompileDuration`, and **main thread** is `TaskDuration` (script, style, layout, paint, parsing), both for the whole page up to the moment it has settled (banner visible, or `load` for subjects without one, plus 300 ms) and before any click. The blank page row is the floor that the instrumentation and the page itself cost.',
      "- **DOMContentLoaded → banner visible**: a probe, the page's first script, checks once per animation frame whether the subject's banner element is connected, has a non-zero box and is not `display: none`, `visibility: hidden` or fully transparent (itself or an ancestor, across shadow roots); the figure is that frame's time less `domContentLoadedEventStart`. **Accept click → banner gone** is timed the same way, from a capture-phase `click` listener to the first frame without the banner (fade-outs count until they are transparent). A banner still shown 3 s after the click is clicked again, up to three times, and timed from the click that worked (tarteaucitron shows its banner before its buttons respond); `clicks` in the raw runs counts them.",
      '- **CLS** sums `layout-shift` entries without recent input; **long tasks** sums `longtask` entries; both are observed from the first script on. **JS heap** is CDP `Runtime.getHeapUsage` after `HeapProfiler.collectGarbage`, once settled.',
      "- Micro-benchmarks run afterwards as child processes, one at a time: `bench/scrubUrl.bench.mjs`, `bench/guard.bench.mjs` (Chromium: a page with the SDK against one without, `fetch` with an aborted signal so only the synchronous cost is timed) and `bench/relay.bench.mjs` (into the SQLite store, then the ndjson log); the store's query times come from `bench/store.mjs` (below).",
    ].join('\n'),
    ...(problems.length
      ? ['### Problems in this run', problems.map((p) => `- ${p}`).join('\n')]
      : []),
  ].join('\n\n');

  const prettierOptions = (await resolveConfig(`${root}README.md`)) ?? {};
  const section = await format(markdown, { ...prettierOptions, parser: 'markdown' });
  process.stdout.write(`${section}\n`);
  if (!run.write) return;
  await writeBetweenMarkers(root, section);
  const results = {
    command: run.command,
    machine,
    runs,
    rates,
    subjects: subjects.map(({ id, name }) => ({ id, name })),
    sizes,
    entrySizes,
    parts,
    external,
    summaries,
    ratios,
    micro,
    problems,
    raw: Object.fromEntries(
      subjects.map((s) => [
        s.id,
        Object.fromEntries(
          rates.map((rate) => [
            rate,
            runsBySubject[s.id][rate].map(({ blocked, ...r }) => ({
              ...Object.fromEntries(
                Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? round(v, 3) : v]),
              ),
              blocked: blocked.length,
            })),
          ]),
        ),
      ]),
    ),
  };
  const json = await format(JSON.stringify(results), { ...prettierOptions, parser: 'json' });
  writeFileSync(`${root}bench/results.json`, json);
};
