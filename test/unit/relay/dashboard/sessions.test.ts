import { describe, expect, it } from 'vitest';
import { createCsrf, SIGN_IN_FORM_MS } from '../../../../src/relay/dashboard/createCsrf';
import {
  createSessions,
  SESSION_IDLE_MS,
  SESSION_MAX_MS,
} from '../../../../src/relay/dashboard/createSessions';
import { createSigner } from '../../../../src/relay/dashboard/createSigner';
import { createSignInGuard } from '../../../../src/relay/dashboard/createSignInGuard';
import {
  clearedSessionCookie,
  readSessionCookie,
  sessionCookie,
} from '../../../../src/relay/dashboard/sessionCookie';

const clock = (start = 1_800_000_000_000) => {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
};

const setup = (token = 'the-stats-token') => {
  const c = clock();
  const signer = createSigner(token);
  return { ...c, sessions: createSessions(signer, c.now), csrf: createCsrf(signer, c.now) };
};

describe('dashboard sessions', () => {
  it('reads back the session it issued, and nothing else', async () => {
    const { sessions } = setup();
    const value = await sessions.issue();
    expect(value).toMatch(/^s1\.\d+\.\d+\.[\w-]+\.[\w-]+$/);
    expect(await sessions.read(value)).toMatchObject({ expires: expect.any(Number) });
    for (const bad of [null, '', 'x', 's1.1.2.3', `${value}x`, value.replace('s1.', 's2.')]) {
      expect(await sessions.read(bad)).toBeNull();
    }
  });

  it('refuses a cookie whose times were changed, or signed under another token', async () => {
    const { sessions } = setup();
    const value = await sessions.issue();
    const [v, started, expires, nonce, mac] = value.split('.');
    const later = `${v}.${started}.${Number(expires) + 864e5}.${nonce}.${mac}`;
    expect(await sessions.read(later)).toBeNull();
    const other = setup('another-token');
    expect(await other.sessions.read(value)).toBeNull();
  });

  it('ends after the idle time, and is renewed only once a minute has passed', async () => {
    const { sessions, advance } = setup();
    const value = await sessions.issue();
    const session = (await sessions.read(value))!;
    expect(await sessions.renew(session)).toBeNull();
    advance(2 * 60_000);
    const renewed = await sessions.renew(session);
    expect(renewed).not.toBeNull();
    advance(SESSION_IDLE_MS - 60_000);
    expect(await sessions.read(value)).toBeNull();
    expect(await sessions.read(renewed)).not.toBeNull();
  });

  it('ends at the maximum age however often it is renewed', async () => {
    const { sessions, advance } = setup();
    let value = await sessions.issue();
    for (let used = 0; used < SESSION_MAX_MS; used += 20 * 60_000) {
      advance(20 * 60_000);
      const session = await sessions.read(value);
      if (!session) break;
      value = (await sessions.renew(session)) ?? value;
    }
    expect(await sessions.read(value)).toBeNull();
  });

  it('is refused once revoked (signed out), even if the cookie is replayed', async () => {
    const { sessions } = setup();
    const value = await sessions.issue();
    sessions.revoke((await sessions.read(value))!);
    expect(await sessions.read(value)).toBeNull();
    expect(await sessions.read(await sessions.issue())).not.toBeNull();
  });
});

describe('dashboard CSRF tokens', () => {
  it('binds the sign-out token to its session', async () => {
    const { sessions, csrf } = setup();
    const a = (await sessions.read(await sessions.issue()))!;
    const b = (await sessions.read(await sessions.issue()))!;
    const token = await csrf.forSession(a);
    expect(await csrf.checkSession(a, token)).toBe(true);
    expect(await csrf.checkSession(b, token)).toBe(false);
    expect(await csrf.checkSession(a, null)).toBe(false);
    expect(await csrf.checkSession(a, `${token}A`)).toBe(false);
  });

  it('accepts a sign-in form token of this relay while it is fresh', async () => {
    const { csrf, advance } = setup();
    const token = await csrf.forSignIn();
    expect(await csrf.checkSignIn(token)).toBe(true);
    expect(await setup('another-token').csrf.checkSignIn(token)).toBe(false);
    const [issued, nonce, mac] = token.split('.');
    expect(await csrf.checkSignIn(`${Number(issued) + 1}.${nonce}.${mac}`)).toBe(false);
    for (const bad of [null, '', 'a.b.c', `${token}.x`])
      expect(await csrf.checkSignIn(bad)).toBe(false);
    advance(SIGN_IN_FORM_MS + 1);
    expect(await csrf.checkSignIn(token)).toBe(false);
  });
});

describe('dashboard session cookie', () => {
  it('is a session cookie: no Expires or Max-Age, HttpOnly, SameSite=Strict, on the relay path', () => {
    const cookie = sessionCookie('v', '/zv', false);
    expect(cookie).toBe('zv_dashboard=v; Path=/zv; HttpOnly; SameSite=Strict');
    expect(cookie).not.toMatch(/expires|max-age/i);
    expect(sessionCookie('v', '/zv', true)).toMatch(/; Secure$/);
    expect(sessionCookie('v', '', false)).toContain('Path=/;');
  });

  it('is removed on sign-out with Max-Age=0', () => {
    expect(clearedSessionCookie('/zv', true)).toBe(
      'zv_dashboard=; Path=/zv; Max-Age=0; HttpOnly; SameSite=Strict; Secure',
    );
  });

  it('is read from a Cookie header among other cookies', () => {
    expect(readSessionCookie('_ga=GA1.1; zv_dashboard=s1.a.b; other=1')).toBe('s1.a.b');
    expect(readSessionCookie('zv_dashboardx=1')).toBeNull();
    expect(readSessionCookie(null)).toBeNull();
  });
});

describe('sign-in guard', () => {
  it('lets five wrong tokens through, then makes the address wait, and forgives in time', () => {
    const { now, advance } = clock();
    const guard = createSignInGuard(now);
    for (let i = 0; i < 5; i++) {
      expect(guard.wait('203.0.113.0')).toBe(0);
      expect(guard.failed('203.0.113.0')).toBe(0);
    }
    expect(guard.failed('203.0.113.0')).toBeGreaterThan(0);
    expect(guard.wait('203.0.113.0')).toBeGreaterThan(0);
    expect(guard.wait('198.51.100.0')).toBe(0);
    advance(60_000);
    expect(guard.wait('203.0.113.0')).toBe(0);
  });
});
