// The pages the bench loads: each subject as its vendor documents embedding it, in <head>, with
// a typical configuration. `find` (source text, run in the page) returns the banner element;
// `accept` is the selector of its accept-all button. Subjects without a banner have neither.
// Inline configuration is the site's own code and is not counted in transfer sizes.

const GA = 'https://www.googletagmanager.com/gtag/js?id=G-BENCH123';

// A Google Analytics tag gated the way each consent manager documents it, so that the accept
// click does what it would on a site (the request itself is then blocked: nothing leaves).
const vanillaConfig = {
  // Its default stops it where navigator.webdriver is set, which it is in any automated browser.
  hideFromBots: false,
  categories: { necessary: { enabled: true, readOnly: true }, analytics: {}, marketing: {} },
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: 'We use cookies',
          description: 'We use cookies to see how our site is used and to improve it.',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          showPreferencesBtn: 'Manage preferences',
        },
        preferencesModal: {
          title: 'Cookie preferences',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          savePreferencesBtn: 'Save preferences',
          closeIconLabel: 'Close',
          sections: [
            { title: 'Cookie usage', description: 'Choose which cookies you allow.' },
            {
              title: 'Strictly necessary',
              description: 'Needed for the site to work.',
              linkedCategory: 'necessary',
            },
            {
              title: 'Analytics',
              description: 'Anonymous statistics.',
              linkedCategory: 'analytics',
            },
            {
              title: 'Marketing',
              description: 'Advertising and embeds.',
              linkedCategory: 'marketing',
            },
          ],
        },
      },
    },
  },
};

const klaroConfig = {
  version: 1,
  elementID: 'klaro',
  styling: { theme: ['light', 'bottom', 'wide'] },
  storageMethod: 'cookie',
  cookieName: 'klaro',
  default: false,
  mustConsent: false,
  acceptAll: true,
  hideDeclineAll: false,
  lang: 'en',
  privacyPolicy: '/privacy',
  services: [
    {
      name: 'google-analytics',
      title: 'Google Analytics',
      purposes: ['analytics'],
      cookies: [/^_ga(_.*)?/],
    },
    { name: 'youtube', title: 'YouTube', purposes: ['marketing'] },
  ],
};

const tarteaucitronConfig = {
  privacyUrl: '/privacy',
  bodyPosition: 'bottom',
  hashtag: '#tarteaucitron',
  cookieName: 'tarteaucitron',
  orientation: 'bottom',
  groupServices: false,
  serviceDefaultState: 'wait',
  showAlertSmall: false,
  cookieslist: false,
  showIcon: true,
  iconPosition: 'BottomRight',
  adblocker: false,
  DenyAllCta: true,
  AcceptAllCta: true,
  highPrivacy: true,
  handleBrowserDNTRequest: false,
  removeCredit: false,
  moreInfoLink: true,
  useExternalCss: false,
  useExternalJs: false,
  mandatory: true,
  mandatoryCta: true,
  googleConsentMode: true,
};

const osanoConfig = {
  palette: { popup: { background: '#000' }, button: { background: '#f1d600' } },
  type: 'opt-in',
  content: {
    message: 'We use cookies to see how our site is used and to improve it.',
    allow: 'Allow cookies',
    deny: 'Decline',
    link: 'Learn more',
    href: '/privacy',
  },
};

const json = (value) =>
  JSON.stringify(value, (_, v) => (v instanceof RegExp ? `__re${v.source}__re` : v)).replace(
    /"__re(.*?)__re"/g,
    (_, source) => `/${JSON.parse(`"${source}"`)}/`,
  );

// zorgvuldig as a site embeds it: the core (or the one-file build) first in <head>, with the
// banner, the Google gate and statistics on.
const zvTag = (src) => `<script src="${src}" data-endpoint="/zv" data-ga-id="G-BENCH123"></script>`;
const ZV_FILES = /\/dist\/zorgvuldig\./;
const ZV_BANNER = `() => document.getElementById('zorgvuldig-ui')?.shadowRoot?.querySelector('section.b')`;
const ZV_ACCEPT = '#zorgvuldig-ui section.b [data-zv-action="accept"]';
// What a returning visitor sees of it: the control that reopens the preferences.
const ZV_REOPEN = `() => document.getElementById('zorgvuldig-ui')?.shadowRoot?.querySelector('button.r')`;

const VANILLA_FILES = /\/vanilla-cookieconsent\//;
const VANILLA_HEAD =
  '<link rel="stylesheet" href="/node_modules/vanilla-cookieconsent/dist/cookieconsent.css">' +
  // As its docs embed it: the library deferred, the configuration as a module (both after parsing).
  '<script defer src="/node_modules/vanilla-cookieconsent/dist/cookieconsent.umd.js"></script>' +
  `<script type="module">CookieConsent.run(${json(vanillaConfig)});</script>` +
  `<script type="text/plain" data-category="analytics" data-src="${GA}"></script>`;

/**
 * `own`: the subject's script URLs (long tasks are attributed by them). `returningFrom`: measured
 * as a returning visitor, with the cookies that subject's accept click left. `requires`: a file
 * that must exist for the subject to run (else it is left out, with a note).
 * @type {{ id: string, name: string, zorgvuldig?: boolean, own?: RegExp, returningFrom?: string, requires?: string, head: string, find?: string, accept?: string }[]}
 */
