import type { Config } from '../config/config';
import { CONSENT_COOKIE } from '../config/defaultCategories';
import type { SessionJar } from '../cookies/createSessionJar';
import { readCookies } from '../cookies/readCookies';
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

/**
 * The consent state machine. The record lives in a session cookie; where cookies are blocked it
 * lives in memory for this page, so the visitor's choice is still honoured until they leave.
 */
/* @__NO_SIDE_EFFECTS__ */
export const createConsent = (config: Config, jar: SessionJar): ConsentController => {
  const keys = config.categories.map((category) => category.key);
  const objection = readObjection();
  const listeners = new Set<(state: ConsentState) => void>();

  const readRecord = (): ConsentRecord | null => {
    // Duplicates (host and parent domain): the newest valid record for this policy wins.
    const records = readCookies()
      .map(([name, value]) => (name === CONSENT_COOKIE ? parseConsentRecord(value, keys) : null))
      .filter(
        (record): record is ConsentRecord => !!record && record.policy === config.policyVersion,
      )
      .sort((a, b) => Date.parse(b.time) - Date.parse(a.time));
    return records[0] ?? null;
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
  // Our own writes go through the guard's cookie hook, which refreshes: not while we write.
  let writing = false;

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

  const notify = () => {
    const state = get();
    listeners.forEach((listener) => listener(state));
  };

  const same = (a: ConsentRecord | null, b: ConsentRecord | null) =>
    JSON.stringify(a) === JSON.stringify(b);

  const refresh = () => {
    if (writing || inMemory) return;
    const header = readHeader();
    if (header === seen) return;
    seen = header;
    const next = readRecord();
    if (same(next, record)) return;
    record = next;
    notify();
  };

  const store = (write: () => boolean) => {
    writing = true;
    try {
      inMemory = !write();
    } finally {
      writing = false;
    }
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
      const value = JSON.stringify(record);
      store(() => jar.set(CONSENT_COOKIE, value));
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
