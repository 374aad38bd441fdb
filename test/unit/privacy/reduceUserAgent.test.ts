import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reduceUserAgent } from '../../../src/privacy/reduceUserAgent';
import { anyText } from './arbitraries';

const WIN = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)';
const MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)';
const WEBKIT = 'AppleWebKit/537.36 (KHTML, like Gecko)';
const IOS_WEBKIT = 'AppleWebKit/605.1.15 (KHTML, like Gecko)';

const table: [string, string, number | null, string, string][] = [
  [`${WIN} ${WEBKIT} Chrome/124.0.0.0 Safari/537.36`, 'Chrome', 124, 'Windows', 'desktop'],
  [
    `${WIN} ${WEBKIT} Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51`,
    'Edge',
    124,
    'Windows',
    'desktop',
  ],
  [
    `Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0`,
    'Firefox',
    125,
    'Windows',
    'desktop',
  ],
  [
    `${WIN} ${WEBKIT} Chrome/124.0.0.0 Safari/537.36 OPR/110.0.0.0`,
    'Opera',
    110,
    'Windows',
    'desktop',
  ],
  [`${MAC} ${IOS_WEBKIT} Version/17.4 Safari/605.1.15`, 'Safari', 17, 'macOS', 'desktop'],
  [`${MAC} ${WEBKIT} Chrome/124.0.0.0 Safari/537.36`, 'Chrome', 124, 'macOS', 'desktop'],
  [
    `Mozilla/5.0 (Macintosh; Intel Mac OS X 14.4; rv:125.0) Gecko/20100101 Firefox/125.0`,
    'Firefox',
    125,
    'macOS',
    'desktop',
  ],
  [
    `Mozilla/5.0 (Linux; Android 10; K) ${WEBKIT} Chrome/124.0.0.0 Mobile Safari/537.36`,
    'Chrome',
    124,
    'Android',
    'mobile',
  ],
  [
    `Mozilla/5.0 (Linux; Android 10; K) ${WEBKIT} Chrome/124.0.0.0 Safari/537.36`,
    'Chrome',
    124,
    'Android',
    'tablet',
  ],
  [
    `Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) ${WEBKIT} SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36`,
    'Samsung Internet',
    24,
    'Android',
    'mobile',
  ],
  [
    `Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-X200) ${WEBKIT} SamsungBrowser/23.0 Chrome/115.0.0.0 Safari/537.36`,
    'Samsung Internet',
    23,
    'Android',
    'tablet',
  ],
  [
    `Mozilla/5.0 (Android 14; Mobile; rv:125.0) Gecko/125.0 Firefox/125.0`,
    'Firefox',
    125,
    'Android',
    'mobile',
  ],
  [
    `Mozilla/5.0 (Linux; Android 14; Pixel 8) ${WEBKIT} Chrome/124.0.0.0 Mobile Safari/537.36 EdgA/124.0.2478.64`,
    'Edge',
    124,
    'Android',
    'mobile',
  ],
  [
    `Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) ${IOS_WEBKIT} Version/17.4.1 Mobile/15E148 Safari/604.1`,
    'Safari',
    17,
    'iOS',
    'mobile',
  ],
  [
    `Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) ${IOS_WEBKIT} CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1`,
    'Chrome',
    124,
    'iOS',
    'mobile',
  ],
  [
    `Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) ${IOS_WEBKIT} FxiOS/125.0 Mobile/15E148 Safari/605.1.15`,
    'Firefox',
    125,
    'iOS',
    'mobile',
  ],
  [
    `Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) ${IOS_WEBKIT} Version/17.0 EdgiOS/124.0.2478.50 Mobile/15E148 Safari/605.1.15`,
    'Edge',
    124,
    'iOS',
    'mobile',
  ],
  [
    `Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) ${IOS_WEBKIT} Version/17.4 Mobile/15E148 Safari/604.1`,
    'Safari',
    17,
    'iPadOS',
    'tablet',
  ],
  [
    `Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0`,
    'Firefox',
    125,
    'Linux',
    'desktop',
  ],
  [
    `Mozilla/5.0 (X11; Linux x86_64) ${WEBKIT} Chrome/124.0.0.0 Safari/537.36`,
    'Chrome',
    124,
    'Linux',
    'desktop',
  ],
  [
    `Mozilla/5.0 (X11; Linux x86_64) ${WEBKIT} HeadlessChrome/124.0.6367.29 Safari/537.36`,
    'Chrome',
    124,
    'Linux',
    'desktop',
  ],
  [
    `Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) ${WEBKIT} Chrome/124.0.0.0 Safari/537.36`,
    'Chrome',
    124,
    'ChromeOS',
    'desktop',
  ],
  [
    'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    'other',
    null,
    'other',
    'bot',
  ],
  [
    `Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) ${WEBKIT} Chrome/124.0.6367.201 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)`,
    'other',
    null,
    'other',
    'bot',
  ],
  [
    'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
    'other',
    null,
    'other',
    'bot',
  ],
  ['curl/8.5.0', 'other', null, 'other', 'bot'],
  ['', 'other', null, 'other', 'unknown'],
  ['Something/1.0', 'other', null, 'other', 'unknown'],
];

