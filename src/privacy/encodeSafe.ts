/**
 * `encodeURIComponent` that never throws: a lone surrogate (which it refuses) turns the string's
 * surrogates into U+FFFD first. The markers' brackets stay readable (`[email]`, not `%5Bemail%5D`):
 * WHATWG URL leaves `[` and `]` alone in paths and queries.
 */
export const encodeSafe = (text: string): string => {
  let encoded: string;
  try {
    encoded = encodeURIComponent(text);
  } catch {
    encoded = encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\ufffd'));
  }
  return encoded.replace(/%5[BD]/g, decodeURIComponent);
};
