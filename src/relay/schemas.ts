/**
 * valibot schemas of the wire format (src/protocol/types.ts). Limits are generous for real
 * beacons and tight enough that a hostile body cannot make the relay store much: every string
 * has a maximum, every array and record a maximum count. Unknown keys are dropped by `object()`.
 */
import * as v from 'valibot';

/** 128 random bits in base64url are 22 characters; allow some room for other generators. */
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;
/** ISO 8601 date-time as `Date#toISOString()` writes it (offsets accepted). */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
/** Browser / OS family names: words, digits, spaces, dots and dashes. */
const FAMILY = /^[A-Za-z0-9 ._-]{1,40}$/;
/** Hits per beacon. The browser batches a handful; more is not a browser. */
const MAX_HITS = 100;
/** Longest URL accepted (browsers send much less after scrubbing). */
const MAX_URL = 4096;
/** Largest figure in milliseconds or bytes accepted (about 115 days; 10 GB). */
const MAX_FIGURE = 1e10;

const token = (what: string) =>
  v.pipe(v.string(), v.regex(TOKEN, `${what} must be 16–64 base64url characters`));
const isoTime = v.pipe(v.string(), v.maxLength(40), v.regex(ISO_TIME, 'must be an ISO 8601 time'));
const figure = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(MAX_FIGURE));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

const userAgent = v.object({
  browser: v.pipe(v.string(), v.regex(FAMILY, 'must be a browser family name')),
  version: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(9999))),
  os: v.pipe(v.string(), v.regex(FAMILY, 'must be an OS family name')),
  device: v.picklist(['desktop', 'mobile', 'tablet', 'bot', 'unknown']),
});

// The same limits as the browser's scrubProps (64-character keys, 500-character values, 30
// properties, with a little room): a body the SDK built must never be refused for its props.
const props = v.pipe(
  v.record(
    v.pipe(v.string(), v.maxLength(64)),
    v.union([text(500), v.pipe(v.number(), v.finite()), v.boolean(), v.null()]),
  ),
  v.maxEntries(32),
);

export const hitSchema = v.object({
  type: v.picklist(['pageview', 'event', 'vitals']),
  time: isoTime,
  url: text(MAX_URL),
  prev: v.optional(text(MAX_URL)),
  ref: v.optional(text(MAX_URL)),
  ua: v.optional(userAgent),
  lang: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z]{2,8}$/, 'must be a language subtag'))),
  status: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(999))),
  bytes: v.optional(v.object({ transfer: v.optional(figure), body: v.optional(figure) })),
  timing: v.optional(
    v.object({
      ttfb: v.optional(figure),
      fcp: v.optional(figure),
      lcp: v.optional(figure),
      cls: v.optional(figure),
      inp: v.optional(figure),
      load: v.optional(figure),
    }),
  ),
  name: v.optional(text(100)),
  props: v.optional(props),
});

export const collectSchema = v.object({
  v: v.literal(1),
  sid: token('sid'),
  // Optional: clients from before body ids are still accepted (and not deduplicated).
  bid: v.optional(token('bid')),
  dropped: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e6))),
  hits: v.pipe(v.array(hitSchema), v.minLength(1, 'needs at least one hit'), v.maxLength(MAX_HITS)),
});

export const receiptSchema = v.object({
  v: v.literal(1),
  id: token('id'),
  policy: text(64),
  time: isoTime,
  choices: v.pipe(
    v.record(
      v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be a category key')),
      v.boolean(),
    ),
    v.maxEntries(32),
  ),
  method: v.picklist(['accept-all', 'reject-all', 'custom', 'api', 'withdraw']),
  objection: v.optional(v.picklist(['gpc', 'dnt'])),
  sid: v.optional(token('sid')),
});

export const forgetSchema = v.pipe(
  v.object({
    v: v.literal(1),
    sid: v.optional(token('sid')),
    receipts: v.optional(v.pipe(v.array(token('receipt id')), v.maxLength(100))),
  }),
  v.check((body) => !!body.sid || !!body.receipts?.length, 'needs sid or receipts'),
);

/** A validation failure as the relay reports it. */
export interface FieldError {
  error: string;
  field?: string;
}

/** `hits[0].url` from valibot's path items. */
const fieldName = (issue: v.BaseIssue<unknown>): string | undefined => {
  let name = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    name += typeof key === 'number' ? `[${key}]` : name ? `.${String(key)}` : String(key);
  }
  return name || undefined;
};

/** A valibot issue as the relay reports it: `field: message`, with the field. */
export const describeIssue = (issue: v.BaseIssue<unknown>): FieldError => {
  const field = fieldName(issue);
  return { error: field ? `${field}: ${issue.message}` : issue.message, field };
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = v.pipe(
  v.string(),
  v.regex(DAY, 'must be a day as YYYY-MM-DD'),
  v.check(
    (text) => new Date(Date.parse(`${text}T00:00:00Z`) || 0).toISOString().slice(0, 10) === text,
    'must be a calendar day',
  ),
);

/** Query parameters of `GET /stats`, as strings from the URL. Range rules are checked after defaults. */
export const statsQuerySchema = v.object({
  from: v.optional(day),
  to: v.optional(day),
  page: v.optional(
    v.pipe(v.string(), v.maxLength(MAX_URL), v.regex(/^\//, 'must be a path that starts with /')),
  ),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,3}$/, 'must be a whole number from 1 to 100'),
      v.transform(Number),
      v.minValue(1, 'must be a whole number from 1 to 100'),
      v.maxValue(100, 'must be a whole number from 1 to 100'),
    ),
  ),
});

/** Validates `input`; the first problem is reported with the field it is in. */
export const validate = <S extends v.GenericSchema>(
  schema: S,
  input: unknown,
): { ok: true; value: v.InferOutput<S> } | ({ ok: false } & FieldError) => {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, error: 'body must be a JSON object' };
  }
  if ((input as { v?: unknown }).v !== 1) {
    return { ok: false, error: 'unsupported version: expected "v": 1', field: 'v' };
  }
  const result = v.safeParse(schema, input, { abortEarly: true });
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, ...describeIssue(result.issues[0]) };
};
