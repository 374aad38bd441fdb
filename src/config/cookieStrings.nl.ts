import type { CookieStrings } from './cookieStrings';

/** What the built-in categories' own cookies are for, in Dutch. */
export const NL: CookieStrings = {
  necessary: ['Bewaart uw cookiekeuze.'],
  statistics: ['Een willekeurige code voor dit bezoek, zodat we bezochte pagina’s kunnen tellen.'],
  googleAnalytics: ['Onderscheidt bezoekers voor Google Analytics.', 'Verenigde Staten'],
};
