import type { CookieDeclaration, Lang, ReopenPosition, Translated } from './options';

/** A category after defaults and site options are merged. */
export interface CategoryDefinition {
  key: string;
  /** Absent on a built-in category the site did not retitle: see `categoryTexts.ts`. */
  label?: Translated;
  description?: Translated;
  cookies: CookieDeclaration[];
  hosts: string[];
  /** `necessary` only: cannot be switched off. */
  required: boolean;
}

/** The validated, complete configuration every module reads. Never mutated after `init()`. */
export interface Config {
  endpoint: string | null;
  policyVersion: string;
  lang: Lang;
  statisticsDefault: 'on' | 'off';
  google: { measurementId: string | null; transportUrl: string | null };
  /** Built-in categories first (`necessary`, `statistics`, `googleAnalytics`), then the site's. */
  categories: CategoryDefinition[];
  queryAllowList: string[];
  banner: boolean;
  privacyUrl: string | null;
  reopenPosition: ReopenPosition;
  nonce: string | null;
  serviceWorker: string | null;
  /** Epoch ms of the privacy statement's date: an older consent record asks again. */
  policyDate: number | null;
  /** Milliseconds a consent record is honoured after it was made. */
  consentMaxAge: number;
  /** Milliseconds before the pseudonym is replaced by a new one. */
  pseudonymMaxAge: number;
}
