// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadGtag } from '../../../src/google/loadGtag';
import { startGoogle } from '../../../src/google/startGoogle';
import { startGuard } from '../../../src/guard/startGuard';
import { fakeContext, type FakeContext } from '../guard/fakeContext';

type Global = typeof window & {
  dataLayer?: unknown[];
  gtag?: (...args: unknown[]) => void;
} & Record<string, unknown>;
const global = window as Global;
const GTAG_JS = 'https://www.googletagmanager.com/gtag/js?id=G-TEST123';

/** The dataLayer as plain arrays, and a check that every entry is an `arguments` object. */
const commands = () =>
  (global.dataLayer ?? []).map((entry) => {
    expect(Object.prototype.toString.call(entry)).toBe('[object Arguments]');
    return Array.from(entry as ArrayLike<unknown>);
  });
const gtagScripts = () =>
  Array.from(document.querySelectorAll('script')).filter((script) =>
    script.src.startsWith(GTAG_JS),
  );

let ctx: FakeContext;
const start = (options = {}, choices = {}) => {
  ctx = fakeContext({ google: { measurementId: 'G-TEST123' }, ...options }, choices);
  return startGoogle(ctx, startGuard(ctx).scripted, () => ({ loadGtag }));
};

beforeEach(() => {
  delete global.dataLayer;
  delete global.gtag;
  delete global['ga-disable-G-TEST123'];
  document.head.replaceChildren();
  history.replaceState(null, '', '/zorg/depressie?utm_source=nieuwsbrief&email=jan@example.nl');
});
afterEach(() => ctx?.teardown());

describe('startGoogle before consent', () => {
  it('sets all four Consent Mode v2 defaults to denied first, with the privacy settings', () => {
    start();
    const [first, second] = commands();
    expect(first).toEqual([
      'consent',
      'default',
      {
        ad_storage: 'denied',
        analytics_storage: 'denied',
        ad_user_data: 'denied',
        ad_personalization: 'denied',
      },
    ]);
    expect(second).toEqual([
      'set',
      expect.objectContaining({
        ads_data_redaction: true,
        url_passthrough: false,
        allow_google_signals: false,
        allow_ad_personalization_signals: false,
        cookie_expires: 0,
        cookie_flags: 'SameSite=Lax',
      }),
    ]);
    expect(commands()).toHaveLength(2);
  });

  it('does not load gtag.js and defines a gtag that pushes arguments objects', () => {
    start();
    expect(gtagScripts()).toEqual([]);
    global.gtag!('event', 'x');
    expect(commands().at(-1)).toEqual(['event', 'x']);
  });

  it("puts the defaults before a site's own gtag commands that ran first", () => {
    global.dataLayer = [];
    global.dataLayer.push(['not arguments']);
    const siteGtag = function (..._args: unknown[]) {
      // eslint-disable-next-line prefer-rest-params
      global.dataLayer!.push(arguments);
    };
    global.gtag = siteGtag;
    siteGtag('config', 'G-SITE');
    start();
    const entries = (global.dataLayer ?? []).map((entry) =>
      Array.from(entry as ArrayLike<unknown>),
    );
    expect(entries[0][0]).toBe('consent');
    expect(entries[1][0]).toBe('set');
    expect(entries.slice(2)).toEqual([['not arguments'], ['config', 'G-SITE']]);
    expect(global.gtag).toBe(siteGtag);
  });

  it('without a measurement id sets the defaults but never loads gtag.js', () => {
    start({ google: {} }, { googleAnalytics: true });
    expect(commands()[0].slice(0, 2)).toEqual(['consent', 'default']);
    expect(gtagScripts()).toEqual([]);
    expect(commands().some(([name]) => name == 'config')).toBe(false);
  });
});

describe('startGoogle on consent and withdrawal', () => {
  it('grants analytics storage only, loads gtag.js once and configures it privately', () => {
    start({ google: { measurementId: 'G-TEST123', transportUrl: 'https://zorg.example/zv' } });
    ctx.consent.set({ googleAnalytics: true }, 'accept-all');
    ctx.consent.set({ statistics: true }, 'api');
    const all = commands();
    expect(all[2]).toEqual(['consent', 'update', { analytics_storage: 'granted' }]);
    expect(all[3][0]).toBe('js');
    const config = all.find(([name]) => name == 'config')!;
    expect(config[1]).toBe('G-TEST123');
    expect(config[2]).toMatchObject({
      allow_google_signals: false,
      allow_ad_personalization_signals: false,
      cookie_expires: 0,
      page_location: 'http://localhost:3000/zorg/depressie?utm_source=nieuwsbrief',
      page_referrer: '',
      transport_url: 'https://zorg.example/zv',
    });
    expect(gtagScripts()).toHaveLength(1);
    expect(gtagScripts()[0].async).toBe(true);
    expect(global['ga-disable-G-TEST123']).toBe(false);
  });

  it('switches GA off in the same page on withdrawal, and does not load gtag.js twice', () => {
    start();
    ctx.consent.set({ googleAnalytics: true }, 'accept-all');
    ctx.consent.set({ googleAnalytics: false }, 'withdraw');
    expect(commands().at(-1)).toEqual(['consent', 'update', { analytics_storage: 'denied' }]);
    expect(global['ga-disable-G-TEST123']).toBe(true);
    ctx.consent.set({ googleAnalytics: true }, 'api');
    expect(gtagScripts()).toHaveLength(1);
    expect(commands().filter(([name]) => name == 'config')).toHaveLength(1);
    expect(global['ga-disable-G-TEST123']).toBe(false);
  });

  it('loads gtag.js at start when consent was already given on an earlier page', () => {
    start({}, { googleAnalytics: true });
    expect(gtagScripts()).toHaveLength(1);
    expect(commands()[0][1]).toBe('default');
  });

  it('sets cookie_flags Secure on https', () => {
    // happy-dom lets the test choose the protocol through its URL.
    vi.stubGlobal('location', new URL('https://zorg.example/'));
    start();
    expect(commands()[1][1]).toMatchObject({ cookie_flags: 'SameSite=Lax;Secure' });
    vi.unstubAllGlobals();
  });
});

describe('startGoogle: raw tags', () => {
  it('warns about a raw GA tag in the HTML, naming it and the fix', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    // Written by the HTML parser, not through the guarded setters.
    document.head.insertAdjacentHTML(
      'beforeend',
      '<script async src="https://www.googletagmanager.com/gtag/js?id=G-RAW"></script>',
    );
    const inert = document.createElement('script');
    inert.type = 'text/plain';
    inert.setAttribute('data-src', GTAG_JS);
    document.head.append(inert);
    const gate = start();
    expect(gate.rawTags()).toEqual(['https://www.googletagmanager.com/gtag/js?id=G-RAW']);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toContain('gtag/js?id=G-RAW');
    expect(warn.mock.calls[0][0]).toContain('type="text/plain" data-zv-category="googleAnalytics"');
    warn.mockRestore();
  });

  it('does not count the SDK its own gtag.js as a raw tag', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const gate = start({}, { googleAnalytics: true });
    expect(gtagScripts()).toHaveLength(1);
    expect(gate.rawTags()).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});
