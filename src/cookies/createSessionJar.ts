import Cookies from 'js-cookie';

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

/* @__NO_SIDE_EFFECTS__ */
export const createSessionJar = (secure = location.protocol === 'https:'): SessionJar => {
  // One configured js-cookie instance, never given `expires`: the cookie lives for the session
  // only (RFC 6265 §4.1.2.1, a cookie without Expires/Max-Age is discarded when the session ends).
  const cookies = Cookies.withAttributes({ path: '/', sameSite: 'Lax', secure });
  const written = new Set<string>();

  // js-cookie reads and writes `document.cookie` directly; in a sandboxed frame without
  // `allow-same-origin` that throws a SecurityError, which must never reach the host page.
  const attempt = <T>(fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch {
      return fallback;
    }
  };

  return {
    get: (name) => attempt(() => cookies.get(name), undefined),
    set(name, value, attributes = {}) {
      for (const key of Object.keys(attributes)) {
        if (EXPIRY_ATTRIBUTES.includes(key)) {
          throw new Error(
            `zorgvuldig jar.set(): "${key}" is not allowed: the privacy statement promises session cookies only`,
          );
        }
      }
      const stored = attempt(() => {
        cookies.set(name, value, attributes);
        return cookies.get(name) === value;
      }, false);
      if (stored) written.add(name);
      return stored;
    },
    remove(name, attributes = {}) {
      attempt(() => cookies.remove(name, attributes), undefined);
      written.delete(name);
    },
    all: () => attempt(() => cookies.get(), {}),
    written: () => [...written],
  };
};
