/** The dashboard's languages: Dutch by default, English by `?lang=en`. */
export type DashboardLang = 'nl' | 'en';

export const langOf = (url: URL): DashboardLang =>
  url.searchParams.get('lang') === 'en' ? 'en' : 'nl';

/** Text of the pages the relay renders itself (sign-in, the dashboard's frame, errors). */
export const PAGE_STRINGS = {
  nl: {
    title: 'Statistieken van de website',
    skip: 'Naar de inhoud',
    languageNav: 'Taal',
    otherLanguage: 'English',
    otherLang: 'en',
    signInTitle: 'Aanmelden voor de statistieken',
    signInIntro:
      'Vul het statistiektoken in. Dat staat in de instellingen van de relay (statsToken of ZV_STATS_TOKEN).',
    sessionNote:
      'U blijft aangemeld tot u afmeldt, de browser sluit of 30 minuten niets doet. Het token komt nooit in een adres (URL).',
    tokenLabel: 'Token',
    signIn: 'Aanmelden',
    signOut: 'Afmelden',
    signedOut: 'U bent afgemeld.',
    wrongToken: 'Dit token klopt niet. Controleer het token en probeer het opnieuw.',
    emptyToken: 'Vul het token in.',
    tooMany: (seconds: number) =>
      `Te veel pogingen met een verkeerd token. Wacht ${seconds} seconden en probeer het dan opnieuw.`,
    staleForm:
      'Dit formulier is verlopen of kwam niet van deze website. Het is opnieuw geladen: probeer het nog een keer.',
    notEnabled:
      'Het dashboard staat uit: de relay heeft geen statistiektoken (statsToken of ZV_STATS_TOKEN).',
    noScript: 'Het dashboard heeft JavaScript nodig om de cijfers te tonen.',
    error: 'Fout',
  },
  en: {
    title: 'Website statistics',
    skip: 'Skip to content',
    languageNav: 'Language',
    otherLanguage: 'Nederlands',
    otherLang: 'nl',
    signInTitle: 'Sign in to the statistics',
    signInIntro:
      "Enter the statistics token. It is in the relay's settings (statsToken or ZV_STATS_TOKEN).",
    sessionNote:
      'You stay signed in until you sign out, close the browser or are idle for 30 minutes. The token never appears in an address (URL).',
    tokenLabel: 'Token',
    signIn: 'Sign in',
    signOut: 'Sign out',
    signedOut: 'You are signed out.',
    wrongToken: 'This token is not correct. Check the token and try again.',
    emptyToken: 'Enter the token.',
    tooMany: (seconds: number) =>
      `Too many attempts with a wrong token. Wait ${seconds} seconds, then try again.`,
    staleForm:
      'This form had expired or did not come from this website. It has been reloaded: please try again.',
    notEnabled:
      'The dashboard is off: the relay has no statistics token (statsToken or ZV_STATS_TOKEN).',
    noScript: 'The dashboard needs JavaScript to show the figures.',
    error: 'Error',
  },
} as const;

export type PageStrings = (typeof PAGE_STRINGS)[DashboardLang];
