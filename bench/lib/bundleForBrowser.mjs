// What a site's bundler would ship for an npm ESM entry: one module, minified. Used for the
// zorgvuldig ESM subject (js-cookie and web-vitals stay imports, resolved by an import map, as
// scripts/size.mjs measures it) and for plausible-tracker, whose build has extensionless imports.
import nodeResolve from '@rollup/plugin-node-resolve';
import { rollup } from 'rollup';
import { minify } from 'terser';

export const bundleForBrowser = async (input, external = []) => {
  const build = await rollup({
    input,
    external,
    plugins: [nodeResolve({ browser: true })],
    onwarn() {},
  });
  const { output } = await build.generate({ format: 'esm', inlineDynamicImports: true });
  const options = {
    ecma: 2020,
    module: true,
    compress: { passes: 2, pure_getters: true },
    mangle: { toplevel: true },
  };
  return (await minify(output[0].code, options)).code;
};
