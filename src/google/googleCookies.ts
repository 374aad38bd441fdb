/**
 * Cookies gtag.js writes on the site's own domain: `_ga` (client id), `_ga_<container>` (session
 * state), `_gid` and `_gat*` (Universal Analytics leftovers) and `_gcl_*` (Ads conversion
 * linker). The sweeper removes them while `googleAnalytics` is not granted; a trailing `*`
 * matches any suffix.
 */
export const GOOGLE_COOKIES: string[] = ['_ga', '_ga_*', '_gid', '_gat*', '_gcl_*'];
