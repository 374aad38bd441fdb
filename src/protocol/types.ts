/**
 * The wire format between the browser SDK and the relay. Types only: both sides import it, and
 * nothing here runs. Every body is JSON sent as `text/plain` (a CORS "simple request", so no
 * preflight), and carries `v: 1` so the relay can refuse what it does not understand.
 */

/** The reduced user agent: never the raw string. */
export interface ReducedUserAgent {
  /** Browser family, e.g. `Chrome`, `Firefox`, `Safari`, `Edge`, `Samsung Internet`, `other`. */
  browser: string;
  /** Major version, or `null` when unknown. */
  version: number | null;
  /** OS family, e.g. `Windows`, `macOS`, `Android`, `iOS`, `Linux`, `ChromeOS`, `other`. */
  os: string;
  /** Device class. */
  device: 'desktop' | 'mobile' | 'tablet' | 'bot' | 'unknown';
}

/** Runtime of the page view, in milliseconds (CLS is unitless). Absent values were not measured. */
export interface HitTiming {
  ttfb?: number;
  fcp?: number;
  lcp?: number;
  cls?: number;
  inp?: number;
  /** `loadEventEnd` of the navigation, relative to its start. */
  load?: number;
}

/** One thing that happened on the page. */
export interface Hit {
  /** `pageview` on load / SPA navigation / bfcache restore; `event` from `track()`; `vitals` on hide. */
  type: 'pageview' | 'event' | 'vitals';
  /** ISO 8601 time in the browser when the hit happened. */
  time: string;
  /** The page URL, scrubbed: allow-listed query parameters only, no fragment, PII redacted. */
  url: string;
  /** Previous in-site path (click paths), scrubbed. Absent on the first page of a visit. */
  prev?: string;
  /** Origin of an external referrer, never its path. */
  ref?: string;
  /** Reduced user agent. */
  ua?: ReducedUserAgent;
  /** `document.documentElement.lang` or the browser language, primary subtag only (`nl`). */
  lang?: string;
  /** HTTP status of the navigation (`PerformanceNavigationTiming.responseStatus`), when known. */
  status?: number;
  /** Bytes of the navigation: `transfer` over the wire, `body` encoded body size. */
  bytes?: { transfer?: number; body?: number };
  /** Runtime figures (pageview: ttfb/load; vitals: fcp, lcp, cls, inp). */
  timing?: HitTiming;
  /** Event name, for `type: 'event'`. */
  name?: string;
  /** Event properties, scrubbed. Flat: string, number, boolean or null values only. */
  props?: Record<string, string | number | boolean | null>;
}

/** Body of `POST {endpoint}/collect`. */
export interface CollectBody {
  v: 1;
  /** The session pseudonym: 128 random bits, base64url (22 characters). */
  sid: string;
  /**
   * This body's id, random per body (16–64 base64url characters), so the relay stores a body
   * that arrives twice (a `sendBeacon` and a `fetch` of the same text) once. Optional: older
   * clients send none.
   */
  bid?: string;
  /** Hits dropped by the browser's bounded queue since the last delivered batch. */
  dropped?: number;
  /** One or more hits, oldest first. */
  hits: Hit[];
}

/** How a consent choice was made. */
export type ConsentMethod = 'accept-all' | 'reject-all' | 'custom' | 'api' | 'withdraw';

/** Body of `POST {endpoint}/consent`: proof of consent (GDPR art. 7(1)). */
export interface ConsentReceiptBody {
  v: 1;
  /** Receipt id: 128 random bits, base64url. */
  id: string;
  /** Policy version the visitor saw. */
  policy: string;
  /** ISO 8601 time of the choice. */
  time: string;
  /** Category key → granted. `necessary` is always `true`. */
  choices: Record<string, boolean>;
  method: ConsentMethod;
  /**
   * The browser's objection signal in force when the choice was made (Global Privacy Control or
   * Do Not Track), so the statistics can count choices made under an objection. Absent: none.
   */
  objection?: 'gpc' | 'dnt';
  /** Session pseudonym, when statistics are allowed, so `/forget` can find the receipt. */
  sid?: string;
}

/** Body of `POST {endpoint}/forget`. */
export interface ForgetBody {
  v: 1;
  /** Pseudonym whose records are to be deleted. */
  sid?: string;
  /** Receipt ids to delete. */
  receipts?: string[];
}
