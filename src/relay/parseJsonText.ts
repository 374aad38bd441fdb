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

const COMMA = 0x2c; // ,

/**
 * The first structural problem `JSON.parse` would let through, or `null`: nesting deeper than
 * `max`, or a key repeated in one object (JSON.parse keeps the last one silently, so two
 * readers of the same body could disagree on what it says). One pass, no recursion; strings
 * are skipped. Text that is not JSON at all is left to JSON.parse to report.
 */
const findStructureProblem = (text: string, max: number): string | null => {
  // One entry per open container: the keys seen so far for an object, `null` for an array.
  const open: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const start = i;
      for (i++; i < text.length && text.charCodeAt(i) !== QUOTE; i++) {
        if (text.charCodeAt(i) === BACKSLASH) i++;
      }
      const keys = open[open.length - 1];
      if (expectKey && keys) {
        let key: string;
        try {
          key = JSON.parse(text.slice(start, i + 1)) as string;
        } catch {
          return null; // JSON.parse reports it
        }
        if (keys.has(key)) return `body repeats the key ${JSON.stringify(key)}`;
        keys.add(key);
      }
      expectKey = false;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (open.length >= max) return `body nests deeper than ${max} levels`;
      open.push(c === OPEN_OBJECT ? new Set() : null);
      expectKey = c === OPEN_OBJECT;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      open.pop();
      expectKey = false;
    } else if (c === COMMA) {
      expectKey = open[open.length - 1] != null;
    }
  }
  return null;
};

/**
 * Checks the media type, decodes UTF-8 strictly (invalid bytes are an error, not U+FFFD that
 * would slip past the scrubber) and parses JSON no deeper than the wire format needs, with no
 * byte-order mark and no repeated key.
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
  // TextDecoder strips a leading BOM by default; the raw bytes are checked instead, because
  // a BOM is not JSON (RFC 8259 §8.1) and one tolerant reader hides a sender's bug.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { ok: false, status: 400, error: 'body starts with a byte-order mark' };
  }
  // Before parsing, so a hostile nesting depth never reaches JSON.parse.
  const problem = findStructureProblem(text, MAX_DEPTH);
  if (problem !== null) return { ok: false, status: 400, error: problem };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, status: 400, error: 'body is not valid JSON' };
  }
};
