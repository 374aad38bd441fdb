// Stage two of the build: `tsc -p tsconfig.build.json` has already emitted plain ES modules and
// their .d.ts files into dist/modules; rollup bundles those per entry. One helper makes the
// plugins so every browser bundle is minified the same way.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { builtinModules } from 'node:module';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const licence = `/*! zorgvuldig v${pkg.version} | MIT */`;
const modules = 'dist/modules';
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** @param {{ minify?: boolean, browser?: boolean }} options */
const configurePlugins = ({ minify = false, browser = true } = {}) => [
  minify && withoutSoftNavigations(),
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

/**
 * Modules the core lends its parts through the part hook (`src/core/sharedModules.ts`): in a
 * part build they are externals, read from the hook's `shared` object, never bundled again.
 */
const SHARED = [
  ...readFileSync('src/core/sharedModules.ts', 'utf8').matchAll(/^\s+'([\w/]+\.js)': /gm),
].map(([, key]) => key);
const sharedKey = (id, importer) => {
  const path = importer && id.startsWith('.') ? resolve(importer, '..', id) : id;
  // tsc keeps the sources' extensionless specifiers (`../lib/guarded`).
  const key = relative(resolve(modules), path)
    .replace(/\\/g, '/')
    .replace(/(\.js)?$/, '.js');
  return SHARED.includes(key) ? key : null;
};
const HOOK = 'window[Symbol.for("zorgvuldig.part")]';

/**
 * The script-tag parts, built before the core: the core carries their integrity hashes. The UI
 * comes once per language (`ui.nl`, `ui.en`: the core loads the one of the page's language) and
 * once with both (`ui`, the file the package has always exported).
 */
const LANGS = ['nl', 'en'];
const PARTS = ['shell', 'ui', ...LANGS.map((lang) => `ui.${lang}`), 'stats', 'rights', 'receipts'];
const partFile = (name) => `zorgvuldig.${name}.js`;

/**
 * A one-language UI part: `ui/strings.js` and `config/categoryStrings.js` become modules that hold
 * `lang`'s texts only, so the other language's strings are not in the file at all.
 */
const onlyLanguage = (lang) => ({
  name: 'zorgvuldig-only-language',
  load(id) {
    const base = /[\\/](ui[\\/]strings|config[\\/]categoryStrings)\.js$/.exec(id)?.[1];
    if (!base) return null;
    const file = `./${base.split(/[\\/]/)[1]}.${lang}.js`;
    const constant = lang.toUpperCase();
    return `import { ${constant} } from '${file}';\nexport const STRINGS = { ${lang}: ${constant} };`;
  },
});

/**
 * web-vitals measures soft navigations only when a caller asks (`reportSoftNavs`); the SDK never
 * does (it counts SPA navigations itself, `collectVitals` passes no options). In the browser
 * files its check is the constant it always returns for us, so terser drops that code. Without
 * it the metrics never observe `soft-navigation` or `interaction-contentful-paint` entries, so
 * their handlers' tests for those entry types are `false` too, and their branches go. The build
 * fails if web-vitals stops shipping the check or those tests as written here, rather than
 * silently keep the code.
 */
const SOFT_NAVS = /[\\/]web-vitals[\\/]dist[\\/]modules[\\/]lib[\\/]softNavs\.js$/;
/** The metrics whose entry handlers test for the two entry types only soft navigations bring. */
const SOFT_NAV_ENTRIES = /[\\/]web-vitals[\\/]dist[\\/]modules[\\/]on(CLS|INP|LCP)\.js$/;
const SOFT_NAV_ENTRY_TEST =
  /\bentry\.entryType === '(?:soft-navigation|interaction-contentful-paint)'/g;
export const withoutSoftNavigations = () => {
  let replaced = false;
  return {
    name: 'zorgvuldig-without-soft-navigations',
    buildStart() {
      replaced = false;
    },
    load(id) {
      if (SOFT_NAV_ENTRIES.test(id)) {
        const source = readFileSync(id, 'utf8');
        const without = source.replace(SOFT_NAV_ENTRY_TEST, 'false');
        if (without === source) this.error(`web-vitals: no soft-navigation entry test in ${id}`);
        return without;
      }
      if (!SOFT_NAVS.test(id)) return null;
      const source = readFileSync(id, 'utf8');
      for (const name of ['checkSoftNavsEnabled', 'storeSoftNavEntry']) {
        if (!source.includes(`export const ${name} =`))
          this.error(`web-vitals: no ${name} in ${id}`);
      }
      replaced = true;
      return 'export const checkSoftNavsEnabled = () => false;\nexport const storeSoftNavEntry = () => {};';
    },
    buildEnd(error) {
      const modules = /[\\/]web-vitals[\\/]dist[\\/]modules[\\/]/;
      const vitals = [...this.getModuleIds()].some((id) => modules.test(id));
      if (!error && vitals && !replaced) this.error('web-vitals: softNavs.js was not bundled');
    },
  };
};

/**
 * Writes the parts' SHA-384 hashes into the core in place of `__ZV_PART_INTEGRITY__`, after
 * minification (terser keeps the undeclared name). The parts are on disk by then: rollup builds
 * the configurations below in order.
 */
const partIntegrity = () => ({
  name: 'zorgvuldig-part-integrity',
  generateBundle(_options, bundle) {
    // The two-language `ui` file is for hosting by hand; the core loads the page's language.
    const hashes = Object.fromEntries(
      PARTS.filter((name) => name !== 'ui').map((name) => [
        partFile(name),
        `sha384-${createHash('sha384')
          .update(readFileSync(`dist/${partFile(name)}`))
          .digest('base64')}`,
      ]),
    );
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk') continue;
      const uses = chunk.code.split('__ZV_PART_INTEGRITY__').length - 1;
      if (uses !== 1) throw new Error(`part integrity: expected one placeholder, found ${uses}`);
      chunk.code = chunk.code.replace('__ZV_PART_INTEGRITY__', JSON.stringify(hashes));
    }
  },
});

