// Stage two of the build: `tsc -p tsconfig.build.json` has already emitted plain ES modules and
// their .d.ts files into dist/modules; rollup bundles those per entry. One helper makes the
// plugins so every browser bundle is minified the same way.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const licence = `/*! zorgvuldig v${pkg.version} | MIT */`;
const modules = 'dist/modules';
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** @param {{ minify?: boolean, browser?: boolean }} options */
const configurePlugins = ({ minify = false, browser = true } = {}) => [
  nodeResolve({ browser, preferBuiltins: !browser }),
  minify &&
    terser({
      ecma: 2020,
      module: false,
      compress: { passes: 2, pure_getters: true },
      // Properties that start with `_` are private to one module and are safe to shorten.
      mangle: { properties: { regex: /^_/ } },
      format: { comments: /^!/ },
    }),
];

const dashboardDir = 'dist/dashboard';
const dashboardFiles = ['dashboard.js', 'dashboard.css'];

/** Emits the dashboard's stylesheet next to its script (tsc does not copy CSS). */
const dashboardCss = () => ({
  name: 'dashboard-css',
  generateBundle() {
    this.emitFile({
      type: 'asset',
      fileName: 'dashboard.css',
      source: readFileSync('src/dashboard/dashboard.css', 'utf8'),
    });
  },
});

/**
 * The relay serves the dashboard's files on Workers too, which have no file system: this
 * replaces `relay/dashboard/dashboardAssets.js` with a module holding their text. It runs after
 * the dashboard's own bundle (rollup builds the configurations in order).
 */
const dashboardAssets = () => ({
  name: 'dashboard-assets',
  load(id) {
    if (!id.replaceAll('\\', '/').endsWith('/relay/dashboard/dashboardAssets.js')) return null;
    const files = Object.fromEntries(
      dashboardFiles.map((name) => [name, readFileSync(`${dashboardDir}/${name}`, 'utf8')]),
    );
    return `export const dashboardAssets = ${JSON.stringify(files)};`;
  },
});

export default [
  // The statistics dashboard's page script and stylesheet, served by the relay: separate files,
  // nothing of them reaches the visitor's SDK.
  {
    input: `${modules}/dashboard/main.js`,
    output: { dir: dashboardDir, format: 'iife', entryFileNames: 'dashboard.js', banner: licence },
    plugins: [...configurePlugins({ minify: true }), dashboardCss()],
  },
  // npm: the browser API. js-cookie and web-vitals stay imports so a site's bundler dedupes them.
  {
    input: { zorgvuldig: `${modules}/index.js`, scrub: `${modules}/scrub.js` },
    external: ['js-cookie', 'web-vitals', /^web-vitals\//],
    output: {
      dir: 'dist',
      format: 'esm',
      entryFileNames: '[name].mjs',
      chunkFileNames: 'shared-[hash].mjs',
      banner: licence,
    },
    plugins: configurePlugins(),
  },
  // The script-tag bundle: everything inlined, starts itself. The leading `;` keeps it safe to
  // concatenate after a file that forgot its last semicolon.
  {
    input: `${modules}/script-tag.js`,
    output: { file: 'dist/zorgvuldig.min.js', format: 'iife', banner: `${licence}\n;` },
    plugins: configurePlugins({ minify: true }),
  },
  // The relay for Node (`zorgvuldig/relay`) and the `zorgvuldig-relay` command, which needs a
  // shebang line before the licence.
  {
    input: { relay: `${modules}/relay/index.js`, 'relay-node': `${modules}/relay/node.js` },
    external: [...nodeBuiltins, 'valibot', 'better-sqlite3'],
    output: {
      dir: 'dist',
      format: 'esm',
      entryFileNames: '[name].mjs',
      chunkFileNames: 'relay-shared-[hash].mjs',
      banner: (chunk) =>
        chunk.name === 'relay-node' ? `#!/usr/bin/env node\n${licence}` : licence,
    },
    plugins: [...configurePlugins({ browser: false }), dashboardAssets()],
  },
  // The relay for Cloudflare Workers / workerd: one self-contained module, valibot inlined.
  {
    input: `${modules}/relay/worker.js`,
    output: { file: 'dist/relay-worker.mjs', format: 'esm', banner: licence },
    plugins: [...configurePlugins({ browser: true }), dashboardAssets()],
  },
  // The service worker guard (opt-in `serviceWorker` option): a classic worker script.
  {
    input: `${modules}/sw/serviceWorker.js`,
    output: { file: 'dist/zorgvuldig-sw.js', format: 'iife', banner: licence },
    plugins: configurePlugins({ minify: true }),
  },
];
