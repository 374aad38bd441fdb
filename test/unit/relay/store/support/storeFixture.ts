/**
 * A small fixed data set with known answers for every statistics query: three visitors over
 * two days (A on both), page views with referrers, user agents, statuses and runtime, vitals,
 * events with properties, and four consent receipts. The expected answers are worked out by hand
 * in `EXPECTED` (threshold 1, so nothing but zero is hidden).
 */
import type { StoredHit, StoredReceipt, StoredRecord } from '../../../../../src/relay/types';

export const SID = {
  a: 'fixtureVisitorAaaaaaaa',
  b: 'fixtureVisitorBbbbbbbb',
  c: 'fixtureVisitorCccccccc',
} as const;

export const DAY1 = '2025-03-01';
export const DAY2 = '2025-03-02';
/** The clock of the store in the suite: noon on the second day. */
export const NOW = Date.parse(`${DAY2}T12:00:00Z`);

const FIREFOX = { browser: 'Firefox', version: 128, os: 'Windows', device: 'desktop' } as const;
const CHROME = { browser: 'Chrome', version: 131, os: 'Android', device: 'mobile' } as const;

const at = (day: string, time: string) => `${day}T${time}.000Z`;

export const hitRecord = (
  sid: string,
  received: string,
  path: string,
  extra: Partial<StoredHit> = {},
): StoredHit => ({
  received,
  ip: '203.0.0.0',
  sid,
  type: 'pageview',
  time: received,
  url: `https://site.example${path}`,
  ...extra,
});

export const receiptRecord = (
  id: string,
  received: string,
  method: StoredReceipt['method'],
  extra: Partial<StoredReceipt> = {},
): StoredReceipt => ({
  type: 'consent',
  received,
  ip: '203.0.0.0',
  id,
  policy: '2025-01',
  time: received,
  choices: { necessary: true, statistics: method !== 'reject-all' },
  method,
  ...extra,
});

export const FIXTURE: StoredRecord[] = [
  // Day 1, visitor A: search → /home → /zorg, one download.
  hitRecord(SID.a, at(DAY1, '10:00:00'), '/home', {
    ref: 'https://search.example',
    ua: FIREFOX,
    lang: 'nl',
    status: 200,
    bytes: { transfer: 10000, body: 30000 },
    timing: { ttfb: 100, load: 1000 },
  }),
  hitRecord(SID.a, at(DAY1, '10:00:05'), '/home', {
    type: 'vitals',
    timing: { fcp: 1000, lcp: 2000, cls: 0.05, inp: 100 },
  }),
  hitRecord(SID.a, at(DAY1, '10:01:00'), '/zorg', {
    prev: '/home',
    ua: FIREFOX,
    lang: 'nl',
    status: 200,
    bytes: { transfer: 20000 },
    timing: { ttfb: 200, load: 2000 },
  }),
  hitRecord(SID.a, at(DAY1, '10:01:30'), '/zorg', {
    type: 'event',
    name: 'download',
    props: { file: 'folder.pdf', size: 2 },
  }),
  // Day 1, visitor B: search → /home → a missing page.
  hitRecord(SID.b, at(DAY1, '11:00:00'), '/home', {
    ref: 'https://search.example',
    ua: CHROME,
    lang: 'en',
    status: 200,
    bytes: { transfer: 30000 },
    timing: { ttfb: 300, load: 3000 },
  }),
  hitRecord(SID.b, at(DAY1, '11:00:09'), '/home', {
    type: 'vitals',
    timing: { fcp: 2000, lcp: 3000, cls: 0.3, inp: 600 },
  }),
  hitRecord(SID.b, at(DAY1, '11:01:00'), '/missing', {
    prev: '/home',
    ua: CHROME,
    lang: 'en',
    status: 404,
    timing: { ttfb: 50 },
  }),
  // Day 2, visitor A again: a social referrer, one page.
  hitRecord(SID.a, at(DAY2, '08:00:00'), '/home', {
    ref: 'https://social.example',
    ua: FIREFOX,
    lang: 'nl',
    status: 200,
    timing: { ttfb: 700 },
  }),
  // Day 2, visitor C: straight to /zorg, two downloads, then /home.
  hitRecord(SID.c, at(DAY2, '09:00:00'), '/zorg', {
    ua: FIREFOX,
    lang: 'nl',
    status: 200,
    bytes: { transfer: 40000 },
    timing: { ttfb: 400, load: 4000 },
  }),
  hitRecord(SID.c, at(DAY2, '09:00:10'), '/zorg', { type: 'vitals', timing: { lcp: 5000 } }),
  hitRecord(SID.c, at(DAY2, '09:01:00'), '/zorg', {
    type: 'event',
    name: 'download',
    props: { file: 'folder.pdf' },
  }),
  hitRecord(SID.c, at(DAY2, '09:02:00'), '/zorg', {
    type: 'event',
    name: 'download',
    props: { file: 'tarieven.pdf' },
  }),
  hitRecord(SID.c, at(DAY2, '09:05:00'), '/home', {
    prev: '/zorg',
    ua: FIREFOX,
    lang: 'nl',
    status: 200,
    timing: { ttfb: 500 },
  }),
  receiptRecord('fixtureReceipt1xxxxxxx', at(DAY1, '10:00:01'), 'accept-all', { sid: SID.a }),
  receiptRecord('fixtureReceipt2xxxxxxx', at(DAY1, '11:00:01'), 'reject-all', {
    sid: SID.b,
    objection: 'gpc',
  }),
  receiptRecord('fixtureReceipt3xxxxxxx', at(DAY2, '09:00:01'), 'custom', { sid: SID.c }),
  receiptRecord('fixtureReceipt4xxxxxxx', at(DAY2, '09:30:00'), 'accept-all', {
    objection: 'dnt',
  }),
];

