import type { Config } from './config';
import type { Lang } from './options';
import { isWebUrl } from './isWebUrl';
import { resolveCategories } from './resolveCategories';
import { EXPLAINED, LANGS, MAX_STRING, describe, isRecord, type Refuse } from './validation';

/** A config value that was refused: the field path and why. */
export interface ConfigProblem {
  field: string;
  /** Empty in the script-tag core, which names the field only (`EXPLAINED`). */
  problem: string;
}

const REOPEN_POSITIONS = ['bottom-left', 'bottom-right', 'none'] as const;
const MEASUREMENT_ID = /^G-[A-Z0-9]{4,20}$/;
const KNOWN_OPTIONS = [
  'endpoint',
  'policyVersion',
  'lang',
  'statisticsDefault',
  'google',
  'categories',
  'queryAllowList',
  'banner',
  'privacyUrl',
  'reopenPosition',
  'nonce',
  'serviceWorker',
  'policyDate',
  'consentMaxAge',
  'pseudonymMaxAge',
];

const HOUR = 3_600_000;
/** A year: an age beyond that is a typo, not a choice. */
const MAX_HOURS = 8760;

const pageLang = (): Lang => {
  const lang = typeof document === 'undefined' ? '' : document.documentElement.lang;
  return /^en\b/i.test(lang) ? 'en' : 'nl';
};

/**
 * Turns whatever a site passed (script-tag attributes, JSON config or `init()` options) into a
 * complete Config. Never throws: a bad field is reported and its safe default used, so the banner
 * still works and rejecting still works.
 */
export const resolveConfig = (input: unknown): { config: Config; problems: ConfigProblem[] } => {
  const problems: ConfigProblem[] = [];
  const refuse: Refuse = (field, problem) => void problems.push({ field, problem: problem || '' });
  const options: Record<string, unknown> = isRecord(input) ? input : {};
  if (input != null && !isRecord(input))
    refuse('options', EXPLAINED && `expected an object, got ${describe(input)}`);

  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.includes(key)) refuse(key, EXPLAINED && 'unknown option');
  }

  const text = (field: string, value: unknown, pattern?: RegExp): string | null => {
    if (value === undefined || value === null) return null;
    if (typeof value === 'number' && field === 'policyVersion') value = String(value);
    if (typeof value !== 'string' || value === '')
      refuse(field, EXPLAINED && `expected a non-empty string, got ${describe(value)}`);
    else if (value.length > MAX_STRING)
      refuse(field, EXPLAINED && `longer than ${MAX_STRING} characters`);
    else if (pattern && !pattern.test(value))
      refuse(field, EXPLAINED && `${describe(value)} is not valid`);
    else return value;
    return null;
  };

  // Every URL option: anything but https:, http: or relative (javascript:, data:, …) is refused.
  const url = (field: string, value: unknown): string | null => {
    const candidate = text(field, value);
    if (candidate === null || isWebUrl(candidate)) return candidate;
    refuse(
      field,
      EXPLAINED && `expected an https:, http: or relative URL, got ${describe(candidate)}`,
    );
    return null;
  };

  const oneOf = <T extends string>(
    field: string,
    value: unknown,
    allowed: readonly T[],
  ): T | null => {
    if (value === undefined) return null;
    if (allowed.includes(value as T)) return value as T;
    refuse(
      field,
      EXPLAINED && `expected ${allowed.map((a) => `"${a}"`).join(' or ')}, got ${describe(value)}`,
    );
    return null;
  };

  const strings = (field: string, value: unknown): string[] | null => {
    if (value === undefined) return null;
    if (
      Array.isArray(value) &&
      value.length <= 100 &&
      value.every((v) => typeof v === 'string' && v && v.length <= 256)
    ) {
      return value as string[];
    }
    refuse(field, EXPLAINED && 'expected an array of up to 100 short strings');
    return null;
  };

  // Hours, as the README documents them; kept in milliseconds.
  const hours = (field: string, value: unknown, fallback: number): number => {
    if (value === undefined) return fallback * HOUR;
    if (typeof value === 'number' && value > 0 && value <= MAX_HOURS) return value * HOUR;
    refuse(
      field,
      EXPLAINED &&
        `expected a number of hours above 0 and up to ${MAX_HOURS}, got ${describe(value)}`,
    );
    return fallback * HOUR;
  };

  const date = (field: string, value: unknown): number | null => {
    const iso = text(field, value, /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/);
    if (iso === null) return null;
    const time = Date.parse(iso);
    if (!Number.isNaN(time)) return time;
    refuse(field, EXPLAINED && `${describe(value)} is not a date`);
    return null;
  };

  const google = isRecord(options.google) ? options.google : {};
  if (options.google !== undefined && !isRecord(options.google))
    refuse('google', EXPLAINED && `expected an object, got ${describe(options.google)}`);
  const banner = options.banner === undefined ? true : options.banner;
  if (typeof banner !== 'boolean')
    refuse('banner', EXPLAINED && `expected true or false, got ${describe(banner)}`);

  const config: Config = {
    endpoint: url('endpoint', options.endpoint)?.replace(/\/+$/, '') || null,
    policyVersion: text('policyVersion', options.policyVersion) ?? '1',
    lang: oneOf('lang', options.lang, LANGS) ?? pageLang(),
    statisticsDefault:
      oneOf('statisticsDefault', options.statisticsDefault, ['on', 'off'] as const) ?? 'on',
    google: {
      measurementId: text('google.measurementId', google.measurementId, MEASUREMENT_ID),
      transportUrl: url('google.transportUrl', google.transportUrl),
    },
    categories: resolveCategories(options.categories, refuse),
    queryAllowList: strings('queryAllowList', options.queryAllowList) ?? ['utm_*'],
    banner: banner !== false,
    privacyUrl: url('privacyUrl', options.privacyUrl),
    reopenPosition:
      oneOf('reopenPosition', options.reopenPosition, REOPEN_POSITIONS) ?? 'bottom-left',
    nonce: text('nonce', options.nonce),
    serviceWorker: url('serviceWorker', options.serviceWorker),
    policyDate: date('policyDate', options.policyDate),
    consentMaxAge: hours('consentMaxAge', options.consentMaxAge, 24),
    pseudonymMaxAge: hours('pseudonymMaxAge', options.pseudonymMaxAge, 24),
  };
  return { config, problems };
};
