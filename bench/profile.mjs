#!/usr/bin/env node
// Where the SDK's long tasks go: loads the bench's zorgvuldig pages in Chromium at a CPU
// slow-down with a trace running (CDP Tracing, the V8 sampling profiler in it), and prints, for
// every main-thread task of 20 ms or more, what ran in it: the scripts evaluated and compiled,
// the functions called by URL, style and layout, lazy compiles, the source positions V8
// collected for a stack trace (DevTools records one at each `document.cookie` access), and the
// functions that took the most time (self time from the profiler's samples). The same pages and
// server as `npm run bench`. Tracing slows the page: compare runs of this tool with each other,
// and the bench's figures with the bench's.
//   node bench/profile.mjs [--rate 4] [--runs 1] [--only zv-script,zv-returning,zv-full]
//                          [--min 20] [--top 12] [--trace-dir /tmp/zv-traces]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './lib/chromium.mjs';
import { seedDecision } from './lib/measurePage.mjs';
import { startServer } from './lib/server.mjs';
import { pageHtml, SUBJECTS } from './lib/subjects.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({
  options: {
    rate: { type: 'string', default: '4' },
    runs: { type: 'string', default: '1' },
    only: { type: 'string', default: 'zv-script,zv-returning,zv-full' },
    min: { type: 'string', default: '20' },
    top: { type: 'string', default: '12' },
    'trace-dir': { type: 'string' },
    // The sampling profiler slows the page down a good deal: without it, the task times are
    // closer to the bench's (and the functions are not named).
    'no-samples': { type: 'boolean', default: false },
  },
});
const rate = Number(args.rate);
const minTask = Number(args.min);
const ids = args.only.split(',');
const CATEGORIES = [
  '-*',
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
  'disabled-by-default-v8.compile',
  ...(args['no-samples'] ? [] : ['disabled-by-default-v8.cpu_profiler']),
  'blink.user_timing',
  'loading',
].join(',');

const probe = readFileSync(new URL('./lib/probe.js', import.meta.url), 'utf8');
const generated = new Map(
  SUBJECTS.map((s) => [
    `/page/${s.id}.html`,
    { type: 'text/html; charset=utf-8', body: pageHtml(s, probe) },
  ]),
);
const server = await startServer(root, generated);
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });

