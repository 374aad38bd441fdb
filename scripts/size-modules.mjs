#!/usr/bin/env node
// Where a script-tag part's bytes are: bundles one entry of dist/modules the way rollup.config.mjs
// does (the core's shared modules external, web-vitals without its soft-navigation code) and
// prints each module's minified size, largest first. A module minified on its own is only an
// estimate of its share of the part (gzip works across modules), but it ranks them. Run after
// `npm run build`:
//   node scripts/size-modules.mjs parts/stats.js
// `--without` measures what modules really cost the minified, gzipped part: it is built again
// with each listed module (a path in dist/modules) replaced by exports that do nothing, so the
// module and whatever only it imports drop out, and both sizes are printed:
//   node scripts/size-modules.mjs parts/stats.js --without stats/collectVitals.js
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import nodeResolve from '@rollup/plugin-node-resolve';
import { rollup } from 'rollup';
import { minify } from 'terser';
import { withoutSoftNavigations } from '../rollup.config.mjs';

const modules = resolve('dist/modules');
const args = process.argv.slice(2);
const flag = args.indexOf('--without');
const without = flag < 0 ? [] : args.splice(flag, 2)[1].split(',');
const input = args[0] ?? 'parts/stats.js';
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

/** A module's exports as functions that do nothing: what stands in for a module left out. */
const stubOf = (file) =>
  [...readFileSync(file, 'utf8').matchAll(/^export (?:const|function) (\w+)/gm)]
    .map(([, name]) => `export const ${name} = () => {};`)
    .join('\n');
const leaveOut = (paths) => ({
  name: 'leave-out',
  load(id) {
    const path = relative(modules, id).replace(/\\/g, '/');
    return paths.includes(path) ? stubOf(id) : null;
  },
});
const bundle = async (format, paths = []) => {
  const build = await rollup({
    input: resolve(modules, input),
    external: isShared,
    plugins: [leaveOut(paths), withoutSoftNavigations(), nodeResolve({ browser: true })],
    onwarn() {},
  });
  return (await build.generate({ format })).output[0];
};

if (without.length) {
  // The part's own terser settings (rollup.config.mjs), so the figures are the part's.
  const measure = async (paths) => {
    const { code } = await minify((await bundle('iife', paths)).code, {
      ecma: 2020,
      module: false,
      compress: { passes: 2, pure_getters: true },
      mangle: { properties: { regex: /^_/ } },
    });
    return gzipSync(code, { level: 9 }).length;
  };
  const [whole, rest] = [await measure(), await measure(without)];
  const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
  console.log(`${input}: ${kb(whole)} min+gzip; without ${without.join(', ')}: ${kb(rest)}`);
  console.log(`their share: ${kb(whole - rest)}`);
  process.exit(0);
}

const output = await bundle('esm');
const rows = [];
for (const [id, { code }] of Object.entries(output.modules)) {
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
