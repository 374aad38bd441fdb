import type { CategoryStrings } from './categoryStrings';

/** The built-in categories in English. */
export const EN: CategoryStrings = {
  necessary: [
    'Necessary',
    'Remembers your cookie choice. This cookie is deleted when you close the browser.',
  ],
  statistics: [
    'Statistics',
    'Counts visits without knowing who you are. The data stays in Europe.',
  ],
  googleAnalytics: [
    'Google Analytics',
    'Measures use of the website with Google. Your data then goes to servers in the United States.',
  ],
};
