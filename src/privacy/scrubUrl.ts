import { decodeSafe } from './decodeSafe';
import { encodeSafe } from './encodeSafe';
import { scrubText } from './scrubText';

/** Campaign parameters (Google's `utm_*` set) that say how a visitor came, not who they are. */
export const DEFAULT_ALLOWED_PARAMS: readonly string[] = [
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_term',
  'utm_content',
  'utm_id',
];

export interface ScrubUrlOptions {
  /** Resolves relative URLs against this base. Default: none, relative input is scrubbed as a path. */
  base?: string;
  /**
   * Query parameters kept (their values scrubbed); every other one is dropped. A trailing `*`
   * matches a prefix (`utm_*`). Default `DEFAULT_ALLOWED_PARAMS`.
   */
  allowParams?: readonly string[];
}

/**
 * Longest URL read and returned, in characters (Plausible's cap too): beyond it a URL says nothing
 * statistics need, and scanning it would cost time in the page and bytes in every beacon.
 */
export const MAX_URL = 2000;

/** Cuts `text` to `MAX_URL` without leaving half a `%xx` escape at the end. */
const cap = (text: string): string =>
  text.length > MAX_URL ? text.slice(0, MAX_URL).replace(/%[\da-f]?$/i, '') : text;

/** RFC 3986 appendix B, without the fragment: scheme, authority, path, query. Matches anything. */
const PARTS = /^([a-z][a-z\d+.-]*:)?(\/\/[^/?#]*)?([^?#]*)(\?[^#]*)?/i;

/** Scrubs one encoded piece; unchanged pieces come back byte for byte, so clean URLs survive. */
const scrubPiece = (raw: string): string => {
  const decoded = decodeSafe(raw);
  const clean = scrubText(decoded);
  return clean === decoded ? raw : encodeSafe(clean);
};

const isAllowed = (name: string, allowParams: readonly string[]): boolean =>
  allowParams.some((allowed) =>
    allowed.endsWith('*') ? name.startsWith(allowed.slice(0, -1)) : name === allowed,
  );

/** The allowed `name=value` pairs of a query (`?a=1&b=2`), as written. */
const keptPairs = (query: string, allowParams: readonly string[]): string[] =>
  query
    .slice(1)
    .split('&')
    .filter((pair) => {
      const name = pair.split('=')[0];
      return name && isAllowed(decodeSafe(name), allowParams);
    });

/** Scrubs the value of one `name=value` pair. */
const scrubPair = (pair: string): string => {
  const eq = pair.indexOf('=');
  return eq < 0 ? pair : `${pair.slice(0, eq + 1)}${scrubPiece(pair.slice(eq + 1))}`;
};

/**
 * Makes a URL safe to send: drops the fragment, user name and password, and every query
 * parameter outside `allowParams`, and redacts personal data (`scrubText`) in the path segments
 * and kept values, also when percent-encoded (`%40`, `%2B`). A URL without personal data comes
 * back byte for byte. Reads and returns at most `MAX_URL` (2,000) characters. Idempotent. Returns null only for what is no URL at all: a non-string, one
 * with nothing left (blank, `?x=1`, `#top`), or a relative URL that `base` cannot resolve. Never
 * throws.
 */
export const scrubUrl = (url: string, options: ScrubUrlOptions = {}): string | null => {
  try {
    const { base, allowParams = DEFAULT_ALLOWED_PARAMS } = options || {};
    // Cut before any other work, so the cost stays bounded whatever the page hands in; cut again
    // at the end, since resolving and re-encoding can make the text longer.
    let text = typeof url === 'string' ? cap(url.trim()) : '';
    if (!text) return null;
    if (base !== undefined && !PARTS.exec(text)![1]) text = cap(new URL(text, base).href);
    const [, scheme = '', authority = '', path, query = ''] = PARTS.exec(text)!;
    // `https://user:secret@host/`: credentials in the authority are never kept.
    const host = authority.replace(/^\/\/.*@/, '//');
    const pairs = keptPairs(query, allowParams);
    const rest = path + (pairs.length ? `?${pairs.join('&')}` : '');
    // No detector matches across `/`, `?`, `&` or `=`, so text without escapes is scanned in one
    // go (the fast path); escaped text piece by piece, each decoded and, if changed, re-encoded.
    const clean = rest.includes('%')
      ? path.split('/').map(scrubPiece).join('/') +
        (pairs.length ? `?${pairs.map(scrubPair).join('&')}` : '')
      : scrubText(rest);
    const out = scheme + host + clean;
    // The cut can turn the end of a longer number into a finding (10 digits cut to a valid
    // BSN), so a cut result is scrubbed once more (without `base`: it is resolved already).
    return (
      (out.length > MAX_URL ? cap(scrubUrl(cap(out), { allowParams }) ?? '') : out).trim() || null
    );
  } catch {
    return null;
  }
};

/** `scheme://host[:port]` of an absolute http(s) URL, lower-cased, or null. */
const originOf = (url: string): string | null => {
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
};

/**
 * Reduces a referrer to what statistics may keep: from the site itself (or a path), the scrubbed
 * path and allowed query, for click paths; from elsewhere, its origin only (`https://www.google.nl`).
 * Empty or unreadable input gives null. Idempotent; never throws.
 */
export const scrubReferrer = (
  referrer: string,
  siteOrigin: string,
  options: ScrubUrlOptions = {},
): string | null => {
  if (typeof referrer !== 'string' || !referrer.trim()) return null;
  const text = referrer.trim();
  if (text.startsWith('/') && !text.startsWith('//'))
    return scrubUrl(text, { ...options, base: undefined });
  const origin = originOf(text);
  if (!origin) return null;
  if (origin !== originOf(siteOrigin)) return origin;
  const { pathname, search } = new URL(text);
  return scrubUrl(pathname + search, { ...options, base: undefined });
};
