import { describe, expect, it } from 'vitest';
import { GOOGLE_HOSTS } from '../../../src/config/googleDefaults';
import { matchHost } from '../../../src/lib/matchHost';

const guarded = (host: string) => GOOGLE_HOSTS.some((pattern) => matchHost(host, pattern));

describe('matchHost', () => {
  it('matches every Google Analytics, Tag Manager and DoubleClick host', () => {
    for (const host of [
      'www.google-analytics.com',
      'google-analytics.com',
      'region1.google-analytics.com',
      'analytics.google.com',
      'region1.analytics.google.com',
      'www.googletagmanager.com',
      'googletagmanager.com',
      'stats.g.doubleclick.net',
      'doubleclick.net',
    ]) {
      expect(guarded(host), host).toBe(true);
    }
  });

  it('ignores a trailing dot, which would otherwise slip past', () => {
    expect(guarded('www.google-analytics.com.')).toBe(true);
  });

  it('does not match look-alikes or other Google services', () => {
    for (const host of [
      'evilgoogle-analytics.com',
      'google-analytics.com.example.nl',
      'google.com',
      'www.google.com',
      'accounts.google.com',
      'update.googleapis.com',
      'fonts.googleapis.com',
      'example.nl',
      '',
    ]) {
      expect(guarded(host), host).toBe(false);
    }
  });

  it('matches `*.x` on subdomains only and `x` exactly', () => {
    expect(matchHost('a.example.nl', '*.example.nl')).toBe(true);
    expect(matchHost('example.nl', '*.example.nl')).toBe(false);
    expect(matchHost('example.nl', 'example.nl')).toBe(true);
    expect(matchHost('a.example.nl', 'example.nl')).toBe(false);
  });
});