describe('reduceUserAgent', () => {
  it.each(table)('reduces %s', (ua, browser, version, os, device) => {
    expect(reduceUserAgent(ua)).toEqual({ browser, version, os, device });
  });

  it('prefers navigator.userAgentData hints', () => {
    const ua = `${WIN} ${WEBKIT} Chrome/124.0.0.0 Safari/537.36`;
    const brands = [
      { brand: 'Not-A.Brand', version: '99' },
      { brand: 'Chromium', version: '125' },
      { brand: 'Microsoft Edge', version: '125' },
    ];
    expect(reduceUserAgent(ua, { brands, mobile: false, platform: 'Windows' })).toEqual({
      browser: 'Edge',
      version: 125,
      os: 'Windows',
      device: 'desktop',
    });
    const android = `Mozilla/5.0 (Linux; Android 10; K) ${WEBKIT} Chrome/124.0.0.0 Safari/537.36`;
    expect(
      reduceUserAgent(android, {
        brands: [{ brand: 'Google Chrome', version: '124' }],
        mobile: true,
        platform: 'Android',
      }),
    ).toEqual({ browser: 'Chrome', version: 124, os: 'Android', device: 'mobile' });
    expect(reduceUserAgent('', { platform: 'Chrome OS', mobile: false })).toMatchObject({
      os: 'ChromeOS',
      device: 'desktop',
    });
  });

  it('ignores hints it cannot read', () => {
    const ua = `${MAC} ${WEBKIT} Chrome/124.0.0.0 Safari/537.36`;
    const expected = { browser: 'Chrome', version: 124, os: 'macOS', device: 'desktop' };
    expect(reduceUserAgent(ua, { brands: 'x' as never, platform: 7 as never })).toEqual(expected);
    expect(reduceUserAgent(ua, null as never)).toEqual(expected);
    expect(reduceUserAgent(ua, { brands: [{ brand: 'Chromium', version: 'x' }] })).toEqual(
      expected,
    );
  });

  it('never throws and returns nothing but the reduced fields', () => {
    const browsers = ['Chrome', 'Edge', 'Firefox', 'Safari', 'Samsung Internet', 'Opera', 'other'];
    const systems = ['Windows', 'macOS', 'Android', 'iOS', 'iPadOS', 'Linux', 'ChromeOS', 'other'];
    fc.assert(
      fc.property(anyText, (ua) => {
        const out = reduceUserAgent(ua);
        expect(Object.keys(out).sort()).toEqual(['browser', 'device', 'os', 'version']);
        expect(browsers).toContain(out.browser);
        expect(systems).toContain(out.os);
        expect(out.version === null || Number.isInteger(out.version)).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(reduceUserAgent(undefined as never).browser).toBe('other');
  });
});
