import type { CategoryStrings } from './categoryStrings';

/** The built-in categories in Dutch. */
export const NL: CategoryStrings = {
  necessary: [
    'Noodzakelijk',
    'Onthoudt uw keuze over cookies. Dit cookie verdwijnt als u de browser sluit.',
  ],
  statistics: [
    'Statistieken',
    'Telt bezoeken zonder te weten wie u bent. De gegevens blijven in Europa.',
  ],
  googleAnalytics: [
    'Google Analytics',
    'Meet het gebruik van de website met Google. Uw gegevens gaan dan naar servers in de Verenigde Staten.',
  ],
};
