/**
 * The dashboard's browser files (`dashboard.js`, `dashboard.css`) as text, by file name, so the
 * relay serves them on Workers too, where there is no file system. The build replaces this
 * module (rollup.config.mjs, `dashboardAssets` plugin) with the text of `dist/dashboard/`;
 * run from source (unit tests) it is empty and the asset URLs answer 404.
 */
export const dashboardAssets: Readonly<Record<string, string>> = {};
