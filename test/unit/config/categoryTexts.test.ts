import { describe, expect, it } from 'vitest';
import { withBuiltInTexts } from '../../../src/config/categoryTexts';
import { resolveConfig } from '../../../src/config/resolveConfig';

const category = (options: unknown, key: string) =>
  withBuiltInTexts(
    resolveConfig({ categories: options }).config.categories.find((c) => c.key === key)!,
  );

describe('withBuiltInTexts', () => {
  it('gives every built-in category and its own cookies their texts in both languages', () => {
    for (const { key } of resolveConfig(undefined).config.categories) {
      const described = category(undefined, key);
      expect(described.label).toEqual({ nl: expect.any(String), en: expect.any(String) });
      expect(described.description).toEqual({ nl: expect.any(String), en: expect.any(String) });
      for (const cookie of described.cookies) {
        expect(cookie.purpose).toEqual({ nl: expect.any(String), en: expect.any(String) });
      }
    }
    expect(category(undefined, 'googleAnalytics').cookies[0]).toMatchObject({
      name: '_ga',
      recipient: 'Google',
      country: { en: 'United States' },
    });
  });

  it("keeps the site's own texts and never lends a built-in purpose to a cookie the site added", () => {
    const described = category(
      {
        statistics: {
          label: 'Bezoekcijfers',
          cookies: [{ name: 'zv_id', purpose: 'Eigen tekst' }, { name: 'site_counter' }],
        },
      },
      'statistics',
    );
    expect(described.label).toEqual({ nl: 'Bezoekcijfers', en: 'Bezoekcijfers' });
    expect(described.description?.nl).toMatch(/Telt bezoeken/);
    expect(described.cookies).toEqual([
      { name: 'zv_id', purpose: { nl: 'Eigen tekst', en: 'Eigen tekst' } },
      { name: 'site_counter' },
    ]);
  });

  it("leaves a site's own category as it is", () => {
    const own = category({ video: { label: 'Video', description: 'YouTube' } }, 'video');
    expect(own).toMatchObject({ label: { nl: 'Video' }, description: { nl: 'YouTube' } });
  });
});
