import type { UiStrings } from './strings';

/** The UI in English. */
export const EN: UiStrings = {
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
};
