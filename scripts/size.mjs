#!/usr/bin/env node
// The size budget, run by `npm test`: min+gzip (and brotli) of every shipped browser entry.
// Entries that ship unminified (the ESM builds, which a site's bundler minifies) are minified
// here with the same terser settings first, so every figure is "as a visitor downloads it".
// A budget is a ceiling CI enforces; a target is the goal the README reports against.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import nodeResolve from '@rollup/plugin-node-resolve';
import { rollup } from 'rollup';
import { minify } from 'terser';

const KB = 1024;
export const ENTRIES = [
  { file: 'dist/zorgvuldig.min.js', what: 'script tag: the whole SDK (UI, jar, guard, GA gate, statistics, scrubber, web-vitals)', budget: 13 * KB, target: 13 * KB },
  { file: 'dist/zorgvuldig.mjs', what: 'npm `zorgvuldig` (js-cookie and web-vitals left to the site bundler)', budget: 10 * KB, target: 9 * KB },
  { file: 'dist/scrub.mjs', what: 'npm `zorgvuldig/scrub`', budget: 3.5 * KB, target: 3 * KB },
  { file: 'dist/zorgvuldig-sw.js', what: 'service-worker guard', budget: 1 * KB, target: 1 * KB },
];

/** An ESM entry with its shared chunks pulled in (its npm dependencies stay imports). */
const bundleEsm = async (file) => {
  const bundle = await rollup({
    input: file,
    external: ['js-cookie', 'web-vitals', /^web-vitals\//],
    plugins: [nodeResolve({ browser: true })],
  });
  const { output } = await bundle.generate({ format: 'esm', inlineDynamicImports: true });
  return output[0].code;
};

const measure = async ({ file }) => {
  const code = file.endsWith('.mjs')
    ? (await minify(await bundleEsm(file), { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true })).code
    : readFileSync(file, 'utf8');
  return {
    min: Buffer.byteLength(code),
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};

const results = [];
let failed = 0;
for (const entry of ENTRIES) {
  const size = await measure(entry);
  const ok = size.gzip <= entry.budget;
  if (!ok) failed++;
  results.push({ ...entry, ...size, ok });
  const kb = (n) => `${(n / KB).toFixed(2)} KB`;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${entry.file.padEnd(24)} ${kb(size.gzip).padStart(9)} gzip  ${kb(size.brotli).padStart(9)} brotli  ${kb(size.min).padStart(9)} min   budget ${kb(entry.budget)}, target ${kb(entry.target)}${size.gzip > entry.target ? ' (target missed)' : ''}`,
  );
}
mkdirSync('reports', { recursive: true });
writeFileSync('reports/size.json', `${JSON.stringify(results, null, 2)}\n`);
if (failed) {
  console.error(`size: ${failed} entr${failed === 1 ? 'y is' : 'ies are'} over budget (min+gzip); see above.`);
  process.exit(1);
}
