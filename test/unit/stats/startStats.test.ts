// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Config } from '../../../src/config/config';
import type { ConsentController, ConsentState } from '../../../src/consent/types';
import type { Context, SdkEvents } from '../../../src/context/context';
import { createSessionJar, type SessionJar } from '../../../src/cookies/createSessionJar';
import { createEmitter } from '../../../src/lib/createEmitter';
import type { CollectBody, Hit } from '../../../src/protocol/types';
import { PSEUDONYM_COOKIE } from '../../../src/config/defaultCategories';
import { createNavigationFeed, type NavigationFeed } from '../../../src/lib/createNavigationFeed';
import { stashUnsentPage } from '../../../src/lib/unsentPages';
import { startStats } from '../../../src/stats/startStats';

/** The core's navigation feed, undone with the instance. */
const feed = (ctx: Context) => {
  const navigation = createNavigationFeed();
  ctx.onTeardown(navigation.stop);
  return navigation;
};

const reporters = vi.hoisted(() => [] as ((metric: { name: string; value: number }) => void)[]);
const report = vi.hoisted(
  () => (callback: (typeof reporters)[number]) => void reporters.push(callback),
);
vi.mock('web-vitals/onFCP.js', () => ({ onFCP: report }));
vi.mock('web-vitals/onLCP.js', () => ({ onLCP: report }));
vi.mock('web-vitals/onCLS.js', () => ({ onCLS: report }));
vi.mock('web-vitals/onINP.js', () => ({ onINP: report }));
vi.mock('web-vitals/onTTFB.js', () => ({ onTTFB: report }));

const ORIGIN = location.origin;
/** Every field a hit may carry: anything else (screen, timezone, fonts…) would fingerprint. */
const HIT_FIELDS = [
  'type',
  'time',
  'url',
  'prev',
  'ref',
  'lang',
  'status',
  'bytes',
  'timing',
  'name',
  'props',
];

let fetched: CollectBody[];
let beacons: CollectBody[];
let teardowns: (() => void)[];

interface Setup {
  granted?: boolean;
  endpoint?: string | null;
  jar?: SessionJar;
  /** A feed the core started earlier (the part arrives after the page navigated). */
  navigation?: NavigationFeed;
}

