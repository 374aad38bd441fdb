// Generated visits for a care organisation's site, as the relay would have stored them: visitors
// who arrive from search, social, other sites or directly, walk a few pages along the site's
// links, measure runtime and web vitals, click a download or the phone number, and answer the
// consent banner. Deterministic for a seed. Nothing here is real: every record is invented.
import { createHash } from 'node:crypto';

/** A small, seedable PRNG (mulberry32): the same seed gives the same data set. */
export const createRandom = (seed) => {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (weighted) => {
    let r = next() * weighted.total;
    for (const [value, weight] of weighted.entries) if ((r -= weight) < 0) return value;
    return weighted.entries.at(-1)[0];
  };
  /** Log-normal around `median` (ms, bytes): most values near it, a long slow tail. */
  const logNormal = (median, spread = 0.6) => {
    const u = Math.max(next(), 1e-9);
    const v = next();
    return median * Math.exp(spread * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  };
  const token = (length = 22) =>
    createHash('sha256').update(String(next())).digest('base64url').slice(0, length);
  return { next, pick, logNormal, token };
};

const weighted = (entries) => ({ entries, total: entries.reduce((sum, [, w]) => sum + w, 0) });

const CITIES = [
  'utrecht',
  'amersfoort',
  'zeist',
  'nieuwegein',
  'houten',
  'woerden',
  'ede',
  'veenendaal',
];
const SERVICES = [
  'thuiszorg',
  'wijkverpleging',
  'dagbesteding',
  'huishoudelijke-hulp',
  'dementiezorg',
  'revalidatie',
];
/** Pages and how often visitors open them (popular first, a long tail of news and vacancies). */
const PAGES = weighted([
  ['/', 30],
  ['/zorg', 12],
  ...SERVICES.map((s, i) => [`/zorg/${s}`, 10 / (i + 1)]),
  ['/locaties', 6],
  ...CITIES.map((c, i) => [`/locaties/${c}`, 4 / (i + 1)]),
  ['/werken-bij', 6],
  ...Array.from({ length: 25 }, (_, i) => [`/werken-bij/vacatures/${1200 + i}`, 1.5 / (1 + i / 3)]),
  ...Array.from({ length: 40 }, (_, i) => [`/nieuws/bericht-${i + 1}`, 1 / (1 + i / 4)]),
  ['/contact', 5],
  ['/over-ons', 3],
  ['/tarieven', 3],
  ['/clientenraad', 1],
  ['/privacy', 1],
]);
const REFERRERS = weighted([
  [null, 35],
  ['https://www.google.com', 38],
  ['https://www.bing.com', 4],
  ['https://duckduckgo.com', 2],
  ['https://www.facebook.com', 6],
  ['https://www.linkedin.com', 4],
  ['https://www.zorgkaartnederland.nl', 6],
  ['https://www.gemeente.example', 5],
]);
const AGENTS = weighted([
  [{ browser: 'Chrome', version: 131, os: 'Android', device: 'mobile' }, 24],
  [{ browser: 'Chrome', version: 131, os: 'Windows', device: 'desktop' }, 20],
  [{ browser: 'Safari', version: 18, os: 'iOS', device: 'mobile' }, 22],
  [{ browser: 'Safari', version: 18, os: 'iOS', device: 'tablet' }, 4],
  [{ browser: 'Safari', version: 18, os: 'macOS', device: 'desktop' }, 5],
  [{ browser: 'Edge', version: 131, os: 'Windows', device: 'desktop' }, 10],
  [{ browser: 'Firefox', version: 133, os: 'Windows', device: 'desktop' }, 5],
  [{ browser: 'Firefox', version: 133, os: 'Linux', device: 'desktop' }, 1],
  [{ browser: 'Samsung Internet', version: 27, os: 'Android', device: 'mobile' }, 6],
  [{ browser: 'Chrome', version: 131, os: 'ChromeOS', device: 'desktop' }, 1],
  [{ browser: 'other', version: null, os: 'other', device: 'unknown' }, 2],
]);
const LANGUAGES = weighted([
  ['nl', 86],
  ['en', 7],
  ['de', 2],
  ['tr', 2],
  ['ar', 2],
  ['pl', 1],
]);
const CONSENT = weighted([
  [{ method: 'accept-all' }, 52],
  [{ method: 'reject-all' }, 24],
  [{ method: 'custom' }, 14],
  [{ method: 'reject-all', objection: 'gpc' }, 6],
  [{ method: 'api', objection: 'dnt' }, 1],
  [null, 3],
]);
const STATUS = weighted([
  [200, 975],
  [404, 20],
  [500, 5],
]);
const ORIGIN = 'https://www.zorg.example';
const MS_PER_DAY = 864e5;

const iso = (time) => new Date(time).toISOString();

/** The hit of a page, its record fields as the relay stores them. */
const pageview = (random, visit, path, prev, time) => {
  const status = random.pick(STATUS);
  const record = {
    received: iso(time),
    ip: visit.ip,
    sid: visit.sid,
    bid: random.token(22),
    type: 'pageview',
    time: iso(time),
    url: `${ORIGIN}${path}${visit.campaign && !prev ? `?utm_source=${visit.campaign}` : ''}`,
  };
  if (prev) record.prev = prev;
  else if (visit.ref) record.ref = visit.ref;
  record.ua = { ...visit.ua };
  record.lang = visit.lang;
  record.status = status;
  const mobile = visit.ua.device === 'mobile' ? 1.6 : 1;
  record.bytes = {
    transfer: Math.round(random.logNormal(18_000, 0.5)),
    body: Math.round(random.logNormal(60_000, 0.4)),
  };
  record.timing = {
    ttfb: Math.round(random.logNormal(280 * mobile, 0.5)),
    load: Math.round(random.logNormal(1400 * mobile, 0.5)),
  };
  return record;
};

/** Web vitals of a page view, sent when the page is hidden. */
const vitals = (random, visit, page, time) => {
  const mobile = visit.ua.device === 'mobile' ? 1.5 : 1;
  return {
    received: iso(time),
    ip: visit.ip,
    sid: visit.sid,
    bid: random.token(22),
    type: 'vitals',
    time: iso(time),
    url: page.url,
    timing: {
      fcp: Math.round(random.logNormal(1100 * mobile, 0.45)),
      lcp: Math.round(random.logNormal(1900 * mobile, 0.5)),
      cls: Math.round(random.logNormal(0.04, 1.1) * 1000) / 1000,
      inp: Math.round(random.logNormal(110 * mobile, 0.7)),
    },
  };
};

/** A `track()` event on the page, in a beacon of its own. */
const eventHit = (random, visit, page, { name, props }, time) => ({
  received: iso(time),
  ip: visit.ip,
  sid: visit.sid,
  bid: random.token(22),
  type: 'event',
  time: iso(time),
  url: page.url,
  name,
  props,
});

const EVENTS = [
  (random) => ({
    name: 'download',
    props: { bestand: random.next() < 0.6 ? 'brochure.pdf' : 'tarieven-2025.pdf' },
  }),
  () => ({ name: 'bel-ons', props: { knop: 'header' } }),
  (random, path) => ({
    name: 'formulier-verzonden',
    props: { formulier: path.startsWith('/werken-bij') ? 'sollicitatie' : 'contact' },
  }),
  (random) => ({ name: 'zoeken', props: { resultaten: Math.floor(random.next() * 20) } }),
];

/**
 * Yields bodies (arrays of records one beacon or receipt carries) until `pageviews` page views
 * are made, spread evenly over the `days` days that end at `now`.
 */
export function* generateVisits({
  pageviews = 10_000,
  days = 30,
  now = Date.now(),
  seed = 1,
} = {}) {
  const random = createRandom(seed);
  const start = now - days * MS_PER_DAY;
  let made = 0;
  while (made < pageviews) {
    // Visits arrive evenly over the period, at daytime-weighted hours.
    const day = Math.floor((made / pageviews) * days);
    const hour = 7 + Math.floor(random.next() * random.next() * 16);
    let time = start + day * MS_PER_DAY + hour * 36e5 + Math.floor(random.next() * 36e5);
    if (time > now - 60_000) time = now - 60_000 - Math.floor(random.next() * 36e5);
    const visit = {
      sid: random.token(22),
      ip: `${10 + Math.floor(random.next() * 200)}.${Math.floor(random.next() * 256)}.0.0`,
      ref: random.pick(REFERRERS),
      ua: random.pick(AGENTS),
      lang: random.pick(LANGUAGES),
      campaign: random.next() < 0.05 ? 'nieuwsbrief' : null,
    };
    const consent = random.pick(CONSENT);
    if (consent) {
      const choice =
        consent.method === 'accept-all' || (consent.method === 'custom' && random.next() < 0.5);
      yield [
        {
          type: 'consent',
          received: iso(time + 1500),
          ip: visit.ip,
          id: random.token(22),
          policy: '2025-01',
          time: iso(time + 1500),
          choices: { necessary: true, statistics: !consent.objection, marketing: choice },
          method: consent.method,
          ...(consent.objection ? { objection: consent.objection } : {}),
          sid: visit.sid,
        },
      ];
    }
    // A walk of 1–8 pages: half the visitors leave after one page.
    const length = random.next() < 0.5 ? 1 : 2 + Math.floor(random.next() * random.next() * 7);
    let prev = null;
    for (let step = 0; step < length && made < pageviews; step++) {
      const path = random.pick(PAGES);
      const view = pageview(random, visit, path, prev, time);
      yield [view];
      if (random.next() < 0.15) {
        time += 5000 + Math.floor(random.next() * 30_000);
        const event = EVENTS[Math.floor(random.next() * EVENTS.length)](random, path);
        yield [eventHit(random, visit, view, event, time)];
      }
      made++;
      time += 10_000 + Math.floor(random.logNormal(40_000, 0.8));
      if (random.next() < 0.75) yield [vitals(random, visit, view, time - 1000)];
      prev = new URL(view.url).pathname;
    }
  }
}
