/**
 * Hosts that Google Analytics 4, Google Tag Manager and DoubleClick reach: the default `hosts`
 * of the `googleAnalytics` category, blocked by the network guard until that category is
 * granted. `*.example.com` matches subdomains only, so the bare domain is listed as well.
 */
export const GOOGLE_HOSTS: string[] = [
  'google-analytics.com',
  '*.google-analytics.com',
  'analytics.google.com',
  '*.analytics.google.com',
  'googletagmanager.com',
  '*.googletagmanager.com',
  'doubleclick.net',
  '*.doubleclick.net',
];

/**
 * Cookies gtag.js writes on the site's own domain: `_ga` (client id), `_ga_<container>` (session
 * state), `_gid` and `_gat*` (Universal Analytics leftovers) and `_gcl_*` (Ads conversion
 * linker). The sweeper removes them while `googleAnalytics` is not granted; a trailing `*`
 * matches any suffix.
 */
export const GOOGLE_COOKIES: string[] = ['_ga', '_ga_*', '_gid', '_gat*', '_gcl_*'];
