#!/usr/bin/env node
// The size budget, run by `npm test`: min+gzip (and brotli) of every shipped browser entry, and
// of each part of the script-tag bundle. A budget is a ceiling CI enforces; a target is the goal
// from the issues that the README reports against (where a target is missed, the budget sits
// just above today's figure so nothing grows unnoticed while the gap is closed).
//
// ESM entries ship unminified (a site's bundler minifies them): they are bundled with their
// shared chunks and minified here with the same terser settings, so every figure is "as a
// visitor downloads it". Parts are the script-tag bundle's modules grouped by folder, each group
// minified and compressed on its own (so parts add up to a little more than the whole).
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
  // In the bundle, top-level names are local to its IIFE and get mangled; a part measured on its
  // own must mangle them too, but keep them (other parts use them).
  mangle: { toplevel: true },
});

export const ENTRIES = [
  {
    name: 'dist/zorgvuldig.min.js',
    what: 'script tag: the whole SDK',
    budget: 22.5 * KB,
    target: 13 * KB,
  },
  {
    name: 'dist/zorgvuldig.mjs',
    what: 'npm `zorgvuldig` (js-cookie, web-vitals external)',
    budget: 18 * KB,
    target: 9.7 * KB,
  },
  { name: 'dist/scrub.mjs', what: 'npm `zorgvuldig/scrub`', budget: 4.5 * KB, target: 4.5 * KB },
  { name: 'dist/zorgvuldig-sw.js', what: 'service-worker guard', budget: 1 * KB, target: 1 * KB },
];

/** Parts of the script-tag bundle, by source folder (first match wins; listed in report order below). */
export const PARTS = [
  // The Trusted Types policy lives in lib/ because the script gate uses it too, but it exists for
  // loading gtag.js: it counts with the Google gate.
  {
    name: 'guard + GA gate',
    match: /\/(guard|google)\/|\/lib\/(trustedScriptUrl|hostOf|matchHost|contactedHosts)\.js$/,
    budget: 2.5 * KB,
    target: 1.5 * KB,
  },
  {
    name: 'consent + banner + dialog + jar',
    match: /\/(consent|cookies|ui|gating|lib)\/|js-cookie/,
    budget: 7.2 * KB,
    target: 6 * KB,
  },
  {
    name: 'configuration + API',
    match: /\/(config|core|api)\/|\/(init|script-tag|readScriptConfig|version)\.js$/,
    budget: 4.3 * KB,
    target: null,
  },
  {
    name: 'rights, declaration, audit',
    match: /\/(rights|declaration|audit)\//,
    budget: 2 * KB,
    target: null,
  },
  {
    name: 'statistics',
    match: /\/stats\/|\/lib\/(sendBody|isDelivered|createStoredValue)\.js$/,
    budget: 3 * KB,
    target: null,
  },
  { name: 'scrubber', match: /\/privacy\//, budget: 3.6 * KB, target: null },
  {
    name: 'statistics + scrubber',
    sum: ['statistics', 'scrubber'],
    budget: 6.2 * KB,
    target: 2 * KB,
  },
  { name: 'web-vitals', match: /web-vitals/, budget: 3.4 * KB, target: 3.3 * KB },
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

/** An entry as a visitor downloads it. */
export const measureEntry = async (file) => {
  if (!file.endsWith('.mjs')) return compress(readFileSync(file, 'utf8'));
  const chunk = await bundle(file, { external: ['js-cookie', 'web-vitals', /^web-vitals\//] });
  return compress((await minify(chunk.code, terserOptions(true))).code);
};

/** The script-tag bundle's modules, grouped into PARTS, each minified and compressed. */
export const measureParts = async () => {
  const chunk = await bundle('dist/modules/script-tag.js', { format: 'iife' });
  const groups = new Map(PARTS.map((part) => [part.name, '']));
  for (const [id, module] of Object.entries(chunk.modules)) {
    const part = PARTS.find((candidate) => candidate.match?.test(id));
    if (!part) throw new Error(`size: module ${id} belongs to no part; add it to PARTS`);
    groups.set(part.name, groups.get(part.name) + module.code + '\n');
  }
  const sizes = {};
  for (const part of PARTS) {
    if (part.sum) {
      const code = part.sum.map((name) => groups.get(name)).join('\n');
      sizes[part.name] = compress((await minify(code, terserOptions())).code);
    } else {
      sizes[part.name] = compress((await minify(groups.get(part.name), terserOptions())).code);
    }
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
      `${ok ? 'ok  ' : 'FAIL'} ${label.padEnd(34)} ${kb(size.gzip).padStart(9)} gzip ${kb(size.brotli).padStart(9)} brotli ${kb(size.min).padStart(9)} min   budget ${kb(budget)}${missed}`,
    );
  };
  for (const entry of ENTRIES) row(entry.name, await measureEntry(entry.name), entry);
  const parts = await measureParts();
  for (const part of PARTS) row(`  part: ${part.name}`, parts[part.name], part);
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
