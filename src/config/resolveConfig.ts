import type { Config } from './config';
import type { Lang } from './options';
import { date, hours, hoursInMs, oneOf, strings, text, url, type Check } from './optionChecks';
import { defaultCategories } from './defaultCategories';
import { resolveCategories } from './resolveCategories';
import { isRecord } from '../lib/isRecord';
import { EXPLAINED, LANGS, describe, type Refuse } from './validation';

/** A config value that was refused: the field path and why. */
export interface ConfigProblem {
  field: string;
  /** Empty in the script-tag core, which names the field only (`EXPLAINED`). */
  problem: string;
}

const REOPEN_POSITIONS = ['bottom-left', 'bottom-right', 'none'] as const;
const MEASUREMENT_ID = /^G-[A-Z0-9]{4,20}$/;

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

  // Every option: its field (`google.<name>` is a field of the `google` object), its check and
  // its default, in the order of `Config`. One table, so each option is named once.
  const fields: [field: string, check: Check, fallback: unknown][] = [
    [
      'endpoint',
      (value, no) => (url(value, no) as string | undefined)?.replace(/\/+$/, '') || undefined,
      null,
    ],
    [
      'policyVersion',
      (value, no) => text()(typeof value === 'number' ? String(value) : value, no),
      '1',
    ],
    ['lang', oneOf(LANGS), pageLang()],
    ['statisticsDefault', oneOf(['on', 'off']), 'on'],
    ['google.measurementId', text(MEASUREMENT_ID), null],
    ['google.transportUrl', url, null],
    ['categories', (value) => resolveCategories(value, refuse), defaultCategories()],
    ['queryAllowList', strings, ['utm_*']],
    // Refused (above) unless a boolean; anything but `false` keeps the banner.
    ['banner', (value) => value !== false, true],
    ['privacyUrl', url, null],
    ['reopenPosition', oneOf(REOPEN_POSITIONS), 'bottom-left'],
    ['nonce', text(), null],
    ['serviceWorker', url, null],
    ['policyDate', date, null],
    ['consentMaxAge', hours, hoursInMs(24)],
    ['pseudonymMaxAge', hours, hoursInMs(24)],
  ];

  const known = fields.map(([field]) => field.split('.')[0]);
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) refuse(key, EXPLAINED && 'unknown option');
  }
  const google = isRecord(options.google) ? options.google : {};
  if (options.google !== undefined && !isRecord(options.google))
    refuse('google', EXPLAINED && `expected an object, got ${describe(options.google)}`);
  if (options.banner !== undefined && typeof options.banner !== 'boolean')
    refuse('banner', EXPLAINED && `expected true or false, got ${describe(options.banner)}`);

  const config: Record<string, unknown> = {};
  for (const [field, check, fallback] of fields) {
    const [key, inner] = field.split('.') as [string, string?];
    const value = inner ? google[inner] : options[key];
    const kept =
      value === undefined ? undefined : check(value, (problem) => void refuse(field, problem));
    if (inner) ((config[key] ||= {}) as Record<string, unknown>)[inner] = kept ?? fallback;
    else config[key] = kept ?? fallback;
  }
  return { config: config as unknown as Config, problems };
};
