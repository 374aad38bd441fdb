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
import { guarded } from '../lib/guarded';

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

  let record = readRecord();

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
  const persist = guarded('saving the consent cookie', (value: ConsentRecord) =>
    jar.set(CONSENT_COOKIE, JSON.stringify(value)),
  );

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
      jar.remove(CONSENT_COOKIE);
      notify();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
};