/**
 * The core names a refused configuration field without the reason (`config/validation.ts`):
 * `EXPLAINED` becomes false, and terser drops every explanation with it.
 */
const terseConfig = () => ({
  name: 'zorgvuldig-terse-config',
  transform: (code) =>
    code.includes('__ZV_TERSE_CONFIG__')
      ? code.replaceAll('typeof __ZV_TERSE_CONFIG__', '"boolean"')
      : null,
});

/**
 * V8's compile hint for a file whose functions nearly all run as it loads: with
 * `//# allFunctionsCalledOnLoad` first, Chromium compiles every function while it streams the
 * file, off the main thread, instead of pausing the SDK's first task at each first call to
 * parse and compile that function again (bench/profile.mjs shows those lazy compiles). Placed
 * after terser, which keeps no such comment; other browsers read it as a comment.
 */
const compileEagerly = () => ({
  name: 'zorgvuldig-compile-eagerly',
  renderChunk: (code) => ({ code: `//# allFunctionsCalledOnLoad\n${code}`, map: null }),
});

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
  // npm: the browser API. js-cookie and web-vitals stay imports so a site's bundler dedupes them;
  // the parts are dynamic imports, so the site's bundler splits them into chunks of their own.
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
  // The script-tag parts, each a self-registering IIFE next to the core. The leading `;` keeps a
  // file safe to concatenate after one that forgot its last semicolon.
  ...PARTS.map((name) => ({
    input: `${modules}/parts/${name.split('.')[0]}.js`,
    external: (id, importer) => sharedKey(id, importer) !== null,
    output: {
      file: `dist/${partFile(name)}`,
      format: 'iife',
      globals: (id) => `S[${JSON.stringify(sharedKey(id))}]`,
      banner: `${licence}\n;(function(S){`,
      footer: `})((${HOOK}||{}).shared||{});`,
    },
    plugins: [
      name.includes('.') && onlyLanguage(name.split('.')[1]),
      ...configurePlugins({ minify: true }),
      // The rights part comes on first use, for one of its functions: compiled as called.
      name !== 'rights' && compileEagerly(),
    ],
  })),
  // The script-tag core: starts itself, loads the parts above with their integrity hashes.
  {
    input: `${modules}/script-tag.js`,
    output: { file: 'dist/zorgvuldig.min.js', format: 'iife', banner: `${licence}\n;` },
    plugins: [
      terseConfig(),
      ...configurePlugins({ minify: true }),
      compileEagerly(),
      partIntegrity(),
    ],
  },
  // The one-file script-tag build: the core with every part inlined.
  {
    input: `${modules}/script-tag-full.js`,
    output: { file: 'dist/zorgvuldig.full.min.js', format: 'iife', banner: `${licence}\n;` },
    plugins: [...configurePlugins({ minify: true }), compileEagerly()],
  },
  // The relay for Node (`zorgvuldig/relay`) and the `zorgvuldig-relay` command, which needs a
  // shebang line before the licence.
  {
    input: { relay: `${modules}/relay/index.js`, 'relay-node': `${modules}/relay/node.js` },
    // Database drivers stay imports: better-sqlite3 is native, pg is loaded only when used.
    external: [...nodeBuiltins, 'valibot', 'better-sqlite3', 'pg'],
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
