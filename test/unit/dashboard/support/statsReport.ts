import type { StatsReport } from '../../../../src/relay/store/types';

/**
 * A realistic `GET /stats` answer for a week of a care organisation's site, as the store
 * returns it: counts below the threshold as `"<5"`, shares and percentiles withheld as `null`.
 */
export const STATS_REPORT: StatsReport = {
  range: { from: '2026-11-25', to: '2026-12-01', page: null },
  threshold: 5,
  totals: { visits: 412, pageviews: 1260 },
  days: [
    { day: '2026-11-25', visits: 61, pageviews: 180 },
    { day: '2026-11-26', visits: 70, pageviews: 214 },
    { day: '2026-11-27', visits: 58, pageviews: 171 },
    { day: '2026-11-28', visits: 44, pageviews: 139 },
    { day: '2026-11-29', visits: '<5', pageviews: 9 },
    { day: '2026-11-30', visits: 0, pageviews: 0 },
    { day: '2026-12-01', visits: 175, pageviews: 547 },
  ],
  pages: [
    { page: '/', views: 402, visits: 350 },
    { page: '/locaties/tilburg?utm_source=nieuwsbrief', views: 211, visits: 160 },
    { page: '/over-ons', views: 120, visits: 98 },
    { page: '/vacatures/verpleegkundige', views: '<5', visits: '<5' },
  ],
  entries: [
    { page: '/', visits: 300 },
    { page: '/locaties/tilburg?utm_source=nieuwsbrief', visits: 80 },
  ],
  exits: [
    { page: '/contact', visits: 150 },
    { page: '/', visits: 120 },
  ],
  paths: [
    { from: '/', to: '/locaties/tilburg', count: 140 },
    { from: '/locaties/tilburg', to: '/contact', count: 61 },
    { from: '/over-ons', to: '/=SUM(A1)', count: '<5' },
  ],
  referrers: [
    { origin: 'https://www.google.com', visits: 190 },
    { origin: 'https://nieuwsbrief.example.nl', visits: 41 },
  ],
  browsers: [
    { value: 'Chrome', visits: 250, share: 0.607 },
    { value: 'Safari', visits: 120, share: 0.291 },
    { value: 'Firefox', visits: '<5', share: null },
  ],
  os: [{ value: 'Windows', visits: 200, share: 0.485 }],
  devices: [
    { value: 'desktop', visits: 260, share: 0.631 },
    { value: 'mobile', visits: 152, share: 0.369 },
  ],
  languages: [{ value: 'nl', visits: 400, share: 0.971 }],
  statuses: [
    { page: '/oude-folder.pdf', status: 404, views: 12 },
    { page: '/', status: 200, views: 402 },
  ],
  runtime: [
    {
      page: '/',
      samples: 402,
      ttfb: { p50: 48, p75: 90 },
      load: { p50: 275, p75: 410 },
      transfer: { p50: 5320, p75: 8100 },
    },
    {
      page: '/over-ons',
      samples: '<5',
      ttfb: { p50: null, p75: null },
      load: { p50: null, p75: null },
      transfer: { p50: null, p75: null },
    },
  ],
  vitals: [
    {
      page: '/',
      metric: 'lcp',
      samples: 380,
      p75: 2100,
      good: 0.8,
      needsImprovement: 0.15,
      poor: 0.05,
    },
    {
      page: '/',
      metric: 'cls',
      samples: 380,
      p75: 0.18,
      good: 0.6,
      needsImprovement: 0.3,
      poor: 0.1,
    },
    {
      page: '/',
      metric: 'inp',
      samples: 210,
      p75: 640,
      good: 0.4,
      needsImprovement: 0.3,
      poor: 0.3,
    },
    {
      page: '/over-ons',
      metric: 'lcp',
      samples: '<5',
      p75: null,
      good: null,
      needsImprovement: null,
      poor: null,
    },
  ],
  events: [
    {
      name: 'afspraak-gemaakt',
      count: 37,
      visits: 30,
      props: [{ key: 'locatie', value: 'tilburg', count: 21 }],
    },
  ],
  consent: [
    { day: '2026-11-30', total: 0, acceptAll: 0, rejectAll: 0, custom: 0, objection: 0 },
    { day: '2026-12-01', total: 100, acceptAll: 40, rejectAll: 45, custom: 12, objection: '<5' },
  ],
};
