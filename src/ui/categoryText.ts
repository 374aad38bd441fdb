import { STRINGS, type CategoryStrings } from '../config/categoryStrings';
import type { CategoryDefinition } from '../config/config';
import type { Lang } from '../config/options';

/**
 * A category's label or description as the dialog shows it: the site's own text in `lang` (else
 * its Dutch one), else the built-in text of the language this build holds. The dialog shows no
 * cookies, so the UI part needs none of what `withBuiltInTexts` adds for the cookie declaration.
 */
export const categoryText = (
  category: CategoryDefinition,
  field: 'label' | 'description',
  lang: Lang,
): string => {
  const own = category[field];
  if (own) return own[lang] ?? own.nl ?? '';
  // A one-language UI part holds only the language the core asked it for.
  const builtIn = (STRINGS[lang] ?? Object.values(STRINGS)[0])?.[
    category.key as keyof CategoryStrings
  ];
  return builtIn?.[field === 'label' ? 0 : 1] ?? '';
};
