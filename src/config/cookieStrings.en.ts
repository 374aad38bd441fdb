import type { CookieStrings } from './cookieStrings';

/** What the built-in categories' own cookies are for, in English. */
export const EN: CookieStrings = {
  necessary: ['Stores your cookie choice.'],
  statistics: ['A random code for this visit, so we can count the pages visited.'],
  googleAnalytics: ['Distinguishes visitors for Google Analytics.', 'United States'],
};
