import type { Choices, ConsentState } from '../consent/types';
import type { SdkEvents } from '../context/context';
import type { PartName, PartStatus } from '../context/parts';
import type { Lang } from '../config/options';
import type { CollectBody, ConsentReceiptBody } from '../protocol/types';

/** A cookie as the audit sees it. */
export interface AuditCookie {
  name: string;
  /** `session`, `persistent`, or `unknown` where the browser cannot tell (no `cookieStore`). */
  lifetime: 'session' | 'persistent' | 'unknown';
  /** Expiry the browser reports, ISO 8601, for persistent cookies. */
  expires: string | null;
  /** Category that declares it, or `null` for a cookie nobody declared. */
  category: string | null;
}

/** What `audit()` resolves to: the live page as a privacy officer needs to see it. */
export interface AuditReport {
  time: string;
  consent: ConsentState;
  cookies: AuditCookie[];
  /** Hosts the page contacted (resource timing). */
  contactedHosts: string[];
  /** Requests the guard stopped. */
  blocked: SdkEvents['blocked'][];
  /** Raw Google tags in the HTML: fetched by the browser before any script can stop them. */
  rawGoogleTags: string[];
  /** The SDK's parts on this page: loaded, loading, failed (each also warned), or not needed. */
  parts: Record<PartName, PartStatus>;
  /** Plain-language findings, worst first. Empty when all is well. */
  warnings: string[];
  /** What this browser could not check. */
  unchecked: string[];
}

/** What `exportData()` returns: everything the SDK holds or has sent in this tab's session. */
export interface ExportedData {
  v: 1;
  exportedAt: string;
  consent: ConsentState;
  pseudonym: string | null;
  /** Cookies the SDK wrote, with their values. */
  cookies: Record<string, string>;
  /** Every statistics body sent in this tab session (the transparency log). */
  beacons: CollectBody[];
  /** Consent receipts posted (or waiting to be posted) to the relay in this tab session. */
  receipts: (ConsentReceiptBody & { delivered: boolean })[];
}

/** The public API: `window.zorgvuldig` and the return value of `init()`. */
export interface ZorgvuldigApi {
  /** The package version. */
  readonly version: string;
  getConsent(): ConsentState;
  /** Merges `choices` onto the current ones. Unknown categories throw. */
  setConsent(choices: Choices): ConsentState;
  acceptAll(): ConsentState;
  rejectAll(): ConsentState;
  /** Withdraws every consent in this page: only `necessary` stays on. */
  withdraw(): ConsentState;
  /**
   * Opens the preferences dialog (no-op with `banner: false`). The dialog is in the UI part: on a
   * page that has not loaded it yet, it opens once the part arrives.
   */
  showPreferences(): void;
  /**
   * Everything the SDK holds or sent in this tab session. A promise since the rights part loads on
   * first use; it rejects, saying so, when that part cannot load.
   */
  exportData(): Promise<ExportedData>;
  /**
   * Deletes everything the SDK holds; the banner asks again; a new pseudonym starts. Resolves
   * to `true` once the relay confirmed its deletion (2xx) or had nothing to delete. Rejects,
   * having erased nothing, when the rights part cannot load.
   */
  forget(): Promise<boolean>;
  /**
   * Sends a custom statistics event (scrubbed); a no-op without statistics permission. Calls made
   * before the statistics part runs are kept and sent once it does.
   */
  track(name: string, props?: Record<string, unknown>): void;
  /** The self-audit. Resolves even when the rights part cannot load (then with what the core knows). */
  audit(): Promise<AuditReport>;
  /**
   * The cookie declaration as a table, for frameworks; `[data-zv-cookie-table]` does the same.
   * A promise since the rights part loads on first use.
   */
  renderCookieTable(lang?: Lang): Promise<HTMLTableElement>;
  /** Listens to `consent`, `beacon` or `blocked`. Returns an unsubscribe function. */
  on<K extends keyof SdkEvents>(event: K, listener: (payload: SdkEvents[K]) => void): () => void;
}