const start = ({
  granted = true,
  endpoint = '/zv',
  jar = createSessionJar(false),
  navigation,
}: Setup = {}) => {
  let allowed = granted;
  const listeners = new Set<(state: ConsentState) => void>();
  const consent = {
    isGranted: (category: string) =>
      category === 'necessary' || (category === 'statistics' && allowed),
    onChange(listener: (state: ConsentState) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  } as ConsentController;
  const events = createEmitter<SdkEvents>();
  const emitted: CollectBody[] = [];
  events.on('beacon', (body) => emitted.push(body));
  const ctx: Context = {
    config: {
      endpoint,
      queryAllowList: ['utm_*'],
      statisticsDefault: 'on',
      pseudonymMaxAge: 24 * 3600_000,
    } as Config,
    consent,
    events,
    jar,
    onTeardown: (fn) => void teardowns.push(fn),
  };
  const stats = startStats(ctx, navigation ?? feed(ctx));
  const allow = (value: boolean) => {
    allowed = value;
    listeners.forEach((listener) => listener({} as ConsentState));
  };
  return { stats, allow, emitted, jar };
};

const hits = (bodies = fetched): Hit[] => bodies.flatMap((body) => body.hits);
/** happy-dom's PageTransitionEvent ignores `persisted`. */
const pageshow = (persisted: boolean) =>
  Object.defineProperty(new Event('pageshow'), 'persisted', { value: persisted });
const settle = () => vi.runAllTimersAsync();
/** The pseudonym in the cookie, without its creation time. */
const cookie = () => document.cookie.match(/(?:^|; )zv_id=([\w-]{22})/)?.[1];

beforeEach(() => {
  vi.useFakeTimers();
  sessionStorage.clear();
  document.cookie = `${PSEUDONYM_COOKIE}=; path=/; max-age=0`;
  history.replaceState(null, '', '/');
  Object.defineProperty(document, 'referrer', { value: '', configurable: true });
  document.documentElement.lang = 'nl-NL';
  reporters.length = 0;
  fetched = [];
  beacons = [];
  teardowns = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      fetched.push(JSON.parse(String(init.body)));
      return new Response(null, { status: 202 });
    }),
  );
  navigator.sendBeacon = (_url, body) => {
    beacons.push(JSON.parse(String(body)));
    return true;
  };
});
afterEach(() => {
  teardowns.forEach((teardown) => teardown());
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('startStats: page views', () => {
  it('sends one page view on load with the scrubbed URL, reduced user agent and language', async () => {
    history.replaceState(
      null,
      '',
      '/locaties/tilburg?utm_source=nieuwsbrief&mail=jan@example.nl#top',
    );
    start();
    await settle();
    expect(fetched).toHaveLength(1);
    const [hit] = hits();
    expect(hit).toMatchObject({
      type: 'pageview',
      url: `${ORIGIN}/locaties/tilburg?utm_source=nieuwsbrief`,
      lang: 'nl',
    });
    expect(new Date(hit.time).toISOString()).toBe(hit.time);
  });

  it('never sends the raw user agent or a fingerprinting field', async () => {
    start();
    await settle();
    const json = JSON.stringify(fetched);
    expect(json).not.toContain(navigator.userAgent);
    expect(json).not.toContain('HappyDOM');
    for (const hit of hits()) for (const key of Object.keys(hit)) expect(HIT_FIELDS).toContain(key);
    // Not even reduced: the relay reduces the request's own User-Agent header.
    expect(hits()[0]).not.toHaveProperty('ua');
  });

  it('names the previous in-site path after pushState, and the external origin on entry', async () => {
    Object.defineProperty(document, 'referrer', {
      value: 'https://www.google.nl/search?q=jan%40example.nl',
    });
    history.replaceState(null, '', '/over-ons');
    start();
    history.pushState(null, '', '/locaties?utm_medium=mail&session=abc');
    await settle();
    const [first, second] = hits();
    expect(first).toMatchObject({ url: `${ORIGIN}/over-ons`, ref: 'https://www.google.nl' });
    expect(first.prev).toBeUndefined();
    expect(second).toMatchObject({ url: `${ORIGIN}/locaties?utm_medium=mail`, prev: '/over-ons' });
    expect(second.ref).toBeUndefined();
  });

  it('counts, in order, the navigations a single-page app made before the part arrived', async () => {
    history.replaceState(null, '', '/start');
    const navigation = createNavigationFeed();
    teardowns.push(navigation.stop);
    history.pushState(null, '', '/stap-1?email=jan%40example.nl');
    history.replaceState(null, '', '/stap-1?email=jan%40example.nl#x');
    history.pushState(null, '', '/stap-2');
    start({ navigation });
    await settle();
    expect(hits().map((hit) => [hit.url, hit.prev])).toEqual([
      [`${ORIGIN}/start`, undefined],
      [`${ORIGIN}/stap-1`, '/start'],
      [`${ORIGIN}/stap-2`, '/stap-1'],
    ]);
    // Handed over once: later navigations are the part's own.
    expect(navigation.take()).toEqual([]);
  });

  it('counts first the pages of this tab left before the part arrived, scrubbed now', async () => {
    history.replaceState(null, '', '/nu');
    stashUnsentPage({
      id: 'a',
      urls: [`${ORIGIN}/eerder?email=jan%40example.nl`, `${ORIGIN}/eerder/stap-2`],
      referrer: 'https://www.google.nl/search?q=0612345678',
      time: '2026-12-02T10:00:00.000Z',
    });
    start();
    await settle();
    expect(hits().map((hit) => [hit.url, hit.prev ?? hit.ref, hit.time])).toEqual([
      [`${ORIGIN}/eerder`, 'https://www.google.nl', '2026-12-02T10:00:00.000Z'],
      [`${ORIGIN}/eerder/stap-2`, '/eerder', '2026-12-02T10:00:00.000Z'],
      [`${ORIGIN}/nu`, undefined, expect.any(String)],
    ]);
    expect(JSON.stringify(fetched)).not.toContain('jan');
    expect(sessionStorage.getItem('zv_unsent')).toBeNull();
  });

  it('drops the pages left before the part arrived when statistics are not allowed', async () => {
    stashUnsentPage({
      id: 'a',
      urls: [`${ORIGIN}/eerder`],
      referrer: '',
      time: new Date().toISOString(),
    });
    start({ granted: false });
    await settle();
    expect(fetched).toEqual([]);
    expect(sessionStorage.getItem('zv_unsent')).toBeNull();
  });

  it('takes an in-site referrer as the previous path, scrubbed', async () => {
    Object.defineProperty(document, 'referrer', {
      value: `${ORIGIN}/zoek?q=0612345678&utm_source=x`,
    });
    start();
    await settle();
    expect(hits()[0].prev).toBe('/zoek?utm_source=x');
  });

  it('counts replaceState and popstate only when the page changes', async () => {
    start();
    history.replaceState(null, '', '/#section');
    history.replaceState(null, '', '/?tab=2');
    history.pushState(null, '', '/');
    history.replaceState(null, '', '/contact');
    history.pushState(null, '', '/contact#form');
    history.pushState(null, '', '/route');
    window.dispatchEvent(new PopStateEvent('popstate'));
    history.back = () => {};
    history.replaceState(null, '', '/contact');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await settle();
    expect(hits().map((hit) => new URL(hit.url).pathname)).toEqual([
      '/',
      '/contact',
      '/route',
      '/contact',
    ]);
    expect(hits().map((hit) => hit.prev)).toEqual([undefined, '/', '/contact', '/route']);
  });

  it('counts a back/forward-cache restore as a new page view', async () => {
    start();
    await settle();
    window.dispatchEvent(pageshow(false));
    window.dispatchEvent(pageshow(true));
    await settle();
    expect(hits().map((hit) => hit.type)).toEqual(['pageview', 'pageview']);
  });

  it('cuts a very long URL', async () => {
    history.replaceState(null, '', `/${'a'.repeat(100_000)}`);
    start();
    await settle();
    expect(hits()[0].url.length).toBeLessThanOrEqual(1024);
  });
});

describe('startStats: pseudonym and permission', () => {
  it('uses 128 random bits in base64url, kept in the zv_id session cookie', async () => {
    const { stats } = start();
    const sid = stats.pseudonym()!;
    expect(sid).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(cookie()).toBe(sid);
    await settle();
    expect(fetched[0].sid).toBe(sid);
  });

  it('keeps the pseudonym across page loads in the session and renews it on forget()', async () => {
    const first = start().stats.pseudonym();
    teardowns.forEach((teardown) => teardown());
    teardowns = [];
    const { stats } = start();
    expect(stats.pseudonym()).toBe(first);
    stats.forget();
    const renewed = stats.pseudonym();
    expect(renewed).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(renewed).not.toBe(first);
    expect(cookie()).toBe(renewed);
  });

  it('starts a new pseudonym rather than restore one whose cookie was deleted elsewhere', () => {
    const { stats } = start();
    const first = stats.pseudonym();
    // forget() in another tab of the same browser session removes the shared cookie.
    document.cookie = `${PSEUDONYM_COOKIE}=; path=/; max-age=0`;
    const next = stats.pseudonym();
    expect(next).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(next).not.toBe(first);
    expect(cookie()).toBe(next);
  });

  it('adopts the pseudonym another tab of the session wrote', () => {
    const { stats } = start();
    stats.pseudonym();
    document.cookie = `${PSEUDONYM_COOKIE}=BBBBBBBBBBBBBBBBBBBBBB.${Date.now().toString(36)}; path=/`;
    expect(stats.pseudonym()).toBe('BBBBBBBBBBBBBBBBBBBBBB');
  });

  it('replaces a pseudonym older than pseudonymMaxAge (a session restored for days)', () => {
    const old = Date.now() - 25 * 3600_000;
    document.cookie = `${PSEUDONYM_COOKIE}=BBBBBBBBBBBBBBBBBBBBBB.${old.toString(36)}; path=/`;
    const { stats } = start();
    const next = stats.pseudonym();
    expect(next).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(next).not.toBe('BBBBBBBBBBBBBBBBBBBBBB');
    expect(cookie()).toBe(next);
    expect(stats.pseudonym()).toBe(next);
    // Dated in the future: not made here either.
    document.cookie = `${PSEUDONYM_COOKIE}=CCCCCCCCCCCCCCCCCCCCCC.${(Date.now() + 3600_000).toString(36)}; path=/`;
    expect(stats.pseudonym()).not.toBe('CCCCCCCCCCCCCCCCCCCCCC');
  });

  it('sends nothing and sets no cookie without statistics permission', async () => {
    const { stats } = start({ granted: false });
    history.pushState(null, '', '/elders');
    stats.track('klik');
    window.dispatchEvent(new Event('pagehide'));
    await settle();
    expect(fetched).toEqual([]);
    expect(beacons).toEqual([]);
    expect(stats.pseudonym()).toBeNull();
    expect(cookie()).toBeUndefined();
  });

  it('sends nothing without an endpoint', async () => {
    const { stats } = start({ endpoint: null });
    await settle();
    expect(fetched).toEqual([]);
    expect(stats.pseudonym()).toBeNull();
  });

  it('removes a pseudonym and queue left by an earlier page when statistics are now refused', () => {
    document.cookie = 'zv_id=AAAAAAAAAAAAAAAAAAAAAA; path=/';
    sessionStorage.setItem(
      'zv_queue',
      JSON.stringify({ hits: [{ type: 'pageview' }], dropped: 0 }),
    );
    start({ granted: false });
    expect(cookie()).toBeUndefined();
    expect(JSON.parse(sessionStorage.getItem('zv_queue') ?? '{"hits":[]}').hits).toEqual([]);
  });

  it('removes the cookie at once on withdrawal and drops what was queued', async () => {
    const { stats, allow } = start();
    await settle();
    history.pushState(null, '', '/na');
    allow(false);
    expect(cookie()).toBeUndefined();
    expect(stats.pseudonym()).toBeNull();
    await settle();
    expect(hits()).toHaveLength(1);
  });

  it('counts the page once statistics are granted, under a new pseudonym', async () => {
    const { stats, allow } = start({ granted: false });
    allow(true);
    allow(true);
    await settle();
    expect(hits()).toHaveLength(1);
    expect(fetched[0].sid).toBe(stats.pseudonym());
    expect(cookie()).toBe(stats.pseudonym());
  });

  it('keeps the pseudonym in memory when cookies are blocked', async () => {
    const jar = { ...createSessionJar(false), get: () => undefined, set: () => false };
    const { stats } = start({ jar });
    const sid = stats.pseudonym();
    expect(sid).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(stats.pseudonym()).toBe(sid);
    await settle();
    expect(fetched[0].sid).toBe(sid);
  });
});

describe('startStats: events, vitals and the transparency log', () => {
  it('rejects a missing or non-string event name', () => {
    const { stats } = start({ granted: false });
    const track = stats.track as (name: unknown) => void;
    for (const name of [undefined, 42, '', '   ', {}]) {
      expect(() => track(name)).toThrow('zorgvuldig track(): name must be a non-empty string');
    }
  });

  it('sends an event hit with its name and properties scrubbed', async () => {
    const { stats } = start();
    stats.track('download jan@example.nl', {
      file: 'folder.pdf',
      bsn: '111222333',
      nested: { a: 1 },
    });
    stats.track('x'.repeat(500));
    await settle();
    const [, event, long] = hits();
    expect(event).toMatchObject({
      type: 'event',
      name: 'download [email]',
      props: { file: 'folder.pdf' },
    });
    expect(JSON.stringify(event)).not.toContain('111222333');
    expect(event.props).not.toHaveProperty('nested');
    expect(long.name!.length).toBeLessThanOrEqual(64);
  });

  it('sends the web-vitals once, batched, with sendBeacon when the page is hidden', async () => {
    start();
    await settle();
    for (const [name, value] of [
      ['FCP', 812.4],
      ['LCP', 1290.6],
      ['TTFB', 80.2],
    ] as const) {
      reporters.forEach((report) => report({ name, value }));
    }
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    reporters.forEach((report) => report({ name: 'CLS', value: 0.04321 }));
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    await settle();
    const vitals = hits(beacons).filter((hit) => hit.type === 'vitals');
    expect(vitals).toHaveLength(1);
    // reporters holds each callback five times (one per metric); the values are what matter.
    expect(vitals[0].timing).toEqual({ fcp: 812, lcp: 1291, ttfb: 80, cls: 0.043 });
  });

  it('ignores a visibilitychange that does not hide the page', async () => {
    start();
    await settle();
    reporters.forEach((report) => report({ name: 'FCP', value: 1 }));
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(beacons).toEqual([]);
  });

  it('logs every body sent across page loads, emits it, and forget() clears the log', async () => {
    const { emitted } = start();
    await settle();
    teardowns.forEach((teardown) => teardown());
    teardowns = [];
    history.pushState(null, '', '/tweede');
    const second = start();
    await settle();
    expect(second.stats.sent()).toEqual(fetched);
    expect(second.stats.sent()).toHaveLength(2);
    expect(emitted).toEqual([fetched[0]]);
    second.stats.sent()[0].sid = 'changed';
    expect(second.stats.sent()[0].sid).toBe(fetched[0].sid);
    second.stats.forget();
    expect(second.stats.sent()).toEqual([]);
  });
});
