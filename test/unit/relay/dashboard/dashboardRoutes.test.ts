import { describe, expect, it } from 'vitest';
import { createRelay } from '../../../../src/relay/createRelay';
import type { RelayOptions } from '../../../../src/relay/types';

const BASE = 'https://stats.example.nl/zv';
const ORIGIN = 'https://stats.example.nl';
const TOKEN = 'correct-horse-battery-staple';
const PEER = { clientAddress: '203.0.113.77' };

const relayWith = (options: RelayOptions = {}) =>
  createRelay({ statsToken: TOKEN, sinks: [{ type: 'memory' }], rateLimit: false, ...options });

const csrfIn = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

const cookieValue = (response: Response) =>
  /zv_dashboard=([^;]*)/.exec(response.headers.get('set-cookie') ?? '')?.[1] ?? '';

const signInForm = async (relay: ReturnType<typeof createRelay>, lang = '') => {
  const page = await relay(new Request(`${BASE}/dashboard${lang}`), PEER);
  return csrfIn(await page.text());
};

const post = (
  relay: ReturnType<typeof createRelay>,
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = { origin: ORIGIN },
) =>
  relay(
    new Request(`${BASE}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    }),
    PEER,
  );

const signIn = async (relay: ReturnType<typeof createRelay>, token = TOKEN) =>
  post(relay, '/dashboard/session', { csrf: await signInForm(relay), token, lang: 'nl' });

const withCookie = (value: string) => ({ headers: { cookie: `zv_dashboard=${value}` } });

describe('dashboard routes', () => {
  it('serves the sign-in form with a strict CSP and no caching', async () => {
    const response = await relayWith()(new Request(`${BASE}/dashboard`), PEER);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('method="post" action="/zv/dashboard/session"');
    expect(html).toContain('type="password"');
    expect(html).not.toMatch(/<script(?![^>]*src=)|style="/);
  });

  it('answers a wrong token with 401 and a clear error, in Dutch or English', async () => {
    const relay = relayWith();
    const wrong = await signIn(relay, 'guess');
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const html = await wrong.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('Dit token klopt niet');
    expect(html).not.toContain('guess');
    const english = await post(relay, '/dashboard/session', {
      csrf: await signInForm(relay, '?lang=en'),
      token: 'guess',
      lang: 'en',
    });
    const englishPage = await english.text();
    expect(englishPage).toContain('This token is not correct');
    // The switch leads to the dashboard, not to the form's POST address.
    expect(englishPage).toContain('id="lang-switch" href="/zv/dashboard?lang=nl"');
  });

  it('exchanges the right token for a session cookie and redirects without the token in the URL', async () => {
    const relay = relayWith();
    const response = await signIn(relay);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/zv/dashboard');
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(
      /^zv_dashboard=s1\.[^;]+; Path=\/zv; HttpOnly; SameSite=Strict; Secure$/,
    );
    expect(cookie).not.toContain(TOKEN);
    const page = await relay(
      new Request(`${BASE}/dashboard`, withCookie(cookieValue(response))),
      PEER,
    );
    const html = await page.text();
    expect(html).toContain('id="app"');
    expect(html).toContain('src="/zv/dashboard/assets/dashboard.js"');
    expect(html).toContain('action="/zv/dashboard/signout"');
  });

  it('returns to the view that was asked for, and only to a view of the dashboard', async () => {
    const relay = relayWith();
    const csrf = await signInForm(
      relay,
      '?range=today&page=%2Fcontact&next=https%3A%2F%2Fevil.example',
    );
    const page = await relay(new Request(`${BASE}/dashboard?range=today&page=%2Fcontact`), PEER);
    expect(await page.text()).toContain('name="view" value="range=today&amp;page=%2Fcontact"');
    const back = await post(relay, '/dashboard/session', {
      csrf,
      token: TOKEN,
      view: 'range=today&page=%2Fcontact&next=x',
    });
    expect(back.headers.get('location')).toBe('/zv/dashboard?range=today&page=%2Fcontact');
    const forged = await post(relay, '/dashboard/session', {
      csrf,
      token: TOKEN,
      lang: 'en',
      view: '//evil.example/x',
    });
    expect(forged.headers.get('location')).toBe('/zv/dashboard?lang=en');
  });

  it('leaves Secure off over plain http, and adds it behind a TLS proxy', async () => {
    const relay = relayWith();
    const csrf = await signInForm(relay);
    const http = await relay(
      new Request('http://127.0.0.1:8080/zv/dashboard/session', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ csrf, token: TOKEN }).toString(),
      }),
      PEER,
    );
    expect(http.headers.get('set-cookie')).not.toContain('Secure');
    const proxied = await relay(
      new Request('http://127.0.0.1:8080/zv/dashboard/session', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-forwarded-proto': 'https',
        },
        body: new URLSearchParams({ csrf, token: TOKEN }).toString(),
      }),
      PEER,
    );
    expect(proxied.headers.get('set-cookie')).toMatch(/; Secure$/);
  });

  it('refuses a sign-in from another origin, or without the form token, before looking at the token', async () => {
    const relay = relayWith();
    const csrf = await signInForm(relay);
    const crossSite = await post(
      relay,
      '/dashboard/session',
      { csrf, token: TOKEN },
      { origin: 'https://evil.example' },
    );
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get('set-cookie')).toBeNull();
    // `Origin: null` (what a no-referrer page posts with) counts only with Sec-Fetch-Site.
    const opaque = await post(
      relay,
      '/dashboard/session',
      { csrf, token: TOKEN },
      { origin: 'null' },
    );
    expect(opaque.status).toBe(403);
    const sameSite = await post(
      relay,
      '/dashboard/session',
      { csrf, token: TOKEN },
      { origin: 'null', 'sec-fetch-site': 'same-site' },
    );
    expect(sameSite.status).toBe(403);
    const ownPage = await post(
      relay,
      '/dashboard/session',
      { csrf, token: TOKEN },
      { origin: 'null', 'sec-fetch-site': 'same-origin' },
    );
    expect(ownPage.status).toBe(303);
    const noCsrf = await post(relay, '/dashboard/session', { token: TOKEN });
    expect(noCsrf.status).toBe(403);
    expect(await noCsrf.text()).toContain('Dit formulier is verlopen');
    const forged = await post(relay, '/dashboard/session', { csrf: `${csrf}x`, token: TOKEN });
    expect(forged.status).toBe(403);
  });

  it('rate limits wrong tokens: after five, even the right token waits', async () => {
    const relay = relayWith();
    for (let i = 0; i < 6; i++) expect((await signIn(relay, `guess-${i}`)).status).toBe(401);
    const locked = await signIn(relay);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(locked.headers.get('set-cookie')).toBeNull();
    expect(await locked.text()).toContain('Te veel pogingen');
    // Another address is not held up.
    const other = await relay(
      new Request(`${BASE}/dashboard/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
        body: new URLSearchParams({ csrf: await signInForm(relay), token: TOKEN }).toString(),
      }),
      { clientAddress: '198.51.100.9' },
    );
    expect(other.status).toBe(303);
  });

  it('answers 401 on every data URL without a valid session', async () => {
    const relay = relayWith();
    for (const cookie of [undefined, 'zv_dashboard=forged', 'zv_dashboard=s1.1.2.abc.def']) {
      const response = await relay(
        new Request(`${BASE}/dashboard/data?from=2026-12-01&to=2026-12-01`, {
          headers: cookie ? { cookie } : {},
        }),
        PEER,
      );
      expect(response.status).toBe(401);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('serves the data with the session cookie, what GET /stats serves for the bearer token', async () => {
    const relay = relayWith();
    const cookie = cookieValue(await signIn(relay));
    const query = '?from=2026-12-01&to=2026-12-01';
    const data = await relay(
      new Request(`${BASE}/dashboard/data${query}`, withCookie(cookie)),
      PEER,
    );
    expect(data.status).toBe(200);
    expect(data.headers.get('cache-control')).toBe('no-store');
    expect(data.headers.get('content-security-policy')).toContain("default-src 'none'");
    const stats = await relay(
      new Request(`${BASE}/stats${query}`, { headers: { authorization: `Bearer ${TOKEN}` } }),
      PEER,
    );
    expect(await data.json()).toEqual(await stats.json());
  });

  it('signs out: the cookie is removed and the old value no longer works', async () => {
    const relay = relayWith();
    const cookie = cookieValue(await signIn(relay));
    const page = await relay(new Request(`${BASE}/dashboard`, withCookie(cookie)), PEER);
    const csrf = csrfIn(await page.text());
    const refused = await post(
      relay,
      '/dashboard/signout',
      { csrf: 'wrong' },
      { origin: ORIGIN, cookie: `zv_dashboard=${cookie}` },
    );
    expect(refused.status).toBe(403);
    const out = await post(
      relay,
      '/dashboard/signout',
      { csrf },
      { origin: ORIGIN, cookie: `zv_dashboard=${cookie}` },
    );
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/zv/dashboard?signedout=1');
    expect(out.headers.get('set-cookie')).toMatch(/^zv_dashboard=; Path=\/zv; Max-Age=0;/);
    const after = await relay(
      new Request(`${BASE}/dashboard/data?from=2026-12-01&to=2026-12-01`, withCookie(cookie)),
      PEER,
    );
    expect(after.status).toBe(401);
    const signedOut = await relay(
      new Request(`${BASE}/dashboard?signedout=1`, withCookie(cookie)),
      PEER,
    );
    expect(await signedOut.text()).toContain('U bent afgemeld');
  });

  it('is off without a stats token, and refuses other methods', async () => {
    const relay = createRelay({ sinks: [{ type: 'memory' }] });
    const page = await relay(new Request(`${BASE}/dashboard`), PEER);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('Het dashboard staat uit');
    expect((await relay(new Request(`${BASE}/dashboard/data`), PEER)).status).toBe(404);
    const on = relayWith();
    expect((await on(new Request(`${BASE}/dashboard/session`), PEER)).status).toBe(405);
    expect((await on(new Request(`${BASE}/dashboard/nothing`), PEER)).status).toBe(404);
    expect((await on(new Request(`${BASE}/dashboard/assets/../stats`), PEER)).status).toBe(404);
  });
});
