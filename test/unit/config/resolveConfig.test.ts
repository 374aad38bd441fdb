// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/config/resolveConfig';

afterEach(() => {
  document.documentElement.lang = '';
});

describe('resolveConfig', () => {
  it('gives safe defaults for no options', () => {
    const { config, problems } = resolveConfig(undefined);
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      endpoint: null,
      policyVersion: '1',
      lang: 'nl',
      statisticsDefault: 'on',
      google: { measurementId: null, transportUrl: null },
      queryAllowList: ['utm_*'],
      banner: true,
    });
    expect(config.categories.map((c) => c.key)).toEqual([
      'necessary',
      'statistics',
      'googleAnalytics',
    ]);
  });

  it('takes policyDate and maximum ages in hours; refuses a bad one by name', () => {
    expect(resolveConfig({}).config).toMatchObject({
      policyDate: null,
      consentMaxAge: 24 * 3600_000,
      pseudonymMaxAge: 24 * 3600_000,
    });
    const good = resolveConfig({
      policyDate: '2026-11-01',
      consentMaxAge: 2,
      pseudonymMaxAge: 0.5,
    });
    expect(good.problems).toEqual([]);
    expect(good.config).toMatchObject({
      policyDate: Date.parse('2026-11-01'),
      consentMaxAge: 2 * 3600_000,
      pseudonymMaxAge: 1800_000,
    });
    const bad = resolveConfig({ policyDate: 'soon', consentMaxAge: 0, pseudonymMaxAge: '24' });
    expect(bad.problems.map(({ field }) => field)).toEqual([
      'policyDate',
      'consentMaxAge',
      'pseudonymMaxAge',
    ]);
    expect(bad.config.consentMaxAge).toBe(24 * 3600_000);
  });

  it('takes English from <html lang="en-GB"> and from the option', () => {
    document.documentElement.lang = 'en-GB';
    expect(resolveConfig({}).config.lang).toBe('en');
    document.documentElement.lang = 'nl';
    expect(resolveConfig({ lang: 'en' }).config.lang).toBe('en');
  });

  it('strips a trailing slash from the endpoint and accepts a numeric policy version', () => {
    const { config, problems } = resolveConfig({ endpoint: '/zv/', policyVersion: 2 });
    expect(problems).toEqual([]);
    expect(config.endpoint).toBe('/zv');
    expect(config.policyVersion).toBe('2');
  });

  const bad: [string, unknown, string][] = [
    ['options', 'yes', 'options'],
    ['unknown option', { colour: 'red' }, 'colour'],
    ['unknown language', { lang: 'de' }, 'lang'],
    ['wrong type', { endpoint: 42 }, 'endpoint'],
    ['empty string', { policyVersion: '' }, 'policyVersion'],
    ['huge string', { privacyUrl: 'x'.repeat(5000) }, 'privacyUrl'],
    ['statistics default', { statisticsDefault: 'maybe' }, 'statisticsDefault'],
    ['measurement id', { google: { measurementId: 'UA-123' } }, 'google.measurementId'],
    ['google not an object', { google: 'G-ABC123' }, 'google'],
    ['banner not boolean', { banner: 'no' }, 'banner'],
    ['allow list', { queryAllowList: 'utm_*' }, 'queryAllowList'],
    ['categories not an object', { categories: [] }, 'categories'],
    [
      'new category without label',
      { categories: { marketing: { description: 'x' } } },
      'categories.marketing',
    ],
    [
      'category key',
      { categories: { 'bad key': { label: 'x', description: 'y' } } },
      'categories.bad key',
    ],
    ['hosts', { categories: { statistics: { hosts: 'x' } } }, 'categories.statistics.hosts'],
    [
      'cookie name',
      { categories: { statistics: { cookies: [{ name: 'a b' }] } } },
      'categories.statistics.cookies[0].name',
    ],
    [
      'translated text',
      { categories: { extra: { label: { de: 'x' }, description: 'y' } } },
      'categories.extra.label',
    ],
  ];
  it.each(bad)('reports %s, naming the field, and keeps the default', (_, options, field) => {
    const { config, problems } = resolveConfig(options);
    expect(problems.map((p) => p.field)).toContain(field);
    expect(config.categories.map((c) => c.key).slice(0, 3)).toEqual([
      'necessary',
      'statistics',
      'googleAnalytics',
    ]);
    expect(config.lang).toBe('nl');
  });

  it('adds a site category and refines a built-in one', () => {
    const { config, problems } = resolveConfig({
      categories: {
        video: {
          label: { nl: 'Video', en: 'Video' },
          description: 'Filmpjes van YouTube.',
          hosts: ['*.youtube.com'],
          cookies: [{ name: 'YSC' }],
        },
        statistics: { cookies: [{ name: 'zv_id' }, { name: 'extra_*' }] },
      },
    });
    expect(problems).toEqual([]);
    expect(config.categories.map((c) => c.key)).toEqual([
      'necessary',
      'statistics',
      'googleAnalytics',
      'video',
    ]);
    expect(config.categories[3]).toMatchObject({
      hosts: ['*.youtube.com'],
      cookies: [{ name: 'YSC' }],
      required: false,
    });
    expect(config.categories[1].cookies.map((c) => c.name)).toEqual(['zv_id', 'extra_*']);
  });

  it('never pollutes prototypes through __proto__ or constructor keys', () => {
    const options = JSON.parse(
      '{"__proto__":{"polluted":1},"categories":{"__proto__":{"label":"x","description":"y"},"constructor":{"label":"x","description":"y"}}}',
    );
    const { config, problems } = resolveConfig(options);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(config.categories.map((c) => c.key)).toEqual([
      'necessary',
      'statistics',
      'googleAnalytics',
    ]);
    expect(problems.map((p) => p.field)).toEqual(
      expect.arrayContaining(['__proto__', 'categories.__proto__', 'categories.constructor']),
    );
  });
});

describe('reopenPosition', () => {
  it('defaults to bottom-left and takes bottom-right or none', () => {
    expect(resolveConfig({}).config.reopenPosition).toBe('bottom-left');
    for (const position of ['bottom-right', 'none'] as const)
      expect(resolveConfig({ reopenPosition: position }).config.reopenPosition).toBe(position);
  });

  it('refuses anything else, naming the field, and keeps the default', () => {
    const { config, problems } = resolveConfig({ reopenPosition: 'top' });
    expect(config.reopenPosition).toBe('bottom-left');
    expect(problems.map(({ field }) => field)).toEqual(['reopenPosition']);
  });
});