const none = { p50: null, p75: null };

/** The report of both days, every page, threshold 1 (zero is the only count hidden: `"<1"`). */
export const EXPECTED = {
  range: { from: DAY1, to: DAY2, page: null },
  threshold: 1,
  totals: { visits: 4, pageviews: 7 },
  days: [
    { day: DAY1, visits: 2, pageviews: 4 },
    { day: DAY2, visits: 2, pageviews: 3 },
  ],
  pages: [
    { page: '/home', views: 4, visits: 4 },
    { page: '/zorg', views: 2, visits: 2 },
    { page: '/missing', views: 1, visits: 1 },
  ],
  entries: [
    { page: '/home', visits: 3 },
    { page: '/zorg', visits: 1 },
  ],
  exits: [
    { page: '/home', visits: 2 },
    { page: '/missing', visits: 1 },
    { page: '/zorg', visits: 1 },
  ],
  paths: [
    { from: '/home', to: '/missing', count: 1 },
    { from: '/home', to: '/zorg', count: 1 },
    { from: '/zorg', to: '/home', count: 1 },
  ],
  referrers: [
    { origin: 'https://search.example', visits: 2 },
    { origin: 'https://social.example', visits: 1 },
  ],
  browsers: [
    { value: 'Firefox', visits: 3, share: 0.75 },
    { value: 'Chrome', visits: 1, share: 0.25 },
  ],
  os: [
    { value: 'Windows', visits: 3, share: 0.75 },
    { value: 'Android', visits: 1, share: 0.25 },
  ],
  devices: [
    { value: 'desktop', visits: 3, share: 0.75 },
    { value: 'mobile', visits: 1, share: 0.25 },
  ],
  languages: [
    { value: 'nl', visits: 3, share: 0.75 },
    { value: 'en', visits: 1, share: 0.25 },
  ],
  statuses: [
    { page: '/missing', status: 404, views: 1 },
    { page: '/home', status: 200, views: 4 },
    { page: '/zorg', status: 200, views: 2 },
  ],
  runtime: [
    {
      page: '/home',
      samples: 4,
      ttfb: { p50: 300, p75: 500 },
      load: { p50: 1000, p75: 3000 },
      transfer: { p50: 10000, p75: 30000 },
    },
    {
      page: '/zorg',
      samples: 2,
      ttfb: { p50: 200, p75: 400 },
      load: { p50: 2000, p75: 4000 },
      transfer: { p50: 20000, p75: 40000 },
    },
    { page: '/missing', samples: 1, ttfb: { p50: 50, p75: 50 }, load: none, transfer: none },
  ],
  vitals: [
    {
      page: '/home',
      metric: 'ttfb',
      samples: 4,
      p75: 500,
      good: 1,
      needsImprovement: null,
      poor: null,
    },
    {
      page: '/home',
      metric: 'cls',
      samples: 2,
      p75: 0.3,
      good: 0.5,
      needsImprovement: null,
      poor: 0.5,
    },
    {
      page: '/home',
      metric: 'fcp',
      samples: 2,
      p75: 2000,
      good: 0.5,
      needsImprovement: 0.5,
      poor: null,
    },
    {
      page: '/home',
      metric: 'inp',
      samples: 2,
      p75: 600,
      good: 0.5,
      needsImprovement: null,
      poor: 0.5,
    },
    {
      page: '/home',
      metric: 'lcp',
      samples: 2,
      p75: 3000,
      good: 0.5,
      needsImprovement: 0.5,
      poor: null,
    },
    {
      page: '/zorg',
      metric: 'ttfb',
      samples: 2,
      p75: 400,
      good: 1,
      needsImprovement: null,
      poor: null,
    },
    {
      page: '/missing',
      metric: 'ttfb',
      samples: 1,
      p75: 50,
      good: 1,
      needsImprovement: null,
      poor: null,
    },
    {
      page: '/zorg',
      metric: 'lcp',
      samples: 1,
      p75: 5000,
      good: null,
      needsImprovement: null,
      poor: 1,
    },
  ],
  events: [
    {
      name: 'download',
      count: 3,
      visits: 2,
      props: [
        { key: 'file', value: 'folder.pdf', count: 2 },
        { key: 'file', value: 'tarieven.pdf', count: 1 },
        { key: 'size', value: '2', count: 1 },
      ],
    },
  ],
  consent: [
    { day: DAY1, total: 2, acceptAll: 1, rejectAll: 1, custom: '<1', objection: 1 },
    { day: DAY2, total: 2, acceptAll: 1, rejectAll: '<1', custom: 1, objection: 1 },
  ],
};
