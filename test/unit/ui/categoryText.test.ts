import { describe, expect, it } from 'vitest';
import { withBuiltInTexts } from '../../../src/config/categoryTexts';
import { resolveConfig } from '../../../src/config/resolveConfig';
import { categoryText } from '../../../src/ui/categoryText';

const categories = (options?: unknown) => resolveConfig({ categories: options }).config.categories;

describe('categoryText', () => {
  it('gives the dialog the same label and description as the cookie declaration', () => {
    const site = {
      statistics: { label: 'Bezoekcijfers' },
      video: { label: { nl: 'Video', en: 'Videos' }, description: 'YouTube' },
      chat: { label: 'Chat' },
    };
    for (const category of categories(site)) {
      const described = withBuiltInTexts(category);
      for (const lang of ['nl', 'en'] as const) {
        for (const field of ['label', 'description'] as const) {
          const expected = described[field]?.[lang] ?? described[field]?.nl ?? '';
          expect(categoryText(category, field, lang)).toBe(expected);
        }
      }
    }
  });

  it('uses the built-in texts where the site gave none, in the language asked for', () => {
    const [necessary] = categories();
    expect(categoryText(necessary, 'label', 'nl')).toBe('Noodzakelijk');
    expect(categoryText(necessary, 'label', 'en')).toBe('Necessary');
    expect(categoryText(necessary, 'description', 'en')).toMatch(/cookie choice/);
  });

  it('gives an empty text for a site category without one, whatever its key', () => {
    for (const key of ['video', 'toString', 'constructor', '__proto__']) {
      const category = { ...categories()[0], key, label: undefined, description: undefined };
      expect(categoryText(category, 'label', 'nl')).toBe('');
      expect(categoryText(category, 'description', 'en')).toBe('');
    }
  });
});
