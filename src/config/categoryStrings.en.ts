import type { CategoryStrings } from './categoryStrings';

/** The built-in categories in English. */
export const EN: CategoryStrings = {
  necessary: [
    'Necessary',
    'Remembers your cookie choice. This cookie is deleted when you close the browser.',
    'Stores your cookie choice.',
  ],
  statistics: [
    'Statistics',
    'Counts visits without knowing who you are. The data stays in Europe.',
    'A random code for this visit, so we can count the pages visited.',
  ],
  googleAnalytics: [
    'Google Analytics',
    'Measures use of the website with Google. Your data then goes to servers in the United States.',
    'Distinguishes visitors for Google Analytics.',
    'United States',
  ],
};
