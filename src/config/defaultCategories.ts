import { GOOGLE_COOKIES, GOOGLE_HOSTS } from './googleDefaults';
import type { CategoryDefinition } from './config';

/** Cookies the SDK itself writes. All are session cookies. */
export const CONSENT_COOKIE = 'zv_consent';
/** Holds the statistics pseudonym, only while statistics are allowed. */
export const PSEUDONYM_COOKIE = 'zv_id';

/**
 * The three built-in categories, in the order the dialog shows them. Their texts (label,
 * description, what each cookie is for) are in `categoryTexts.ts`, which only the dialog and
 * the declaration bundle.
 */
export const defaultCategories = (): CategoryDefinition[] => [
  { key: 'necessary', required: true, cookies: [{ name: CONSENT_COOKIE }], hosts: [] },
  { key: 'statistics', required: false, cookies: [{ name: PSEUDONYM_COOKIE }], hosts: [] },
  {
    key: 'googleAnalytics',
    required: false,
    cookies: GOOGLE_COOKIES.map((name) => ({ name })),
    hosts: [...GOOGLE_HOSTS],
  },
];
