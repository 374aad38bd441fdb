import { GOOGLE_COOKIES, GOOGLE_HOSTS } from './googleDefaults';
import type { CategoryDefinition } from './config';

/** Cookies the SDK itself writes. All are session cookies. */
export const CONSENT_COOKIE = 'zv_consent';
/** Holds the statistics pseudonym, only while statistics are allowed. */
export const PSEUDONYM_COOKIE = 'zv_id';

/** The three built-in categories, in the order the dialog shows them. */
export const defaultCategories = (): CategoryDefinition[] => [
  {
    key: 'necessary',
    required: true,
    label: { nl: 'Noodzakelijk', en: 'Necessary' },
    description: {
      nl: 'Onthoudt uw keuze over cookies. Dit cookie verdwijnt als u de browser sluit.',
      en: 'Remembers your cookie choice. This cookie is deleted when you close the browser.',
    },
    cookies: [
      {
        name: CONSENT_COOKIE,
        purpose: { nl: 'Bewaart uw cookiekeuze.', en: 'Stores your cookie choice.' },
      },
    ],
    hosts: [],
  },
  {
    key: 'statistics',
    required: false,
    label: { nl: 'Statistieken', en: 'Statistics' },
    description: {
      nl: 'Telt bezoeken zonder te weten wie u bent. De gegevens blijven in Europa.',
      en: 'Counts visits without knowing who you are. The data stays in Europe.',
    },
    cookies: [
      {
        name: PSEUDONYM_COOKIE,
        purpose: {
          nl: 'Een willekeurige code voor dit bezoek, zodat we bezochte pagina’s kunnen tellen.',
          en: 'A random code for this visit, so we can count the pages visited.',
        },
      },
    ],
    hosts: [],
  },
  {
    key: 'googleAnalytics',
    required: false,
    label: { nl: 'Google Analytics', en: 'Google Analytics' },
    description: {
      nl: 'Meet het gebruik van de website met Google. Uw gegevens gaan dan naar servers in de Verenigde Staten.',
      en: 'Measures use of the website with Google. Your data then goes to servers in the United States.',
    },
    cookies: GOOGLE_COOKIES.map((name) => ({
      name,
      purpose: {
        nl: 'Onderscheidt bezoekers voor Google Analytics.',
        en: 'Distinguishes visitors for Google Analytics.',
      },
      recipient: 'Google',
      country: { nl: 'Verenigde Staten', en: 'United States' },
    })),
    hosts: [...GOOGLE_HOSTS],
  },
];
