/**
 * Hosts of Google Analytics, Tag Manager and DoubleClick. Without `googleAnalytics` consent the
 * guard lets no request reach any of them. `*.` matches every subdomain.
 */
export const GOOGLE_HOSTS = [
  'google-analytics.com',
  '*.google-analytics.com',
  'analytics.google.com',
  '*.analytics.google.com',
  'googletagmanager.com',
  '*.googletagmanager.com',
  '*.doubleclick.net',
] as const;
