import type { UiStrings } from './strings';

/** The UI in Dutch, at B1 level. */
export const NL: UiStrings = {
  bannerTitle: 'Cookies op deze website',
  bannerText:
    'Wij gebruiken alleen cookies die verdwijnen als u de browser sluit. We tellen bezoeken zonder te weten wie u bent. Google Analytics gebruiken we alleen als u dat goed vindt: dan gaan gegevens naar de Verenigde Staten.',
  rejectAll: 'Alleen noodzakelijk',
  acceptAll: 'Alles accepteren',
  settings: 'Instellingen',
  privacyLink: 'Lees onze privacyverklaring',
  dialogTitle: 'Cookie-instellingen',
  dialogText: 'Kies welke cookies u toestaat. U kunt dit altijd weer veranderen.',
  alwaysOn: 'Altijd aan',
  save: 'Keuze opslaan',
  close: 'Sluiten',
  objectionGpc:
    'Statistieken staan uit, omdat uw browser vraagt om niet gevolgd te worden (Global Privacy Control). U kunt ze zelf aanzetten.',
  objectionDnt:
    'Statistieken staan uit, omdat uw browser vraagt om niet gevolgd te worden (Do Not Track). U kunt ze zelf aanzetten.',
  yourData: 'Uw gegevens',
  download: 'Mijn gegevens downloaden',
  erase: 'Mijn gegevens wissen',
  erased: 'Uw gegevens zijn gewist.',
};
