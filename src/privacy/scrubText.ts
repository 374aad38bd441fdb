import { DETECTORS } from './detectors';

/** Nothing any detector could match: no digit, `@`, `%`, `:`, or run of 20 token characters. */
const CLEAN = /^(?:[^\d@%:\w-]|[a-z_-]{1,19}(?![\w-]))*$/i;

const scrubOnce = (text: string): string => {
  const hasDigit = /\d/.test(text);
  let out = text;
  for (const [name, pattern, check, needsDigit] of DETECTORS) {
    if (needsDigit && !hasDigit) continue;
    out = out.replace(pattern, (match: string, before: string, finding: string) => {
      const found = check ? check(finding) : true;
      return found ? `${before}[${name}]${found === true ? '' : finding.slice(found)}` : match;
    });
  }
  return out;
};

/**
 * Replaces personal data in free text with readable markers: `[email]`, `[bsn]`, `[iban]`,
 * `[phone]`, `[postcode]` (postcode with house number), `[ip]`, `[uuid]`, `[jwt]`, `[token]`.
 * Total (any string, lone surrogates included; a non-string gives `''`) and linear in the length
 * of the text. Idempotent: a replacement can expose a new finding (a marker ends a digit run), so
 * changed text is scanned again until it stays the same.
 */
export const scrubText = (text: string): string => {
  if (typeof text !== 'string') return '';
  let out = text;
  for (let pass = 0; pass < 4 && !CLEAN.test(out); pass++) {
    const next = scrubOnce(out);
    if (next === out) break;
    out = next;
  }
  return out;
};
