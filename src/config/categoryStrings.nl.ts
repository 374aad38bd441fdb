import type { CategoryStrings } from './categoryStrings';

/** The built-in categories in Dutch. */
export const NL: CategoryStrings = {
  necessary: [
    'Noodzakelijk',
    'Onthoudt uw keuze over cookies. Dit cookie verdwijnt als u de browser sluit.',
    'Bewaart uw cookiekeuze.',
  ],
  statistics: [
    'Statistieken',
    'Telt bezoeken zonder te weten wie u bent. De gegevens blijven in Europa.',
    'Een willekeurige code voor dit bezoek, zodat we bezochte pagina’s kunnen tellen.',
  ],
  googleAnalytics: [
    'Google Analytics',
    'Meet het gebruik van de website met Google. Uw gegevens gaan dan naar servers in de Verenigde Staten.',
    'Onderscheidt bezoekers voor Google Analytics.',
    'Verenigde Staten',
  ],
};
