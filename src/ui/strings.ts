import type { Lang } from '../config/options';

/** Every fixed text of the UI. Dutch is written at B1 level: short sentences, everyday words. */
export interface UiStrings {
  bannerTitle: string;
  bannerText: string;
  rejectAll: string;
  acceptAll: string;
  settings: string;
  privacyLink: string;
  dialogTitle: string;
  dialogText: string;
  alwaysOn: string;
  save: string;
  close: string;
  objectionGpc: string;
  objectionDnt: string;
  yourData: string;
  download: string;
  erase: string;
  erased: string;
}

export const STRINGS: Record<Lang, UiStrings> = {
  nl: {
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
  },
  en: {
    bannerTitle: 'Cookies on this website',
    bannerText:
      'We only use cookies that are deleted when you close your browser. We count visits without knowing who you are. We only use Google Analytics if you agree: your data then goes to the United States.',
    rejectAll: 'Necessary only',
    acceptAll: 'Accept all',
    settings: 'Settings',
    privacyLink: 'Read our privacy statement',
    dialogTitle: 'Cookie settings',
    dialogText: 'Choose which cookies you allow. You can change this at any time.',
    alwaysOn: 'Always on',
    save: 'Save choice',
    close: 'Close',
    objectionGpc:
      'Statistics are off because your browser asks not to be tracked (Global Privacy Control). You can switch them on yourself.',
    objectionDnt:
      'Statistics are off because your browser asks not to be tracked (Do Not Track). You can switch them on yourself.',
    yourData: 'Your data',
    download: 'Download my data',
    erase: 'Erase my data',
    erased: 'Your data has been erased.',
  },
};
