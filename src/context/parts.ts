import type { AuditReport, ExportedData } from '../api/types';
import type { Config } from '../config/config';
import type { Lang } from '../config/options';
import type { ConsentController, ConsentState } from '../consent/types';
import type { SessionJar } from '../cookies/createSessionJar';
import type { GtagLoad } from '../google/loadGtag';
import type { NavigationFeed } from '../lib/createNavigationFeed';
import type { ReceiptLog } from '../rights/startReceipts';
import type { BlockedRequest, Context, Stats } from './context';

/**
 * The parts the core loads when they are needed. Each is one file next to the core in the
 * script-tag build (`zorgvuldig.<name>.js`), one dynamic `import()` in the npm build, and inlined
 * in the one-file build.
 */
export type PartName = 'shell' | 'ui' | 'stats' | 'rights' | 'receipts';

/** Where a part stands on this page, as `audit()` reports it. */
export type PartStatus = 'not-needed' | 'loading' | 'loaded' | 'failed';

/** What the core draws itself: the shadow root and the reopen control the UI part fills. */
export interface Shell {
  root: ShadowRoot;
  reopen: HTMLButtonElement;
  /** Runs `fn` once the shadow host is in the document (now, or when the body exists). */
  whenMounted(fn: () => void): void;
  /** Shows or hides the reopen control for the current consent. */
  render(): void;
  /** Set by the UI part: whether its dialog is open (the reopen control hides meanwhile). */
  dialogOpen(): boolean;
}

/** The visitor's rights, offered in the dialog. */
export interface RightsActions {
  download(): void;
  erase(): Promise<unknown>;
}

export interface Ui {
  openPreferences(): void;
}

/** The shell: fetched at once on a first visit (the banner fills it), after the paint otherwise. */
export interface ShellPart {
  createShell(ctx: Context, open: () => void): Shell;
}

export interface UiPart {
  mountUi(ctx: Context, shell: Shell, rights: RightsActions): Ui;
}

export interface StatsPart {
  startStats(ctx: Context, navigation: NavigationFeed): Stats;
  /** Loads gtag.js with a scrubbed `page_location` and `page_referrer`: the Google gate, with consent. */
  loadGtag(load: GtagLoad): void;
}

/** A consent receipt as kept in the tab. */
export type KeptReceipt = ExportedData['receipts'][number];

/** What the rights part needs of the core. */
export interface RightsSources {
  config: Config;
  consent: ConsentController;
  jar: SessionJar;
  /** The statistics part once it runs, else null (then the stored log stands in for it). */
  stats: Stats | null;
  receipts: { all(): KeptReceipt[]; clear(): void };
  sweep: () => unknown;
}

/** What `audit()` needs of the core. */
export interface AuditSources {
  config: Config;
  consent: ConsentState;
  blocked: BlockedRequest[];
  contactedHosts: string[];
  rawGoogleTags: string[];
  parts: Record<PartName, PartStatus>;
}

export interface RightsPart {
  exportData(sources: RightsSources): ExportedData;
  forgetEverything(sources: RightsSources): Promise<boolean>;
  downloadJson(data: unknown, filename: string): void;
  renderCookieTable(config: Config, lang?: Lang): HTMLTableElement;
  mountCookieTables(config: Config): void;
  runAudit(sources: AuditSources): Promise<AuditReport>;
}

/** Consent receipts: fetched after the paint where there is a relay, else on the first choice. */
export interface ReceiptsPart {
  startReceipts(
    ctx: Context,
    pseudonym: () => string | null | Promise<string | null>,
    earlier: ConsentState[],
  ): ReceiptLog;
}

export interface PartModules {
  shell: ShellPart;
  receipts: ReceiptsPart;
  ui: UiPart;
  stats: StatsPart;
  rights: RightsPart;
}

/** Fetches one part; rejects when it cannot be had (404, integrity, CSP, an extension). */
export type PartLoader = <K extends PartName>(name: K) => Promise<PartModules[K]>;
