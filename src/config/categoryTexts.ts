import type { CategoryDefinition } from './config';
import { STRINGS, type CategoryStrings } from './categoryStrings';
import { STRINGS as COOKIE_STRINGS } from './cookieStrings';
import { CONSENT_COOKIE, PSEUDONYM_COOKIE } from './defaultCategories';
import { GOOGLE_COOKIES } from './googleDefaults';
import type { CookieDeclaration, Translated } from './options';

/**
 * The cookies the SDK itself declares in each built-in category: only they get the built-in
 * purpose, never a cookie the site added. The texts themselves are in `categoryStrings*.ts`
 * (labels, descriptions) and `cookieStrings*.ts` (purposes). Only the dialog (UI part) and the
 * declaration (rights part) show them, so they are not in the core's defaults, which every page
 * loads before it can paint.
 */
const OWN_COOKIES: Record<keyof CategoryStrings, string[]> = {
  necessary: [CONSENT_COOKIE],
  statistics: [PSEUDONYM_COOKIE],
  googleAnalytics: GOOGLE_COOKIES,
};

const has = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

/** A category as the visitor reads it: the site's texts, else the built-in ones. */
export const withBuiltInTexts = (category: CategoryDefinition): CategoryDefinition => {
  if (!has(OWN_COOKIES, category.key)) return category;
  const key = category.key as keyof CategoryStrings;
  // One text in every language this build holds.
  const translated = (
    table: Partial<Record<string, Record<typeof key, (string | undefined)[]>>>,
    at: number,
  ): Translated | undefined => {
    const entries = Object.entries(table).flatMap(([lang, strings]) => {
      const text = strings![key][at];
      return text ? [[lang, text]] : [];
    });
    return entries.length ? Object.fromEntries(entries) : undefined;
  };
  const own: Omit<CookieDeclaration, 'name'> = {
    purpose: translated(COOKIE_STRINGS, 0),
    ...(key === 'googleAnalytics' && {
      recipient: 'Google',
      country: translated(COOKIE_STRINGS, 1),
    }),
  };
  return {
    ...category,
    label: category.label ?? translated(STRINGS, 0),
    description: category.description ?? translated(STRINGS, 1),
    cookies: category.cookies.map((cookie) => ({
      ...(OWN_COOKIES[key].includes(cookie.name) && own),
      ...definedOnly(cookie),
    })),
  };
};

/** `cookie` without its undefined fields, so they do not hide a built-in text. */
const definedOnly = (cookie: CookieDeclaration): CookieDeclaration =>
  Object.fromEntries(
    Object.entries(cookie).filter(([, value]) => value !== undefined),
  ) as unknown as CookieDeclaration;
