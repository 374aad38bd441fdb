#!/usr/bin/env node
// The size budget, run by `npm test`: min+gzip (and brotli) of every shipped browser file, each
// script-tag part on its own, and what a visit loads in all. A budget is a ceiling CI enforces; a
// target is the goal from the issues that the README reports against (where a target is missed,
// the budget sits just above today's figure so nothing grows unnoticed while the gap is closed).
//
// ESM entries ship unminified (a site's bundler minifies them): they are bundled with their
// shared chunks (dynamic imports inlined, so the figure is everything a site can load) and
// minified here with the same terser settings, so every figure is "as a visitor downloads it".
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import nodeResolve from '@rollup/plugin-node-resolve';
import { rollup } from 'rollup';
import { minify } from 'terser';

const KB = 1024;
// A fresh object per call: terser writes into the options it is given (module: true would then
// leak into the next call as toplevel and drop every unused top-level declaration).
const terserOptions = (module = false) => ({
  ecma: 2020,
  module,
  compress: { passes: 2, pure_getters: true },
  mangle: { toplevel: true },
});

export const ENTRIES = [
  {
    name: 'dist/zorgvuldig.min.js',
    what: 'script tag: the core (blocks the page)',
    budget: 11.55 * KB,
    target: 6 * KB,
  },
  {
    name: 'dist/zorgvuldig.shell.js',
    what: 'part: the shadow root and the reopen control',
    budget: 1.2 * KB,
    target: null,
  },
  {
    name: 'dist/zorgvuldig.receipts.js',
    what: 'part: consent receipts (while the banner asks, with a relay; on a choice or a receipt waiting)',
    budget: 1 * KB,
    target: null,
  },
  {
    name: 'dist/zorgvuldig.ui.nl.js',
    what: 'part: banner + dialog, Dutch (the core loads one language)',
    budget: 3 * KB,
    target: 3 * KB,
  },
  {
    name: 'dist/zorgvuldig.ui.en.js',
    what: 'part: banner + dialog, English',
    budget: 2.95 * KB,
    target: 3 * KB,
  },
  {
    name: 'dist/zorgvuldig.ui.js',
    what: 'part: banner + dialog, both languages (hosted by hand)',
    budget: 3.4 * KB,
    target: null,
  },
  {
    name: 'dist/zorgvuldig.stats.js',
    what: 'part: statistics, scrubber, web-vitals',
    budget: 8.1 * KB,
    target: 4 * KB,
  },
  {
    name: 'dist/zorgvuldig.rights.js',
    what: 'part: rights, declaration, audit',
    budget: 2.9 * KB,
    target: null,
  },
  {
    name: 'dist/zorgvuldig.full.min.js',
    what: 'script tag: the one-file build',
    budget: 23.5 * KB,
    target: null,
  },
  {
    name: 'dist/zorgvuldig.mjs',
    what: 'npm `zorgvuldig`, every part (web-vitals external)',
    budget: 20.2 * KB,
    target: 9.7 * KB,
  },
  { name: 'dist/scrub.mjs', what: 'npm `zorgvuldig/scrub`', budget: 4.5 * KB, target: 4.5 * KB },
  { name: 'dist/zorgvuldig-sw.js', what: 'service-worker guard', budget: 1 * KB, target: 1 * KB },
];

/** What one visit loads of the script-tag build: the sum of its files' sizes. */
export const VISITS = [
  {
    name: 'first visit, statistics on (Dutch page)',
    files: [
      'dist/zorgvuldig.min.js',
      'dist/zorgvuldig.shell.js',
      'dist/zorgvuldig.ui.nl.js',
      'dist/zorgvuldig.stats.js',
      'dist/zorgvuldig.receipts.js',
    ],
    budget: 24.6 * KB,
    target: 13 * KB,
  },
  {
    // Every receipt delivered: the receipts part waits for a choice.
    name: 'returning visit (decided), statistics on',
    files: ['dist/zorgvuldig.min.js', 'dist/zorgvuldig.shell.js', 'dist/zorgvuldig.stats.js'],
    budget: 20.75 * KB,
    target: null,
  },
  {
    name: 'returning visit, statistics off (a relay configured)',
    files: ['dist/zorgvuldig.min.js', 'dist/zorgvuldig.shell.js'],
    budget: 12.65 * KB,
    target: 6 * KB,
  },
];

const compress = (code) => ({
  min: Buffer.byteLength(code),
  gzip: gzipSync(code, { level: 9 }).length,
  brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

const bundle = async (input, { external = [], format = 'esm' } = {}) => {
  const build = await rollup({
    input,
    external,
    plugins: [nodeResolve({ browser: true })],
    onwarn() {},
  });
  const { output } = await build.generate({ format, inlineDynamicImports: true });
  return output[0];
};

/** A file as a visitor downloads it. */
export const measureEntry = async (file) => {
  if (!file.endsWith('.mjs')) return compress(readFileSync(file, 'utf8'));
  const chunk = await bundle(file, { external: ['js-cookie', 'web-vitals', /^web-vitals\//] });
  return compress((await minify(chunk.code, terserOptions(true))).code);
};

const sum = (sizes) =>
  sizes.reduce((total, size) => ({
    min: total.min + size.min,
    gzip: total.gzip + size.gzip,
    brotli: total.brotli + size.brotli,
  }));

/** Each script-tag part, and each visit's total, by name. */
export const measureParts = async () => {
  const sizes = {};
  for (const entry of ENTRIES.filter(({ what }) => what.startsWith('part:'))) {
    sizes[entry.what] = await measureEntry(entry.name);
  }
  for (const visit of VISITS) {
    sizes[visit.name] = sum(await Promise.all(visit.files.map((file) => measureEntry(file))));
  }
  return sizes;
};

const main = async () => {
  const kb = (n) => `${(n / KB).toFixed(2)} KB`;
  const results = [];
  const row = (label, size, { budget, target }) => {
    const ok = size.gzip <= budget;
    results.push({ name: label, ...size, budget, target, ok });
    const missed = target !== null && size.gzip > target ? ` — target ${kb(target)} missed` : '';
    console.log(
      `${ok ? 'ok  ' : 'FAIL'} ${label.padEnd(42)} ${kb(size.gzip).padStart(9)} gzip ${kb(size.brotli).padStart(9)} brotli ${kb(size.min).padStart(9)} min   budget ${kb(budget)}${missed}`,
    );
  };
  for (const entry of ENTRIES) row(entry.name, await measureEntry(entry.name), entry);
  const parts = await measureParts();
  for (const visit of VISITS) row(`  visit: ${visit.name}`, parts[visit.name], visit);
  mkdirSync('reports', { recursive: true });
  writeFileSync('reports/size.json', `${JSON.stringify(results, null, 2)}\n`);
  const over = results.filter((result) => !result.ok);
  if (over.length) {
    console.error(
      `size: over budget (min+gzip): ${over.map((r) => `${r.name.trim()} ${kb(r.gzip)} > ${kb(r.budget)}`).join('; ')}`,
    );
    process.exit(1);
  }
};

// Run as `node scripts/size.mjs`; imported (by the bench), it only lends its measuring code.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