export const SUBJECTS = [
  { id: 'blank', name: 'blank page (floor)', head: '' },
  {
    id: 'zv-script',
    name: 'zorgvuldig, script tag: first visit',
    zorgvuldig: true,
    own: ZV_FILES,
    head: zvTag('/dist/zorgvuldig.min.js'),
    find: ZV_BANNER,
    accept: ZV_ACCEPT,
  },
  {
    id: 'zv-returning',
    name: 'zorgvuldig, script tag: returning visit (decided)',
    zorgvuldig: true,
    own: ZV_FILES,
    // Measured with the cookies the first visit's accept click left (bench/run.mjs).
    returningFrom: 'zv-script',
    head: zvTag('/dist/zorgvuldig.min.js'),
    find: ZV_REOPEN,
  },
  {
    id: 'zv-full',
    name: 'zorgvuldig, one-file build: first visit',
    zorgvuldig: true,
    own: ZV_FILES,
    requires: 'dist/zorgvuldig.full.min.js',
    head: zvTag('/dist/zorgvuldig.full.min.js'),
    find: ZV_BANNER,
    accept: ZV_ACCEPT,
  },
  {
    id: 'zv-esm',
    name: 'zorgvuldig, ESM (bundled as a site would)',
    zorgvuldig: true,
    head:
      '<script type="importmap">{"imports":{"js-cookie":"/node_modules/js-cookie/dist/js.cookie.min.mjs","web-vitals":"/node_modules/web-vitals/dist/web-vitals.js"}}</script>' +
      `<script type="module">import { init } from '/bench-build/zorgvuldig.mjs'; init({ endpoint: '/zv', google: { measurementId: 'G-BENCH123' } });</script>`,
    own: /\/bench-build\/zorgvuldig\.mjs|\/node_modules\/(js-cookie|web-vitals)\//,
    find: ZV_BANNER,
    accept: ZV_ACCEPT,
  },
  {
    id: 'vanilla-cookieconsent',
    name: 'vanilla-cookieconsent 3',
    head: VANILLA_HEAD,
    own: VANILLA_FILES,
    find: `() => document.querySelector('#cc-main .cm')`,
    accept: '#cc-main .cm [data-role="all"]',
  },
  {
    id: 'vanilla-returning',
    name: 'vanilla-cookieconsent 3: returning visit (decided)',
    own: VANILLA_FILES,
    returningFrom: 'vanilla-cookieconsent',
    head: VANILLA_HEAD,
  },
  {
    id: 'klaro',
    name: 'klaro',
    head:
      `<script>var klaroConfig = ${json(klaroConfig)};</script>` +
      '<script defer src="/node_modules/klaro/dist/klaro.js"></script>' +
      `<script type="text/plain" data-type="application/javascript" data-name="google-analytics" data-src="${GA}"></script>`,
    own: /\/klaro\//,
    find: `() => document.querySelector('#klaro .cookie-notice')`,
    accept: '#klaro .cookie-notice .cm-btn-success',
  },
  {
    id: 'tarteaucitron',
    name: 'tarteaucitronjs',
    head:
      '<script src="/node_modules/tarteaucitronjs/tarteaucitron.min.js"></script>' +
      `<script>tarteaucitron.init(${json(tarteaucitronConfig)}); tarteaucitron.user.gtagUa = 'G-BENCH123'; (tarteaucitron.job = tarteaucitron.job || []).push('gtag');</script>`,
    own: /\/tarteaucitronjs\//,
    find: `() => document.getElementById('tarteaucitronAlertBig')`,
    accept: '#tarteaucitronPersonalize2',
  },
  {
    id: 'osano',
    name: 'cookieconsent (Osano)',
    head:
      '<link rel="stylesheet" href="/node_modules/cookieconsent/build/cookieconsent.min.css">' +
      '<script src="/node_modules/cookieconsent/build/cookieconsent.min.js"></script>' +
      `<script>addEventListener('load', () => window.cookieconsent.initialise(${json(osanoConfig)}));</script>`,
    own: /\/cookieconsent\/build\//,
    find: `() => document.querySelector('.cc-window')`,
    accept: '.cc-window .cc-allow',
  },
  {
    id: 'plausible-tracker',
    name: 'plausible-tracker',
    own: /\/bench-build\/plausible\.mjs/,
    head: `<script type="module">import Plausible from '/bench-build/plausible.mjs'; const { trackPageview } = Plausible({ domain: 'bench.example', apiHost: location.origin, trackLocalhost: true }); trackPageview();</script>`,
  },
  {
    id: 'web-vitals',
    name: 'web-vitals alone',
    own: /\/web-vitals\//,
    head:
      '<script src="/node_modules/web-vitals/dist/web-vitals.iife.js"></script>' +
      `<script>const log = (m) => (window.vitals ||= []).push([m.name, m.value]); for (const on of ['onLCP', 'onCLS', 'onINP', 'onFCP', 'onTTFB']) webVitals[on](log);</script>`,
  },
];

const BODY = `<main><h1>Zorg dichtbij</h1>${'<p>Wij bieden thuiszorg, wijkverpleging en dagbesteding in de regio. Lees hier over onze locaties, vacatures en hoe u zorg aanvraagt.</p>'.repeat(6)}<p><a href="/privacy">Privacy</a></p></main>`;

/** The HTML of one subject's page: the probe first in <head>, the subject, then the head-end mark. */
export const pageHtml = (subject, probe) =>
  `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>bench: ${subject.id}</title>` +
  `<script>${probe.replace('__FIND__', subject.find ?? 'null').replace('__OWN__', subject.own ? String(subject.own) : 'null')}</script>${subject.head}` +
  `<script>__bench.headEnd = performance.now();</script></head><body>${BODY}</body></html>`;
