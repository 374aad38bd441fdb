/** Deepest nesting a body may have. The wire format needs 3 (`hits[].timing.lcp`). */
const MAX_DEPTH = 8;
const OPEN_OBJECT = 0x7b; // {
const OPEN_ARRAY = 0x5b; // [
const CLOSE_OBJECT = 0x7d; // }
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/** Media types a beacon may have. `text/plain` is what `sendBeacon` and the SDK send. */
const ACCEPTED = new Set(['text/plain', 'application/json']);

export type ParsedBody =
  { ok: true; value: unknown } | { ok: false; status: 400 | 415; error: string };

/** True when the JSON text nests no deeper than `max` (strings skipped). One pass, no recursion. */
const nestsAtMost = (text: string, max: number): boolean => {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > max) return false;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth--;
  }
  return true;
};

/**
 * Checks the media type, decodes UTF-8 strictly (invalid bytes are an error, not U+FFFD that
 * would slip past the scrubber) and parses JSON no deeper than the wire format needs.
 */
export const parseJsonBody = (contentType: string | null, bytes: Uint8Array): ParsedBody => {
  const [type, ...params] = (contentType ?? '').toLowerCase().split(';');
  if (!ACCEPTED.has(type.trim())) {
    return { ok: false, status: 415, error: 'content type must be text/plain or application/json' };
  }
  const charset = params.map((p) => p.trim()).find((p) => p.startsWith('charset='));
  if (charset && !/^charset="?utf-8"?$/.test(charset)) {
    return { ok: false, status: 415, error: 'charset must be utf-8' };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, status: 400, error: 'body is not valid UTF-8' };
  }
  if (!nestsAtMost(text, MAX_DEPTH)) {
    return { ok: false, status: 400, error: `body nests deeper than ${MAX_DEPTH} levels` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, status: 400, error: 'body is not valid JSON' };
  }
};
