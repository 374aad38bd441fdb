import type { Config } from '../config/config';
import { trustedScriptUrl } from '../lib/trustedScriptUrl';
import { scrubReferrer, scrubUrl } from '../privacy/scrubUrl';

const GTAG_JS = 'https://www.googletagmanager.com/gtag/js?id=';

/** What loading gtag.js needs of the Google gate in the core. */
export interface GtagLoad {
  /** The measurement id. */
  id: string;
  config: Config;
  /** The gate's `gtag`, which pushes `arguments` objects into `dataLayer`. */
  gtag: (...args: unknown[]) => void;
  /** The privacy settings the gate already `set`, repeated in `config`. */
  privacy: Record<string, unknown>;
}

/**
 * Loads gtag.js once `googleAnalytics` is granted, with the privacy settings and a scrubbed
 * `page_location` and `page_referrer`. It comes with the statistics part, beside the scrubber it
 * needs: the core, which blocks the page, carries only the gate (`startGoogle`), which calls
 * this only with consent.
 */
export const loadGtag = ({ id, config, gtag, privacy }: GtagLoad): void => {
  const { href, origin } = location;
  gtag('js', new Date());
  gtag('config', id, {
    ...privacy,
    page_location: scrubUrl(href, { allowParams: config.queryAllowList }) ?? origin + '/',
    page_referrer: scrubReferrer(document.referrer, origin) ?? '',
    ...(config.google.transportUrl && { transport_url: config.google.transportUrl }),
  });
  const script = document.createElement('script');
  script.async = true;
  script.src = trustedScriptUrl(GTAG_JS + encodeURIComponent(id)) as string;
  (document.head || document.documentElement).append(script);
};
