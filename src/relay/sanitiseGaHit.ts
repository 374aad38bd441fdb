import { reduceUserAgent } from '../privacy/reduceUserAgent';
import { scrubReferrer, scrubUrl } from '../privacy/scrubUrl';
import { scrubText } from '../privacy/scrubText';
import { renderUserAgent } from './renderUserAgent';
import { sha256Hex } from './sha256Hex';
import type { GaHit } from './types';

/**
 * GA4 parameters that survive the proxy. Everything else is dropped: user ids (`uid`), user
 * properties (`up.*`), screen resolution (`sr`) and the high-entropy client hints
 * (`uafvl`, `uam`, `uapv`, `uaw`, `uab`, `uaa`) that help fingerprinting, and the IP (`uip`).
 * Protocol: gtag.js `/g/collect` requests (v=2), e.g. https://www.thyngster.com/app-web-google-analytics-measurement-protocol-version-2
 */
const ALLOWED = new Set([
  'v',
  'tid',
  'gtm',
  '_p',
  'gcs',
  'gcd',
  'npa',
  'dma',
  'dma_cps',
  'pscdl',
  'cid',
  'ul',
  '_s',
  'sid',
  'sct',
  'seg',
  'dl',
  'dr',
  'dt',
  'en',
  '_et',
  '_ee',
  '_ss',
  '_fv',
  '_nsi',
  '_c',
  'tfd',
  'are',
  'frm',
  'uamb',
  'uap',
  '_eu',
  'tag_exp',
  'richsstsse',
]);
/** Event parameters: text ones are scrubbed, numeric ones kept. */
const EVENT_TEXT = 'ep.';
const EVENT_NUMBER = 'epn.';
/** Parameters per hit at most (a real hit has about 30). */
const MAX_PARAMS = 100;

/**
 * Consent Mode's `gcs` is `G1` followed by ad_storage and analytics_storage, each `1` (granted),
 * `0` (denied) or `-` (not set): `G111` and `G101` carry analytics consent, `G100`/`G110` do not.
 */
export const hasAnalyticsConsent = (gcs: string | null): boolean => !!gcs && /^G1[01-]1$/.test(gcs);

/** The daily-salted pseudonym that replaces GA's client id. Keeps GA's `number.number` shape. */
const hashClientId = async (cid: string, salt: string): Promise<string> => {
  const hex = await sha256Hex(`${salt}:${cid}`);
  return `${parseInt(hex.slice(0, 8), 16)}.${parseInt(hex.slice(8, 16), 16)}`;
};

const cleanParams = async (
  input: URLSearchParams,
  salt: string,
  extra: ReadonlySet<string>,
  siteOrigin: string | null,
): Promise<URLSearchParams> => {
  const out = new URLSearchParams();
  let count = 0;
  for (const [key, value] of input) {
    if (++count > MAX_PARAMS) break;
    if (key === 'dl') {
      const dl = scrubUrl(value, {});
      if (dl) out.set(key, dl);
    } else if (key === 'dr') {
      // External: the origin only. In-site: GA wants a URL, so the scrubbed path on the site.
      const dr = siteOrigin ? scrubReferrer(value, siteOrigin) : null;
      if (dr) out.set(key, dr.startsWith('/') ? `${siteOrigin}${dr}` : dr);
    } else if (key === 'cid') {
      out.set(key, await hashClientId(value, salt));
    } else if (key === 'dt' || key.startsWith(EVENT_TEXT)) {
      out.set(key, scrubText(value));
    } else if (key.startsWith(EVENT_NUMBER)) {
      if (Number.isFinite(Number(value))) out.set(key, value);
    } else if (ALLOWED.has(key) || extra.has(key)) {
      out.set(key, scrubText(value));
    }
  }
  return out;
};

const originOf = (url: string | null): string | null => {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
};

/**
 * A GA4 hit made fit to leave the EEA, following the CNIL's criteria for analytics proxies:
 * no IP (the truncated one replaces it as `_uip`), client id replaced by a salted hash that
 * changes daily, external referrer cut to its origin, URLs and texts scrubbed, fingerprinting
 * data reduced. `lines` are the per-event lines of a batched POST body.
 */
export const sanitiseGaHit = async (
  query: URLSearchParams,
  lines: string[],
  rawUserAgent: string,
  ip: string | null,
  salt: string,
  extra: ReadonlySet<string> = new Set(),
): Promise<GaHit> => {
  const siteOrigin =
    originOf(query.get('dl')) ?? originOf(new URLSearchParams(lines[0] ?? '').get('dl'));
  const cleanQuery = await cleanParams(query, salt, extra, siteOrigin);
  if (ip) cleanQuery.set('_uip', ip);
  const cleanLines: string[] = [];
  for (const line of lines) {
    const cleaned = await cleanParams(new URLSearchParams(line), salt, extra, siteOrigin);
    if ([...cleaned.keys()].length) cleanLines.push(cleaned.toString());
  }
  return {
    query: cleanQuery,
    lines: cleanLines,
    userAgent: renderUserAgent(reduceUserAgent(rawUserAgent)),
    ip,
  };
};
