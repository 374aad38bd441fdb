import type { CategoryDefinition } from './config';
import { CONSENT_COOKIE, PSEUDONYM_COOKIE } from './defaultCategories';
import { GOOGLE_COOKIES } from './googleDefaults';
import type { CookieDeclaration, Translated } from './options';

/** What a built-in category's own cookies are for, and who receives them. */
type CookieTexts = Omit<CookieDeclaration, 'name'>;

interface BuiltInTexts {
  label: Translated;
  description: Translated;
  /** By cookie name: only the cookies the SDK itself declares, never one the site added. */
  cookies: Record<string, CookieTexts>;
}

const GOOGLE_COOKIE: CookieTexts = {
  purpose: {
    nl: 'Onderscheidt bezoekers voor Google Analytics.',
    en: 'Distinguishes visitors for Google Analytics.',
  },
  recipient: 'Google',
  country: { nl: 'Verenigde Staten', en: 'United States' },
};

/**
 * The built-in categories' texts. Only the dialog (UI part) and the cookie declaration (rights
 * part) show them, so they live here rather than in the core's defaults, which every page loads
 * before it can paint.
 */
const BUILT_IN: Record<string, BuiltInTexts> = {
  necessary: {
    label: { nl: 'Noodzakelijk', en: 'Necessary' },
    description: {
      nl: 'Onthoudt uw keuze over cookies. Dit cookie verdwijnt als u de browser sluit.',
      en: 'Remembers your cookie choice. This cookie is deleted when you close the browser.',
    },
    cookies: {
      [CONSENT_COOKIE]: {
        purpose: { nl: 'Bewaart uw cookiekeuze.', en: 'Stores your cookie choice.' },
      },
    },
  },
  statistics: {
    label: { nl: 'Statistieken', en: 'Statistics' },
    description: {
      nl: 'Telt bezoeken zonder te weten wie u bent. De gegevens blijven in Europa.',
      en: 'Counts visits without knowing who you are. The data stays in Europe.',
    },
    cookies: {
      [PSEUDONYM_COOKIE]: {
        purpose: {
          nl: 'Een willekeurige code voor dit bezoek, zodat we bezochte pagina’s kunnen tellen.',
          en: 'A random code for this visit, so we can count the pages visited.',
        },
      },
    },
  },
  googleAnalytics: {
    label: { nl: 'Google Analytics', en: 'Google Analytics' },
    description: {
      nl: 'Meet het gebruik van de website met Google. Uw gegevens gaan dan naar servers in de Verenigde Staten.',
      en: 'Measures use of the website with Google. Your data then goes to servers in the United States.',
    },
    cookies: Object.fromEntries(GOOGLE_COOKIES.map((name) => [name, GOOGLE_COOKIE])),
  },
};

/** A category as the visitor reads it: the site's texts, else the built-in ones. */
export const withBuiltInTexts = (category: CategoryDefinition): CategoryDefinition => {
  const texts = Object.prototype.hasOwnProperty.call(BUILT_IN, category.key)
    ? BUILT_IN[category.key]
    : undefined;
  if (!texts) return category;
  const own = (name: string) =>
    Object.prototype.hasOwnProperty.call(texts.cookies, name) ? texts.cookies[name] : {};
  return {
    ...category,
    label: category.label ?? texts.label,
    description: category.description ?? texts.description,
    cookies: category.cookies.map((cookie) => ({ ...own(cookie.name), ...definedOnly(cookie) })),
  };
};

/** `cookie` without its undefined fields, so they do not hide a built-in text. */
const definedOnly = (cookie: CookieDeclaration): CookieDeclaration =>
  Object.fromEntries(
    Object.entries(cookie).filter(([, value]) => value !== undefined),
  ) as unknown as CookieDeclaration;
