import type { Context } from '../context/context';
import type { StatsPart } from '../context/parts';
import { isArray, isFunction, readPageGlobal } from '../lib/readPageGlobal';
import { watchRawTags } from './watchRawTags';

/**
 * gtag.js's loader (`loadGtag`), which comes with the statistics part beside the scrubber it
 * needs: at once, or once that part arrives.
 */
export type GtagLoader = () => Pick<StatsPart, 'loadGtag'> | Promise<StatsPart>;

/** What the Google Analytics gate tells the audit. */
export interface GoogleGate {
  /** Raw GA / GTM `<script src>` tags found in the HTML, which no script can stop. */
  rawTags(): string[];
}

const CATEGORY = 'googleAnalytics';
const DENIED = 'denied';

/** gtag.js reads `arguments` objects from `dataLayer` and ignores plain arrays. */
const command = function (..._args: unknown[]) {
  // eslint-disable-next-line prefer-rest-params
  return arguments;
};

/**
 * Google Analytics 4 in Basic Consent Mode: until `googleAnalytics` is granted, `dataLayer`
 * holds only denied consent defaults and privacy settings, and gtag.js is not loaded (Advanced
 * mode would send cookieless pings with the page URL, which on a care site can name a health
 * topic). On consent it loads gtag.js once with privacy settings; on withdrawal it switches GA
 * off in the same page (gtag.js itself is loaded by the statistics part's `loadGtag`). Without a measurement id only the defaults, the privacy settings and the
 * raw-tag check apply, so a site's own gtag snippet inherits them. `scripted`: the elements whose
 * `src` a script set, which the network guard records (they are not raw tags). gtag.js is loaded
 * only with a scrubbed `page_location`: where the scrubber cannot be had, it is not loaded at all.
 */
export const startGoogle = (
  ctx: Context,
  scripted: WeakSet<object>,
  loader: GtagLoader,
): GoogleGate => {
  const { config, consent } = ctx;
  const id = config.google.measurementId;
  const global = window as unknown as Record<string, unknown>;
  // An element with id or name `dataLayer`/`gtag` must not stop the gate: it gets a real one.
  const dataLayer = readPageGlobal('dataLayer', isArray, 'an array') ?? [];
  global.dataLayer = dataLayer;
  const gtag = (...args: unknown[]) => dataLayer.push(command(...args));
  if (!readPageGlobal('gtag', isFunction, 'a function')) global.gtag = gtag;
  const privacy = {
    ads_data_redaction: true,
    url_passthrough: false,
    allow_google_signals: false,
    allow_ad_personalization_signals: false,
    // 0 makes every GA cookie a session cookie: the privacy statement promises no other kind.
    cookie_expires: 0,
    cookie_flags: 'SameSite=Lax' + (location.protocol == 'https:' ? ';Secure' : ''),
  };
  const first = [
    command('consent', 'default', {
      ad_storage: DENIED,
      analytics_storage: DENIED,
      ad_user_data: DENIED,
      ad_personalization: DENIED,
    }),
    command('set', privacy),
  ];
  // A site's own gtag code may have run first (SDK loaded async): while gtag.js has not taken
  // over `dataLayer.push`, the defaults can still go before its commands.
  if (dataLayer.push == [].push) dataLayer.unshift(...first);
  else first.map((entry) => dataLayer.push(entry));

  let granted = false;
  let loaded = false;
  const follow = () => {
    if (granted == consent.isGranted(CATEGORY)) return;
    granted = !granted;
    gtag('consent', 'update', { analytics_storage: granted ? 'granted' : DENIED });
    if (!id) return;
    // Google honours ga-disable only when set before gtag.js runs; the denied update and the
    // guard are what stop an already loaded gtag.js.
    global[`ga-disable-${id}`] = !granted;
    if (granted && !loaded) {
      loaded = true;
      const load = (part: Pick<StatsPart, 'loadGtag'>) => {
        // Withdrawn while the part was on its way: nothing to load; the next grant loads.
        if (!granted) return void (loaded = false);
        part.loadGtag({ id, config, gtag, privacy });
      };
      const found = loader();
      if ('then' in found) found.then(load, () => void (loaded = false));
      else load(found);
    }
  };
  follow();
  ctx.onTeardown(consent.onChange(follow));

  const hosts = config.categories.find(({ key }) => key == CATEGORY)?.hosts ?? [];
  const rawTags = watchRawTags(hosts, scripted);
  return { rawTags: () => rawTags.slice() };
};