const shortUrl = (url) => (url ? url.replace(server.origin, '').replace(/^\/dist\//, '') : '');

/** One traced load: the trace events and the probe's own-script entries (LoAF). */
const traceLoad = async (subject) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (subject.cookies) await context.addCookies(subject.cookies);
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.abort('blockedbyclient'),
  );
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: CATEGORIES.split(','),
      recordMode: 'recordAsMuchAsPossible',
    },
    transferMode: 'ReportEvents',
  });
  await page.goto(`${server.origin}/page/${subject.id}.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__bench.shownAt !== null, null, { polling: 50 });
  await page.waitForTimeout(1500);
  const own = await page.evaluate(() => window.__bench.ownScripts);
  const dcl = await page.evaluate(
    () => performance.getEntriesByType('navigation')[0].domContentLoadedEventStart,
  );
  const shownAt = await page.evaluate(() => window.__bench.shownAt);
  await cdp.send('Tracing.end');
  await complete;
  await context.close();
  return { events, own, dcl, shownAt };
};

/** The page's main thread: where its HTML was parsed (other renderers, such as the browser's
 * own WebUI pages, trace too). */
const mainThread = (events, pagePath) => {
  const parse = events.find(
    (e) => e.name === 'ParseHTML' && (e.args?.beginData?.url ?? '').includes(pagePath),
  );
  return { pid: parse?.pid, tid: parse?.tid };
};

/** The minified source at a frame (no source maps ship): enough to tell which function it is. */
const snippet = ({ url, lineNumber, columnNumber }) => {
  const body = url && server.served.get(new URL(url).pathname)?.toString();
  if (!body) return '';
  const line = body.split('\n')[lineNumber] ?? '';
  return `  «${line.slice(columnNumber, columnNumber + 60)}»`;
};

/** Self time per function (µs) from the trace's profile chunks, within [start, end] (µs). */
const sampledSelfTime = (events, pid, tid, start, end) => {
  // The profile of the main thread: its chunks carry the profile's id (and the sampler's tid).
  const profiles = new Map(
    events
      .filter((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid)
      .map((e) => [e.id, { time: e.args.data.startTime, nodes: new Map() }]),
  );
  const self = new Map();
  for (const e of events) {
    const profile = e.name === 'ProfileChunk' && e.pid === pid && profiles.get(e.id);
    if (!profile) continue;
    const { cpuProfile = {}, timeDeltas = [] } = e.args.data;
    for (const node of cpuProfile.nodes ?? []) profile.nodes.set(node.id, node);
    const samples = cpuProfile.samples ?? [];
    for (let i = 0; i < samples.length; i++) {
      const at = (profile.time += timeDeltas[i] ?? 0);
      if (at < start || at > end) continue;
      const frame = profile.nodes.get(samples[i])?.callFrame ?? {};
      const where = frame.url
        ? ` ${shortUrl(frame.url)}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`
        : '';
      const label = `${frame.functionName || '(anonymous)'}${where}${snippet(frame)}`;
      // A sample stands for the time until the next one.
      self.set(label, (self.get(label) ?? 0) + (timeDeltas[i + 1] ?? 0));
    }
  }
  return [...self].sort((a, b) => b[1] - a[1]);
};

const describe = (e) => {
  const d = e.args?.data ?? e.args?.beginData ?? {};
  const url = shortUrl(d.url || d.sourceURL || d.stackTrace?.[0]?.url || e.args?.fileName);
  const what = d.functionName ? ` ${d.functionName}` : '';
  return `${e.name}${url ? ` ${url}` : ''}${what}${d.type ? ` (${d.type})` : ''}`;
};

const INTERESTING = new Set([
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'V8.CompileCode',
  'V8.CollectSourcePositions',
  'v8.produceCache',
  'FunctionCall',
  'TimerFire',
  'FireAnimationFrame',
  'FireIdleCallback',
  'EventDispatch',
  'ParseHTML',
  'UpdateLayoutTree',
  'Layout',
  'Paint',
  'PrePaint',
  'ParseAuthorStyleSheet',
  'RunMicrotasks',
  'V8.GC_SCAVENGER',
  'MajorGC',
  'MinorGC',
  'V8.GCScavenger',
  'ScheduleStyleRecalculation',
  'v8.run',
]);

const report = (subject, { events, own, dcl, shownAt }) => {
  const { pid, tid } = mainThread(events, `/page/${subject.id}.html`);
  const onMain = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X');
  const nav = events.find((e) => e.name === 'navigationStart' && e.pid === pid);
  const zero = nav?.ts ?? Math.min(...onMain.map((e) => e.ts));
  const ms = (us) => (us / 1000).toFixed(1);
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur >= minTask * 1000);
  console.log(
    `\n=== ${subject.id} at ${rate}×: DCL ${dcl.toFixed(1)} ms, shown ${shownAt?.toFixed(1)} ms`,
  );
  console.log(
    `own LoAF script entries: ${own.map(([start, dur, url]) => `${shortUrl(url)} @${start.toFixed(0)} ${dur.toFixed(0)} ms`).join('; ') || 'none'}`,
  );
  for (const task of tasks) {
    const end = task.ts + task.dur;
    const sum = (name) =>
      onMain
        .filter((e) => e.name === name && e.ts >= task.ts && e.ts + e.dur <= end)
        .reduce((total, e) => total + e.dur, 0);
    console.log(
      `\n-- task @${ms(task.ts - zero)} ms, ${ms(task.dur)} ms, thread time ${ms(task.tdur ?? 0)} ms (lazy compile ${ms(sum('V8.CompileCode'))} ms, source positions ${ms(sum('V8.CollectSourcePositions'))} ms, GC ${ms(sum('MinorGC') + sum('MajorGC'))} ms, microtasks ${ms(sum('RunMicrotasks'))} ms)`,
    );
    const inside = onMain
      .filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end)
      .filter((e) => INTERESTING.has(e.name) && e.name !== 'V8.CompileCode' && e.dur >= 300);
    for (const e of inside) {
      const depth = onMain.filter(
        (o) =>
          o !== e &&
          o !== task &&
          INTERESTING.has(o.name) &&
          o.ts <= e.ts &&
          o.ts + o.dur >= e.ts + e.dur &&
          o.dur >= 300 &&
          o.dur > e.dur,
      ).length;
      console.log(
        `${'  '.repeat(depth + 1)}${ms(e.dur)} ms  ${describe(e)}  @+${ms(e.ts - task.ts)}`,
      );
    }
    const top = sampledSelfTime(events, pid, tid, task.ts, end).slice(0, Number(args.top));
    console.log('  self time (sampled):');
    for (const [label, us] of top) console.log(`    ${ms(us)} ms  ${label}`);
  }
};

try {
  const subjects = SUBJECTS.filter((s) => ids.includes(s.id));
  for (const subject of subjects.filter((s) => s.returningFrom)) {
    subject.cookies = await seedDecision(
      browser,
      server.origin,
      SUBJECTS.find((s) => s.id === subject.returningFrom),
    );
  }
  for (const subject of subjects) {
    // One unmeasured load first, as the bench does (the OS file cache, V8's code cache).
    await traceLoad(subject).catch(() => undefined);
    for (let run = 0; run < Number(args.runs); run++) {
      const result = await traceLoad(subject);
      if (args['trace-dir']) {
        mkdirSync(args['trace-dir'], { recursive: true });
        writeFileSync(
          `${args['trace-dir']}/${subject.id}-${rate}x-${run + 1}.json`,
          JSON.stringify({ traceEvents: result.events }),
        );
      }
      report(subject, result);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
