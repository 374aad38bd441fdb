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
 * `name:pattern` pairs, tested in order. Browsers by the token that names them, most specific
 * first: Edge, Samsung Internet and Opera also say `Chrome/`, and everything says `Safari/`, so
 * Safari is the one left with `Version/`. OS families: iOS and Android strings also mention
 * macOS and Linux. Strings rather than regex literals: they gzip better.
 */
const BROWSERS =
  'Edge:Edg(e|A|iOS)?/|Samsung Internet:SamsungBrowser/|Opera:OP(R|iOS)/|Firefox:(Firefox|FxiOS)/|' +
  'Chrome:(Chrome|CriOS)/|Safari:Version/(?=.*Safari/)';
const SYSTEMS =
  'Windows:Windows|iPadOS:iPad|iOS:iP(hone|od)|Android:Android|ChromeOS:CrOS|Chrome ?OS|' +
  'macOS:Mac|Linux:Linux|X11';
const BRANDS = 'Edge:Edge|Samsung Internet:Samsung|Opera:Opera|Chrome:Google Chrome';

const BOT = /bot\b|crawl|spider|slurp|lighthouse|preview|curl|wget|python|java\//i;
const DESKTOP = /^(Windows|macOS|Linux|ChromeOS)$/;

/** Each table compiled once: building a RegExp costs far more than running it. */
const compiled = new Map<string, [name: string, pattern: RegExp][]>();
const compile = (table: string) =>
  Array.from(table.matchAll(/([^:|]+):([^:]+)(?=\||$)/g), ([, name, pattern]): [string, RegExp] => [
    name,
    new RegExp(`(?:${pattern})(\\d*)`),
  ]);

/** The first `name:pattern` of `table` found in `text`, and the major version right after it. */
const firstMatch = (text: string, table: string): [string, number | null] => {
  let patterns = compiled.get(table);
  if (!patterns) compiled.set(table, (patterns = compile(table)));
  for (const [name, pattern] of patterns) {
    const match = pattern.exec(text);
    if (match) return [name, parseInt(match[match.length - 1], 10) || null];
  }
  return ['other', null];
};

/** The hint brand that names a browser (not `Chromium`, not GREASE like `Not-A.Brand`). */
const brandOf = (hints: UserAgentHints): [string, number | null] | null => {
  for (const { brand, version } of Array.isArray(hints.brands) ? hints.brands : []) {
    const [name] = firstMatch(String(brand), BRANDS);
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
