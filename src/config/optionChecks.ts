import { isWebUrl } from './isWebUrl';
import { EXPLAINED, MAX_STRING, describe } from './validation';

/** Records why a value was refused (false where the build carries no reasons: `EXPLAINED`). */
export type Refusal = (problem: string | false) => undefined;

/**
 * One kind of option: the value to keep, or `undefined` for the option's default. A refused value
 * is reported through `no` first; an absent one (`undefined`, never passed here) is not.
 */
export type Check = (value: unknown, no: Refusal) => unknown;

const HOUR = 3_600_000;
/** A year: an age beyond that is a typo, not a choice. */
const MAX_HOURS = 8760;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;

/** A non-empty string of at most `MAX_STRING` characters, matching `pattern`; `null` is absent. */
export const text =
  (pattern?: RegExp): Check =>
  (value, no) =>
    value === null
      ? undefined
      : typeof value !== 'string' || value === ''
        ? no(EXPLAINED && `expected a non-empty string, got ${describe(value)}`)
        : value.length > MAX_STRING
          ? no(EXPLAINED && `longer than ${MAX_STRING} characters`)
          : pattern && !pattern.test(value)
            ? no(EXPLAINED && `${describe(value)} is not valid`)
            : value;

/** Every URL option: anything but https:, http: or relative (javascript:, data:, …) is refused. */
export const url: Check = (value, no) => {
  const candidate = text()(value, no) as string | undefined;
  return candidate === undefined || isWebUrl(candidate)
    ? candidate
    : no(EXPLAINED && `expected an https:, http: or relative URL, got ${describe(candidate)}`);
};

export const oneOf =
  (allowed: readonly string[]): Check =>
  (value, no) =>
    allowed.includes(value as string)
      ? value
      : no(
          EXPLAINED &&
            `expected ${allowed.map((a) => `"${a}"`).join(' or ')}, got ${describe(value)}`,
        );

export const strings: Check = (value, no) =>
  Array.isArray(value) &&
  value.length <= 100 &&
  value.every((v) => typeof v === 'string' && v && v.length <= 256)
    ? value
    : no(EXPLAINED && 'expected an array of up to 100 short strings');

/** Hours, as the README documents them; kept in milliseconds. */
export const hours: Check = (value, no) =>
  typeof value === 'number' && value > 0 && value <= MAX_HOURS
    ? value * HOUR
    : no(
        EXPLAINED &&
          `expected a number of hours above 0 and up to ${MAX_HOURS}, got ${describe(value)}`,
      );
export const hoursInMs = (count: number): number => count * HOUR;

/** An ISO date (with an optional time), kept as epoch milliseconds. */
export const date: Check = (value, no) => {
  const iso = text(ISO_DATE)(value, no) as string | undefined;
  if (iso === undefined) return undefined;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? no(EXPLAINED && `${describe(value)} is not a date`) : time;
};
