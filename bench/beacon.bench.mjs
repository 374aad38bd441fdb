#!/usr/bin/env node
// Statistics figures for the README and issue 4's budgets, from the built modules (run
// `npm run build` first): min+gzip of the statistics code alone, of statistics with the scrubber
// it uses (web-vitals excluded, as the budget says), and the size of one page-view body.
//   node bench/beacon.bench.mjs
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import nodeResolve from '@rollup/plugin-node-resolve';
import { rollup } from 'rollup';
import { minify } from 'terser';

const modules = new URL('../dist/modules/', import.meta.url).pathname;
if (!existsSync(`${modules}stats/startStats.js`)) {
  console.error('bench: dist/modules is missing. Run `npm run build` first.');
  process.exit(1);
}

/** min+gzip of `startStats` with `external` left out (web-vitals always is). */
const measure = async (external) => {
  const bundle = await rollup({
    input: `${modules}stats/startStats.js`,
    external: (id) => id.startsWith('web-vitals') || external.test(id),
    plugins: [nodeResolve({ browser: true })],
    onwarn: () => {},
  });
  const { output } = await bundle.generate({ format: 'esm' });
  // Import statements of left-out modules vanish in the real bundle: do not count them.
  const code = output[0].code.replace(/^import[^;]*;/gm, '');
  const { code: min } = await minify(code, {
    module: true,
    ecma: 2020,
    compress: { passes: 2, pure_getters: true },
    mangle: { properties: { regex: /^_/ } },
  });
  return { min: Buffer.byteLength(min), gzip: gzipSync(min, { level: 9 }).length };
};

// A realistic page view as startStats builds it (the e2e test measures a live one: 329 bytes).
const pageView = {
  v: 1,
  sid: 'q1w2e3r4t5y6u7i8o9p0aZ',
  hits: [
    {
      type: 'pageview',
      time: new Date().toISOString(),
      url: 'https://www.zorgorganisatie.nl/locaties/tilburg/dagbesteding?utm_source=nieuwsbrief&utm_medium=email',
      prev: '/locaties/tilburg',
      ua: { browser: 'Chrome', version: 131, os: 'Android', device: 'mobile' },
      lang: 'nl',
      status: 200,
      bytes: { transfer: 48213, body: 47911 },
      timing: { ttfb: 182, load: 1240 },
    },
  ],
};

const rows = [
  ['statistics code alone', await measure(/privacy|randomId/)],
  ['statistics + the scrubber it uses', await measure(/randomId/)],
];
for (const [what, { min, gzip }] of rows) {
  console.log(
    `${what.padEnd(36)} ${String(min).padStart(6)} B min  ${String(gzip).padStart(5)} B min+gzip`,
  );
}
console.log(
  `${'one page-view body'.padEnd(36)} ${String(Buffer.byteLength(JSON.stringify(pageView))).padStart(6)} B (budget < 1024)`,
);
