#!/usr/bin/env node
// The guard's added cost per `fetch` call, in Chromium: the script-tag bundle (with a Google
// Analytics id, so the guard and the GA gate are on) patches window.fetch; the page kept the
// browser's own fetch from before. Each call carries an already-aborted signal, so no request
// leaves and only the synchronous work is timed: the guard's decision plus fetch's own set-up.
// Usage: npm run build && node bench/guard.bench.mjs [--calls 2000] [--rounds 15]
// Prints one JSON object: added ms per call (median over rounds, min–max), for an own-origin
// request the guard lets through and for a Google request it stops before consent.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './lib/chromium.mjs';
import { startServer } from './lib/server.mjs';
import { summarise, round } from './lib/stats.mjs';

const { values: args } = parseArgs({
  options: {
    calls: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '15' },
  },
});
const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(`${root}dist/zorgvuldig.min.js`)) {
  console.error('bench: dist/zorgvuldig.min.js is missing: run npm run build first');
  process.exit(1);
}

const html =
  '<!doctype html><html lang="nl"><head><meta charset="utf-8"><script>window.nativeFetch = window.fetch;</script>' +
  '<script src="/dist/zorgvuldig.min.js" data-endpoint="/zv" data-ga-id="G-BENCH123" data-banner="false"></script>' +
  '<title>guard bench</title></head><body><p>guard bench</p></body></html>';
const server = await startServer(
  root,
  new Map([['/page/guard.html', { type: 'text/html', body: html }]]),
);
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
const context = await browser.newContext();
await context.route(
  (url) => url.hostname !== '127.0.0.1',
  (route) => route.abort('blockedbyclient'),
);
const page = await context.newPage();
await page.goto(`${server.origin}/page/guard.html`);

/** Per-call ms of `fetch` (the page's, patched) and of the browser's own, `calls` calls each. */
const timeRound = (url, calls) =>
  page.evaluate(
    ([url, calls]) => {
      const signal = AbortSignal.abort();
      const time = (fn) => {
        const start = performance.now();
        for (let i = 0; i < calls; i++) fn(url, { signal }).catch(() => {});
        return (performance.now() - start) / calls;
      };
      const native = time(window.nativeFetch);
      const patched = time(window.fetch);
      return { native, patched, patchedIsWrapper: window.fetch !== window.nativeFetch };
    },
    [url, calls],
  );

const calls = Number(args.calls);
const cases = {
  ownOrigin: `${server.origin}/api/items?page=2`,
  google: 'https://www.google-analytics.com/g/collect?v=2&tid=G-BENCH123',
};
const result = {};
for (const [name, url] of Object.entries(cases)) {
  await timeRound(url, calls); // warm-up: JIT and inline caches
  const rounds = [];
  for (let i = 0; i < Number(args.rounds); i++) rounds.push(await timeRound(url, calls));
  const added = summarise(rounds.map((r) => r.patched - r.native));
  result[name] = {
    addedMsPerCall: round(added.median, 5),
    min: round(added.min, 5),
    max: round(added.max, 5),
    nativeMsPerCall: round(summarise(rounds.map((r) => r.native)).median, 5),
    guardedMsPerCall: round(summarise(rounds.map((r) => r.patched)).median, 5),
    patched: rounds[0].patchedIsWrapper,
  };
}
await browser.close();
await server.close();
console.log(
  JSON.stringify(
    {
      guardAddedMsPerFetch: result.ownOrigin.addedMsPerCall,
      cases: result,
      calls,
      rounds: Number(args.rounds),
      chromium: browser.version(),
      target: { addedMsPerFetch: 0.05 },
    },
    null,
    2,
  ),
);
