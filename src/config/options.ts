/** Where the persistent reopen button sits; `'none'` leaves it to the site's own link. */
export type ReopenPosition = 'bottom-left' | 'bottom-right' | 'none';

/** Languages the UI speaks. Dutch first: most visitors of a Dutch care site read it. */
export type Lang = 'nl' | 'en';

/** Text in each UI language. A missing language falls back to Dutch. */
export type Translated = Partial<Record<Lang, string>>;

/** A cookie that a category may set, for the cookie declaration and the sweeper. */
export interface CookieDeclaration {
  /** Cookie name; a trailing `*` matches any suffix (`_ga_*`). */
  name: string;
  /** What it is for, one sentence. */
  purpose?: Translated;
  /** Who receives the data. Default: the site itself. */
  recipient?: string;
  /** Where the data is stored. Default: the EEA. */
  country?: Translated;
}

/** A consent category: a built-in one refined, or one the site adds. */
export interface CategoryOptions {
  /** Name shown on the toggle. Required for site-defined categories. */
  label?: Translated;
  /** One-sentence purpose shown under the toggle. Required for site-defined categories. */
  description?: Translated;
  /** Cookies of this category: listed in the declaration, swept while not granted. */
  cookies?: CookieDeclaration[];
  /** Hosts the network guard blocks while not granted: `example.com` or `*.example.com`. */
  hosts?: string[];
}

/** Google Analytics 4, gated behind the `googleAnalytics` category. */
export interface GoogleOptions {
  /** GA4 measurement id (`G-XXXXXXX`). Without it nothing of Google is set up. */
  measurementId?: string;
  /** Sends GA hits through the relay (`https://site.example/zv/g`). Default: none. */
  transportUrl?: string;
}

/** Everything `init()` accepts. Every field is optional. */
export interface ZorgvuldigOptions {
  /** Base URL of the relay (`/zv`). Default: none, so no statistics and no receipts are sent. */
  endpoint?: string;
  /** Version of the privacy statement; a different version asks the visitor again. Default `'1'`. */
  policyVersion?: string;
  /** UI language. Default: `en` when `<html lang>` starts with `en`, else `nl`. */
  lang?: Lang;
  /**
   * Statistics before the visitor chooses. `'on'`: on unless the visitor objects (toggle, GPC,
   * DNT). `'off'`: opt-in, like every other category. Default `'on'`.
   */
  statisticsDefault?: 'on' | 'off';
  /** Google Analytics. Default: none. */
  google?: GoogleOptions;
  /** Site-defined categories, and refinements (cookies, hosts) of the built-in ones. */
  categories?: Record<string, CategoryOptions>;
  /** Query parameters that survive scrubbing; a trailing `*` matches a prefix. Default `['utm_*']`. */
  queryAllowList?: string[];
  /** Show the banner and dialog. `false` gives a headless API for a site's own UI. Default `true`. */
  banner?: boolean;
  /** Link to the privacy statement, shown in the banner. Default: none. */
  privacyUrl?: string;
  /**
   * Where the persistent "Cookie-instellingen" button sits once the visitor has chosen. `'none'`
   * hides it, for sites that place their own `data-zv-open-preferences` link. Default `'bottom-left'`.
   */
  reopenPosition?: ReopenPosition;
  /** CSP nonce for the one `<style>` element used where constructable stylesheets are missing. */
  nonce?: string;
  /** URL of `zorgvuldig-sw.js` to register as a network guard. Default: none (not registered). */
  serviceWorker?: string;
  /**
   * ISO date of the privacy statement (`2026-11-01`): a consent record made before it asks the
   * visitor again. Default: none.
   */
  policyDate?: string;
  /**
   * Hours a consent choice is honoured; after that the banner asks again, also in a browser
   * session that was restored for days. Default `24`.
   */
  consentMaxAge?: number;
  /** Hours a pseudonym lives before it is replaced by a new one. Default `24`. */
  pseudonymMaxAge?: number;
}
