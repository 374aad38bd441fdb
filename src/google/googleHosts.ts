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
