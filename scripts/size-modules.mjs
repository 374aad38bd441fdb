#!/usr/bin/env node
// Where a script-tag part's bytes are: bundles one entry of dist/modules the way rollup.config.mjs
// does (the core's shared modules external) and prints each module's minified size, largest
// first. A module minified on its own is only an estimate of its share of the part (gzip works
// across modules), but it ranks them. web-vitals is counted whole here (the real build drops its
// soft-navigation code, `withoutSoftNavigations` in rollup.config.mjs). Run after `npm run build`:
//   node scripts/size-modules.mjs parts/stats.js
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import nodeResolve from '@rollup/plugin-node-resolve';
import { rollup } from 'rollup';
import { minify } from 'terser';

const modules = resolve('dist/modules');
const input = process.argv[2] ?? 'parts/stats.js';
const shared = [
  ...readFileSync('src/core/sharedModules.ts', 'utf8').matchAll(/^\s+'([\w/]+\.js)': /gm),
].map(([, key]) => key);
const isShared = (id, importer) => {
  const path = importer && id.startsWith('.') ? resolve(importer, '..', id) : id;
  return shared.includes(
    relative(modules, path)
      .replace(/\\/g, '/')
      .replace(/(\.js)?$/, '.js'),
  );
};

const build = await rollup({
  input: resolve(modules, input),
  external: isShared,
  plugins: [nodeResolve({ browser: true })],
  onwarn() {},
});
const { output } = await build.generate({ format: 'esm' });
const rows = [];
for (const [id, { code }] of Object.entries(output[0].modules)) {
  if (!code) continue;
  const { code: min = '' } = await minify(code, {
    ecma: 2020,
    compress: { passes: 2, pure_getters: true, unused: false },
    mangle: true,
  });
  rows.push({
    id: relative(process.cwd(), id),
    min: min.length,
    gzip: gzipSync(min, { level: 9 }).length,
  });
}
rows.sort((a, b) => b.min - a.min);
for (const { id, min, gzip } of rows)
  console.log(`${String(min).padStart(7)} min ${String(gzip).padStart(6)} gz  ${id}`);
const total = rows.reduce((sum, { min }) => sum + min, 0);
console.log(
  `${String(total).padStart(7)} min in ${rows.length} modules (shared with the core: external)`,
);
