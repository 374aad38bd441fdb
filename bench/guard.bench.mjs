#!/usr/bin/env node
// The network guard's added cost per `fetch` call, in real Chromium: the same page with and
// without the SDK calls `fetch` on a same-origin URL many times and times the calls. Each call
// carries an already aborted signal, so the browser starts no request and the figure is the
// synchronous cost of the call itself (the guard's host check runs before the browser's fetch).
// Target: under 0.05 ms added per call. Prints JSON. Needs `npm run build` first.
//   node bench/guard.bench.mjs [--calls 20000] [--rounds 7]
import { chromium } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '20000' },
    rounds: { type: 'string', default: '7' },
  },
});
const CALLS = Number(values.calls);
const ROUNDS = Number(values.rounds);
const TARGET_MS = 0.05;

const bundle = new URL('../dist/zorgvuldig.min.js', import.meta.url);
if (!existsSync(bundle)) {
  console.error('bench: dist/zorgvuldig.min.js is missing; run `npm run build` first.');
  process.exit(1);
}
const page = (sdk) =>
  `<!doctype html><html lang="nl"><head><meta charset="utf-8">${
    sdk
      ? '<script src="/zorgvuldig.min.js" data-ga-id="G-TEST123" data-banner="false"></script>'
      : ''
  }<title>bench</title></head><body></body></html>`;

const server = createServer((req, res) => {
  if (req.url === '/zorgvuldig.min.js') {
    res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(bundle));
  } else {
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(page(req.url === '/with'));
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const executablePath = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
].find((path) => path && existsSync(path));
const browser = await chromium.launch({
  executablePath,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

/** Milliseconds per call for `calls` fetch calls to `url`, median of the rounds. */
const measure = async (path, url) => {
  const tab = await browser.newPage();
  await tab.goto(origin + path);
  const perCall = await tab.evaluate(
    async ({ url, calls, rounds }) => {
      const controller = new AbortController();
      controller.abort();
      const { signal } = controller;
      const results = [];
      for (let round = 0; round < rounds; round++) {
        const pending = [];
        const start = performance.now();
        for (let i = 0; i < calls; i++) pending.push(fetch(url, { signal }));
        const elapsed = performance.now() - start;
        await Promise.allSettled(pending);
        results.push(elapsed / calls);
      }
      return results.sort((a, b) => a - b)[Math.floor(rounds / 2)];
    },
    { url, calls: CALLS, rounds: ROUNDS },
  );
  await tab.close();
  return perCall;
};

// The figures mean something only if the guard is really there on one page and not the other.
const guardActive = async (path) => {
  const tab = await browser.newPage();
  await tab.goto(origin + path);
  const result = await tab.evaluate(() =>
    fetch('https://www.google-analytics.com/g/collect', { signal: AbortSignal.abort() }).catch(
      (error) => (error.name === 'TypeError' ? 'blocked' : error.name),
    ),
  );
  await tab.close();
  return result === 'blocked';
};
const guardOn = { without: await guardActive('/without'), with: await guardActive('/with') };
const without = await measure('/without', '/api/data?x=1');
const withGuard = await measure('/with', '/api/data?x=1');
const blockedGoogle = await measure('/with', 'https://www.google-analytics.com/g/collect?v=2');
await browser.close();
server.close();

const added = withGuard - without;
console.log(
  JSON.stringify(
    {
      bench: 'guard: added cost per fetch call (same-origin)',
      calls: CALLS,
      rounds: ROUNDS,
      guardActive: guardOn,
      msPerCallWithout: +without.toFixed(5),
      msPerCallWithGuard: +withGuard.toFixed(5),
      msAddedPerCall: +added.toFixed(5),
      msPerBlockedGoogleCall: +blockedGoogle.toFixed(5),
      targetMs: TARGET_MS,
      withinTarget: guardOn.with && !guardOn.without && added < TARGET_MS,
    },
    null,
    2,
  ),
);
