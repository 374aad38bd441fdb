import { scrubText } from './scrubText';

/** Event properties as sent: flat, JSON-serialisable, scrubbed. */
export type ScrubbedProps = Record<string, string | number | boolean | null>;

/** At most this many properties are kept; the rest are dropped in key order. */
const MAX_PROPS = 30;
/** Longest key kept, in characters (longer keys are cut). */
const MAX_KEY = 64;
/** Longest string value kept, in characters, after scrubbing. */
const MAX_VALUE = 500;
/** Text scrubbed per value: enough beyond MAX_VALUE for a finding that straddles the cut. */
const SCAN_VALUE = 2000;
/** Text scrubbed per key, for the same reason. */
const SCAN_KEY = 256;
/** Keys that would reach `Object.prototype` in naive copies downstream. */
const UNSAFE_KEY = /^(__proto__|constructor|prototype)$/;

/**
 * Makes `track()` properties safe to send: an object's own enumerable properties, flat — nested
 * objects and arrays are dropped rather than stringified, since serialised structures are where
 * personal data hides best — with strings scrubbed (`scrubText`) and cut to 500 characters, keys
 * scrubbed and cut to 64, finite numbers, booleans and null kept, everything else (undefined,
 * NaN, functions, symbols, bigints) dropped, at most 30 properties. `__proto__`, `constructor`
 * and `prototype` keys are ignored. Never throws: a throwing getter ends the copy there.
 */
export const scrubProps = (props: unknown): ScrubbedProps => {
  const out: ScrubbedProps = {};
  if (!props || typeof props !== 'object' || Array.isArray(props)) return out;
  try {
    let count = 0;
    for (const rawKey of Object.keys(props)) {
      if (count >= MAX_PROPS) break;
      const key = scrubText(rawKey.slice(0, SCAN_KEY)).slice(0, MAX_KEY);
      const value: unknown = (props as Record<string, unknown>)[rawKey];
      if (!key || UNSAFE_KEY.test(key) || {}.hasOwnProperty.call(out, key)) continue;
      let clean: ScrubbedProps[string] | undefined;
      if (typeof value === 'string')
        clean = scrubText(value.slice(0, SCAN_VALUE)).slice(0, MAX_VALUE);
      // -0 becomes 0: JSON cannot carry the sign, so the beacon and `exportData()` agree.
      else if (typeof value === 'number') clean = Number.isFinite(value) ? value || 0 : undefined;
      else if (typeof value === 'boolean' || value === null) clean = value;
      if (clean === undefined) continue;
      out[key] = clean;
      count++;
    }
  } catch {
    // A getter or proxy trap threw: keep what was copied so far.
  }
  return out;
};
