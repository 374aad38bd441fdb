import type { CategoryStrings } from './categoryStrings';
import { EN } from './cookieStrings.en';
import type { Lang } from './options';
import { NL } from './cookieStrings.nl';

/**
 * What a built-in category's own cookies are for in one language, and (Google only) the country
 * their data goes to. Only the cookie declaration shows them, so they are apart from the labels
 * and descriptions the dialog needs too (`categoryStrings.ts`), and the UI part does not carry them.
 */
export type CookieStrings = Record<keyof CategoryStrings, [purpose: string, country?: string]>;

/** By language. */
export const STRINGS: Partial<Record<Lang, CookieStrings>> = { nl: NL, en: EN };
