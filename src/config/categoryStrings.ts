import type { Lang } from './options';
import { EN } from './categoryStrings.en';
import { NL } from './categoryStrings.nl';

/**
 * A built-in category's texts in one language, as the dialog and the cookie declaration show
 * them; what its own cookies are for is in `cookieStrings.ts`.
 */
export type BuiltInStrings = [label: string, description: string];

/** The built-in categories' texts in one language, by category key. */
export type CategoryStrings = Record<
  'necessary' | 'statistics' | 'googleAnalytics',
  BuiltInStrings
>;

/**
 * By language. A one-language UI part (`zorgvuldig.ui.nl.js`) is built with a module in place of
 * this one that holds its language only (`rollup.config.mjs`, `onlyLanguage`).
 */
export const STRINGS: Partial<Record<Lang, CategoryStrings>> = { nl: NL, en: EN };
