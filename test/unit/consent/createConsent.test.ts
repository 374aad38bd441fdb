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
});
