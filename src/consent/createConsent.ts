import type { Config } from '../config/config';
import { CONSENT_COOKIE } from '../config/defaultCategories';
import type { SessionJar } from '../cookies/createSessionJar';
import { readCookies } from '../cookies/readCookies';
import { sweepCookies } from '../cookies/sweepCookies';
import { randomId } from '../lib/randomId';
import { parseConsentRecord } from './parseConsentRecord';
import { readObjection } from './readObjection';
import type {
  Choices,
  ConsentController,
  ConsentMethod,
  ConsentRecord,
  ConsentState,
} from './types';
import { guarded } from '../lib/guarded';

/** How far ahead of this clock a record may be dated and still count as written now. */
const CLOCK_SKEW = 5 * 60_000;

/**
 * The consent state machine. The record lives in a session cookie; where cookies are blocked it
 * lives in memory for this page, so the visitor's choice is still honoured until they leave.
 */
/* @__NO_SIDE_EFFECTS__ */
export const createConsent = (config: Config, jar: SessionJar): ConsentController => {
  const keys = config.categories.map((category) => category.key);
  const objection = readObjection();
  const listeners = new Set<(state: ConsentState) => void>();

  // A record dated ahead of this clock by more than a plausible skew was not written here.
  const usable = (record: ConsentRecord, now = Date.now()) => {
    const time = Date.parse(record.time);
    return (
      record.policy === config.policyVersion &&
      time <= now + CLOCK_SKEW &&
      time >= (config.policyDate ?? -Infinity) &&
      now - time <= config.consentMaxAge
    );
  };

  // Our own writes go through the guard's cookie hook, which refreshes: not while we write.
  let writing = false;
  const quietly = <T>(write: () => T): T => {
    writing = true;
    try {
      return write();
    } finally {
      writing = false;
    }
  };

  /**
   * Every `zv_consent` the page sees (host and parent domains, several paths). Copies that
   * disagree give the most restrictive choice per category, with the newest copy's receipt;
   * then only that one copy is kept, host-only, and every other (forged, expired, from another
   * policy, on another domain or path) is deleted, so none can return after a reload.
   */
  const readRecord = (): ConsentRecord | null => {
    const values = readCookies()
      .filter(([name]) => name === CONSENT_COOKIE)
      .map(([, value]) => value);
    const records = values
      .map((value) => parseConsentRecord(value, keys))
      .filter((record): record is ConsentRecord => !!record && usable(record))
      .sort((a, b) => Date.parse(b.time) - Date.parse(a.time));
    let canonical: ConsentRecord | null = null;
    if (records[0]) {
      const choices: Choices = {};
      for (const key of keys) choices[key] = records.every((record) => record.choices[key]);
      canonical = { ...records[0], choices };
    }
    const value = canonical && JSON.stringify(canonical);
    if (values.length > 1 || (values.length === 1 && values[0] !== value)) {
      quietly(() => {
        sweepCookies([CONSENT_COOKIE]);
        if (value) jar.set(CONSENT_COOKIE, value);
      });
    }
    return canonical;
  };

  const readHeader = (): string | null => {
    try {
      return document.cookie;
    } catch {
      return null;
    }
  };

  let record = readRecord();
  // The header last parsed: `refresh()` is called before every guarded request, so it re-parses
  // only when the cookies changed (another tab, a back/forward-cached page coming back).
  let seen = readHeader();
  // Where the browser refused the cookie, the record lives in memory only: the header then never
  // holds it, and re-reading must not forget the visitor's choice.
  let inMemory = false;
  const defaults = (): Choices => {
    const choices: Choices = {};
    for (const key of keys) choices[key] = key === 'necessary';
    // First-party, pseudonymised statistics may run before a choice unless the visitor objects.
    choices.statistics = config.statisticsDefault === 'on' && !objection;
    return choices;
  };

  const get = (): ConsentState => ({
    decided: !!record,
    choices: { ...(record ? record.choices : defaults()) },
    id: record?.id ?? null,
    policyVersion: config.policyVersion,
    time: record?.time ?? null,
    method: record?.method ?? null,
    objection,
  });

  // Every feature listens here: one that fails (a broken built-in) must not stop the others, nor
  // throw into the click that gave consent.
  const notify = () => {
    const state = get();
    listeners.forEach((listener) => guarded('a consent listener', listener)(state));
  };
  const persist = guarded('saving the consent cookie', (value: ConsentRecord) => {
    // Memory holds the choice until the write succeeds: were it to fail (a page that broke
    // `JSON.stringify`), an older cookie must not win at the next refresh.
    inMemory = true;
    store(() => jar.set(CONSENT_COOKIE, JSON.stringify(value)));
  });

  // Field by field, not through JSON: the guard calls this on pages that may have broken it.
  const same = (a: ConsentRecord | null, b: ConsentRecord | null) =>
    a === b ||
    (!!a &&
      !!b &&
      a.id === b.id &&
      a.time === b.time &&
      a.policy === b.policy &&
      a.method === b.method &&
      keys.every((key) => a.choices[key] === b.choices[key]));

  const refresh = () => {
    if (writing || inMemory) return;
    const header = readHeader();
    // Unchanged cookies still need a look once the record is past its age.
    if (header === seen && (!record || usable(record))) return;
    const next = readRecord();
    seen = readHeader();
    if (same(next, record)) return;
    record = next;
    notify();
  };

  const store = (write: () => boolean) => {
    inMemory = !quietly(write);
    seen = readHeader();
  };

  return {
    get,
    isGranted: (category) => get().choices[category] === true,
    set(choices, method: ConsentMethod) {
      for (const key of Object.keys(choices)) {
        if (!keys.includes(key)) {
          throw new Error(
            `zorgvuldig setConsent(): unknown category "${key}" (known: ${keys.join(', ')})`,
          );
        }
        if (typeof choices[key] !== 'boolean') {
          throw new Error(`zorgvuldig setConsent(): "${key}" must be true or false`);
        }
      }
      const merged: Choices = { ...get().choices, ...choices, necessary: true };
      // GPC/DNT stand until the visitor switches statistics on themselves: "accept all" alone
      // does not override an objection their browser sends on every request.
      if (objection && method === 'accept-all') merged.statistics = get().choices.statistics;
      record = {
        v: 1,
        id: randomId(),
        policy: config.policyVersion,
        time: new Date().toISOString(),
        choices: merged,
        method,
      };
      persist(record);
      notify();
      return get();
    },
    reset() {
      record = null;
      store(() => {
        jar.remove(CONSENT_COOKIE);
        return true;
      });
      notify();
    },
    refresh,
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
};
