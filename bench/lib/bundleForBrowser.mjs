// What a site's bundler would ship for an npm ESM entry: the entry and the chunks its dynamic
// `import()`s split off, each minified. Used for the zorgvuldig ESM subject (js-cookie and
// web-vitals stay imports, resolved by an import map, as scripts/size.mjs measures it) and for
// plausible-tracker, whose build has extensionless imports.
import nodeResolve from '@rollup/plugin-node-resolve';
import { rollup } from 'rollup';
import { minify } from 'terser';

/** Returns `[file name, code]` pairs; the entry is `<name>.mjs`, its chunks `<name>-…mjs`. */
export const bundleForBrowser = async (input, name, external = []) => {
  const build = await rollup({
    input,
    external,
    plugins: [nodeResolve({ browser: true })],
    onwarn() {},
  });
  const { output } = await build.generate({
    format: 'esm',
    entryFileNames: `${name}.mjs`,
    chunkFileNames: `${name}-[name]-[hash].mjs`,
  });
  const options = {
    ecma: 2020,
    module: true,
    compress: { passes: 2, pure_getters: true },
    mangle: { toplevel: true },
  };
  const files = [];
  for (const chunk of output.filter((item) => item.type === 'chunk'))
    files.push([chunk.fileName, (await minify(chunk.code, options)).code]);
  return files;
};
