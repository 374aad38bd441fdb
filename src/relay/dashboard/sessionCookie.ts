import type { RelayRequest } from '../relayRequest';
/** The dashboard's only cookie: the signed session (see `createSessions`). */
export const DASHBOARD_COOKIE = 'zv_dashboard';

/**
 * The `Set-Cookie` value of a session: no `Expires`/`Max-Age`, so the browser drops it when it
 * closes; `HttpOnly` (no script reads it), `SameSite=Strict` (no other site's page sends it),
 * scoped to the relay's path, `Secure` over https.
 */
export const sessionCookie = (value: string, path: string, secure: boolean): string =>
  `${DASHBOARD_COOKIE}=${value}; Path=${path || '/'}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;

/** The `Set-Cookie` value that removes the session cookie. */
export const clearedSessionCookie = (path: string, secure: boolean): string =>
  `${DASHBOARD_COOKIE}=; Path=${path || '/'}; Max-Age=0; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;

/** The session cookie's value from a `Cookie` header, or `null`. */
export const readSessionCookie = (header: string | null): string | null => {
  for (const pair of (header ?? '').split(';')) {
    const [name, ...value] = pair.trim().split('=');
    if (name === DASHBOARD_COOKIE) return value.join('=') || null;
  }
  return null;
};

/**
 * Whether the browser reached the relay over https: the URL's scheme, or a TLS proxy's
 * `X-Forwarded-Proto`. Believing the header can only add `Secure`, which a client that forged
 * it would merely lose the cookie over.
 */
export const isHttps = (request: RelayRequest, url: URL): boolean =>
  url.protocol === 'https:' ||
  (request.headers.get('x-forwarded-proto') ?? '').split(',')[0].trim() === 'https';
