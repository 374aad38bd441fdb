import type { ConsentMethod } from '../protocol/types';

export type { ConsentMethod };

/** Category key → granted. `necessary` is always `true`. */
export type Choices = Record<string, boolean>;

/** The consent record kept in the session cookie. */
export interface ConsentRecord {
  /** Format version of the record. */
  v: 1;
  /** Receipt id: 128 random bits, base64url. */
  id: string;
  /** Policy version the visitor answered. */
  policy: string;
  /** ISO 8601 time of the choice. */
  time: string;
  choices: Choices;
  method: ConsentMethod;
}

/** What `getConsent()` returns and the `consent` event carries. A fresh object each time. */
export interface ConsentState {
  /** `true` once the visitor (or the site through the API) has chosen for this policy version. */
  decided: boolean;
  /** Effective choices now: the record's, or the defaults before a decision. */
  choices: Choices;
  /** Receipt id of the record, when decided. */
  id: string | null;
  policyVersion: string;
  /** ISO time of the choice, when decided. */
  time: string | null;
  method: ConsentMethod | null;
  /**
   * Why statistics are off without the visitor switching them off: `gpc` (Global Privacy
   * Control) or `dnt` (Do Not Track). `null` when no browser signal objects.
   */
  objection: 'gpc' | 'dnt' | null;
}

/** The consent state machine every feature listens to. */
export interface ConsentController {
  get(): ConsentState;
  isGranted(category: string): boolean;
  /** Merges `choices` onto the current ones, stores a new record and notifies listeners. */
  set(choices: Choices, method: ConsentMethod): ConsentState;
  /** Forgets the record: defaults apply again and the banner asks again. */
  reset(): void;
  /**
   * Re-reads the record from the cookie as it is now (another tab, a restored page may have
   * changed it) and notifies listeners when the record changed. Cheap when nothing changed.
   */
  refresh(): void;
  /** Listens to every change (after `set`, `reset` and a `refresh` that found another record). Returns an unsubscribe function. */
  onChange(listener: (state: ConsentState) => void): () => void;
}
