/** Attributes a caller may choose. Expiry is not among them: every cookie here is session-only. */
export interface SessionCookieAttributes {
  path?: string;
  domain?: string;
}

/** Cookies that die with the browser session. Every method is safe where cookies are blocked. */
export interface SessionJar {
  get(name: string): string | undefined;
  /** Writes a session cookie. Returns `false` where the browser refuses cookies. */
  set(name: string, value: string, attributes?: SessionCookieAttributes): boolean;
  remove(name: string, attributes?: SessionCookieAttributes): void;
  /** Every cookie the page can see, name → value. */
  all(): Record<string, string>;
  /** Names this jar has written and not removed, for `exportData()`. */
  written(): string[];
}

const EXPIRY_ATTRIBUTES = ['expires', 'max-age', 'maxage', 'maxAge'];

// The encodings js-cookie 3 uses, so cookies written before stay readable and look the same:
// a name or value keeps the characters RFC 6265 allows, everything else is percent-encoded.
const encodeName = (name: string) =>
  encodeURIComponent(name)
    .replace(/%(2[346B]|5E|60|7C)/g, decodeURIComponent)
    .replace(/[()]/g, escape);
const encodeValue = (value: string) =>
  encodeURIComponent(value).replace(/%(2[346BF]|3[AC-F]|40|5[BDE]|60|7[BCD])/g, decodeURIComponent);
// Lenient: a value another script wrote with a stray `%` still reads; quotes are dropped.
const decodeValue = (value: string) =>
  (value[0] === '"' ? value.slice(1, -1) : value).replace(/(%[\dA-F]{2})+/gi, decodeURIComponent);

/** Every cookie the page sees, name → value; the first of two same-named cookies wins. */
const readJar = (): Map<string, string> => {
  const jar = new Map<string, string>();
  for (const pair of document.cookie ? document.cookie.split('; ') : []) {
    const at = pair.indexOf('=');
    try {
      const name = decodeURIComponent(at < 0 ? pair : pair.slice(0, at));
      if (!jar.has(name)) jar.set(name, decodeValue(at < 0 ? '' : pair.slice(at + 1)));
    } catch {
      // Malformed percent-encoding: not a cookie this jar wrote.
    }
  }
  return jar;
};

/* @__NO_SIDE_EFFECTS__ */
export const createSessionJar = (secure = location.protocol === 'https:'): SessionJar => {
  const written = new Set<string>();

  // Never given `expires` except to remove: the cookie lives for the session only (RFC 6265
  // §4.1.2.1, a cookie without Expires/Max-Age is discarded when the session ends).
  const write = (name: string, value: string, attributes: SessionCookieAttributes, end = '') => {
    const { path = '/', domain } = attributes;
    document.cookie =
      `${encodeName(name)}=${encodeValue(value)}; path=${path.split(';')[0]}` +
      `${domain ? `; domain=${domain.split(';')[0]}` : ''}; sameSite=Lax${secure ? '; secure' : ''}${end}`;
  };

  // `document.cookie` throws a SecurityError in a sandboxed frame without `allow-same-origin`;
  // that must never reach the host page.
  const attempt = <T>(fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch {
      return fallback;
    }
  };

  return {
    get: (name) => attempt(() => readJar().get(name), undefined),
    set(name, value, attributes = {}) {
      for (const key of Object.keys(attributes)) {
        if (EXPIRY_ATTRIBUTES.includes(key)) {
          throw new Error(
            `zorgvuldig jar.set(): "${key}" is not allowed: the privacy statement promises session cookies only`,
          );
        }
      }
      const stored = attempt(() => {
        write(name, value, attributes);
        return readJar().get(name) === value;
      }, false);
      if (stored) written.add(name);
      return stored;
    },
    remove(name, attributes = {}) {
      attempt(
        () => write(name, '', attributes, `; expires=${new Date(0).toUTCString()}`),
        undefined,
      );
      written.delete(name);
    },
    all: () => attempt(() => Object.fromEntries(readJar()), {}),
    written: () => [...written],
  };
};
