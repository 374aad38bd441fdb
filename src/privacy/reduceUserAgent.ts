import type { ReducedUserAgent } from '../protocol/types';

/** What `navigator.userAgentData` offers without asking for high-entropy values. */
export interface UserAgentHints {
  /** Brands with major versions, e.g. `{ brand: 'Google Chrome', version: '124' }`. */
  brands?: { brand: string; version: string }[];
  /** Whether the browser runs on a phone. */
  mobile?: boolean;
  /** OS family, e.g. `Windows`, `macOS`, `Android`, `Chrome OS`. */
  platform?: string;
}

/**
 * Browsers by the token that names them, most specific first: Edge, Samsung Internet and Opera
 * also say `Chrome/`, and everything says `Safari/`, so Safari is the one with `Version/` left.
 */
const BROWSERS: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/SamsungBrowser\/(\d+)/, 'Samsung Internet'],
  [/(?:OPR|OPiOS)\/(\d+)/, 'Opera'],
  [/(?:Firefox|FxiOS)\/(\d+)/, 'Firefox'],
  [/(?:Chrome|CriOS)\/(\d+)/, 'Chrome'],
  [/Version\/(\d+).*Safari\//, 'Safari'],
];

/** OS families in test order: iOS and Android strings also mention macOS and Linux. */
const SYSTEMS: [RegExp, string][] = [
  [/Windows/, 'Windows'],
  [/iPad/, 'iPadOS'],
  [/iPhone|iPod/, 'iOS'],
  [/Android/, 'Android'],
  [/CrOS|Chrome ?OS/, 'ChromeOS'],
  [/Mac/, 'macOS'],
  [/Linux|X11/, 'Linux'],
];

const BOT = /bot\b|crawl|spider|slurp|lighthouse|preview|curl|wget|python|java\//i;
const DESKTOP = /^(Windows|macOS|Linux|ChromeOS)$/;

const firstMatch = (text: string, table: [RegExp, string][]): [string, number | null] => {
  for (const [pattern, name] of table) {
    const match = pattern.exec(text);
    if (match) return [name, match[1] ? +match[1] : null];
  }
  return ['other', null];
};

/** The hint brand that names a browser (not `Chromium`, not GREASE like `Not-A.Brand`). */
const brandOf = (hints: UserAgentHints): [string, number | null] | null => {
  const brands = Array.isArray(hints.brands) ? hints.brands : [];
  for (const { brand, version } of brands) {
    const [name] = firstMatch(`${brand}/`, [
      [/Edge/, 'Edge'],
      [/Samsung/, 'Samsung Internet'],
      [/Opera/, 'Opera'],
      [/Google Chrome/, 'Chrome'],
    ]);
    if (name !== 'other') return [name, parseInt(version, 10) || null];
  }
  return null;
};

/**
 * Reduces a user agent to browser family and major version, OS family and device class, preferring
 * `navigator.userAgentData` hints where given. Never returns any other part of the string (no
 * minor versions, device models or build ids), and never throws: anything unreadable is `other`,
 * `null` or `unknown`. Headless Chrome counts as Chrome: automated tests should see what users do.
 */
export const reduceUserAgent = (ua: string, hints?: UserAgentHints): ReducedUserAgent => {
  const text = typeof ua === 'string' ? ua.slice(0, 512) : '';
  let [browser, version] = firstMatch(text, BROWSERS);
  let [os] = firstMatch(text, SYSTEMS);
  let device: ReducedUserAgent['device'] = BOT.test(text)
    ? 'bot'
    : /iPad|Tablet/.test(text) || (os === 'Android' && !/Mobi/.test(text))
      ? 'tablet'
      : /Mobi|iPhone|iPod/.test(text)
        ? 'mobile'
        : DESKTOP.test(os)
          ? 'desktop'
          : 'unknown';
  if (hints && typeof hints === 'object' && device !== 'bot') {
    [browser, version] = brandOf(hints) || [browser, version];
    const platform = typeof hints.platform === 'string' && firstMatch(hints.platform, SYSTEMS)[0];
    if (platform && platform !== 'other') os = platform;
    if (typeof hints.mobile === 'boolean') {
      device = hints.mobile
        ? 'mobile'
        : os === 'Android'
          ? 'tablet'
          : device === 'unknown'
            ? 'desktop'
            : device;
    }
  }
  return device === 'bot'
    ? { browser: 'other', version: null, os: 'other', device }
    : { browser, version, os, device };
};
