// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '../../../src/config/resolveConfig';
import { createConsent } from '../../../src/consent/createConsent';
import { createSessionJar } from '../../../src/cookies/createSessionJar';

const start = (options: Record<string, unknown> = {}) =>
  createConsent(resolveConfig(options).config, createSessionJar(false));

afterEach(() => {
  document.cookie = 'zv_consent=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  vi.unstubAllGlobals();
});

describe('createConsent', () => {
  it('starts undecided with statistics on and Google off', () => {
    expect(start().get()).toMatchObject({
      decided: false,
      choices: { necessary: true, statistics: true, googleAnalytics: false },
      objection: null,
    });
  });

  it('starts with statistics off when the site asks for opt-in', () => {
    expect(start({ statisticsDefault: 'off' }).get().choices.statistics).toBe(false);
  });

  it('treats Global Privacy Control as objection, until the visitor switches statistics on', () => {
    vi.stubGlobal('navigator', { ...navigator, globalPrivacyControl: true });
    const consent = start();
    expect(consent.get()).toMatchObject({ objection: 'gpc', choices: { statistics: false } });
    expect(
      consent.set({ necessary: true, statistics: true, googleAnalytics: true }, 'accept-all')
        .choices,
    ).toMatchObject({ statistics: false, googleAnalytics: true });
    expect(consent.set({ statistics: true }, 'custom').choices.statistics).toBe(true);
  });

  it('merges partial choices, keeps necessary on, and stores the record in a session cookie', () => {
    const consent = start();
    const listener = vi.fn();
    consent.onChange(listener);
    consent.set({ googleAnalytics: true }, 'api');
    const state = consent.set({ statistics: false, necessary: false }, 'api');
    expect(state.choices).toEqual({ necessary: true, statistics: false, googleAnalytics: true });
    expect(listener).toHaveBeenCalledTimes(2);
    expect(start().get()).toMatchObject({ decided: true, id: state.id, choices: state.choices });
  });

  it('asks again for another policy version', () => {
    start({ policyVersion: '1' }).set({ googleAnalytics: true }, 'api');
    expect(start({ policyVersion: '2' }).get().decided).toBe(false);
  });

  it('throws a clear error for an unknown category or a non-boolean choice', () => {
    const consent = start();
    expect(() => consent.set({ marketing: true }, 'api')).toThrow('unknown category "marketing"');
    expect(() => consent.set({ statistics: 'yes' as unknown as boolean }, 'api')).toThrow(
      '"statistics" must be true or false',
    );
    expect(consent.get().decided).toBe(false);
  });

  it('reset() forgets the record', () => {
    const consent = start();
    consent.set({ googleAnalytics: true }, 'api');
    consent.reset();
    expect(consent.get().decided).toBe(false);
    expect(start().get().decided).toBe(false);
  });

  it('refresh() reads a change another tab made, notifies once, and is quiet when nothing changed', () => {
    const here = start();
    const there = start();
    here.set({ googleAnalytics: true }, 'accept-all');
    const listener = vi.fn();
    there.onChange(listener);
    there.refresh();
    expect(there.isGranted('googleAnalytics')).toBe(true);
    expect(listener).toHaveBeenCalledTimes(1);
    here.set({ googleAnalytics: false }, 'withdraw');
    there.refresh();
    there.refresh();
    expect(there.isGranted('googleAnalytics')).toBe(false);
    expect(listener).toHaveBeenCalledTimes(2);
    here.reset();
    there.refresh();
    expect(there.get().decided).toBe(false);
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it('refresh() keeps the in-memory record where the browser refuses the cookie', () => {
    const jar = createSessionJar(false);
    const consent = createConsent(resolveConfig({}).config, { ...jar, set: () => false });
    consent.set({ googleAnalytics: true }, 'api');
    document.cookie = 'other=1; path=/';
    consent.refresh();
    expect(consent.isGranted('googleAnalytics')).toBe(true);
    document.cookie = 'other=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });

  describe('copies of the record', () => {
    const record = (time: string, googleAnalytics: boolean, id = 'a'.repeat(22)) =>
      JSON.stringify({
        v: 1,
        id,
        policy: '1',
        time,
        choices: { necessary: true, statistics: true, googleAnalytics },
        method: 'custom',
      });
    /** A cookie header the test controls (parent-domain copies), and every write to it. */
    const fakeCookies = (...values: string[]) => {
      const writes: string[] = [];
      let header = values.map((value) => `zv_consent=${encodeURIComponent(value)}`).join('; ');
      vi.spyOn(document, 'cookie', 'get').mockImplementation(() => header);
      vi.spyOn(document, 'cookie', 'set').mockImplementation((cookie: string) => {
        writes.push(cookie);
        if (cookie.startsWith('zv_consent=;')) header = '';
        else if (!cookie.includes('domain=')) header = cookie.split(';')[0];
      });
      return { writes, header: () => header };
    };
    afterEach(() => {
      vi.restoreAllMocks();
      vi.useRealTimers();
    });

    it('most restrictive wins per category; one host-only copy stays, every variant is deleted', () => {
      const now = new Date().toISOString();
      const grant = record('2099-01-01T00:00:00.000Z', true, 'b'.repeat(22));
      const own = record(now, false);
      const cookies = fakeCookies(grant, own);
      const state = start().get();
      expect(state).toMatchObject({ decided: true, choices: { googleAnalytics: false } });
      expect(cookies.writes.some((w) => /^zv_consent=;.*domain=\.?localhost/.test(w))).toBe(true);
      const kept = cookies.writes.filter((w) => !w.startsWith('zv_consent=;'));
      expect(kept).toHaveLength(1);
      expect(kept[0]).not.toContain('domain=');
      expect(JSON.parse(decodeURIComponent(cookies.header().slice(11)))).toMatchObject({
        time: now,
        choices: { googleAnalytics: false },
      });
    });

    it('two granting copies still grant: restrictive only where they disagree', () => {
      const now = Date.now();
      fakeCookies(
        record(new Date(now - 60_000).toISOString(), true),
        record(new Date(now).toISOString(), true),
      );
      expect(start().isGranted('googleAnalytics')).toBe(true);
    });

    it('a record dated in the future (beyond 5 minutes of skew) is no consent, and is deleted', () => {
      const cookies = fakeCookies(record('2099-01-01T00:00:00.000Z', true));
      expect(start().get().decided).toBe(false);
      expect(cookies.header()).toBe('');
      fakeCookies(record(new Date(Date.now() + 2 * 60_000).toISOString(), true));
      expect(start().isGranted('googleAnalytics')).toBe(true);
    });

    it('a record from before policyDate asks again', () => {
      fakeCookies(record('2026-01-01T00:00:00.000Z', true));
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-01-01T01:00:00.000Z'));
      expect(start({ policyDate: '2026-01-01' }).get().decided).toBe(true);
      fakeCookies(record('2026-01-01T00:00:00.000Z', true));
      expect(start({ policyDate: '2026-01-02' }).get().decided).toBe(false);
    });

    it('a forged record is no consent and is deleted', () => {
      const cookies = fakeCookies('{"v":1,"choices":{"googleAnalytics":true}}');
      expect(start().get().decided).toBe(false);
      expect(cookies.header()).toBe('');
      expect(cookies.writes.every((w) => w.startsWith('zv_consent=;'))).toBe(true);
    });

    it('a record past consentMaxAge asks again, also in a page left open', () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-03-01T12:00:00.000Z'));
      fakeCookies(record('2026-03-01T10:00:00.000Z', true));
      expect(start({ consentMaxAge: 1 }).get().decided).toBe(false);
      fakeCookies(record('2026-03-01T10:00:00.000Z', true));
      const consent = start();
      expect(consent.get().decided).toBe(true);
      const listener = vi.fn();
      consent.onChange(listener);
      vi.setSystemTime(new Date('2026-03-02T10:00:01.000Z'));
      consent.refresh();
      expect(consent.get().decided).toBe(false);
      expect(listener).toHaveBeenCalledTimes(1);
    });
  });
});
