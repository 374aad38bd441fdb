import { DETECTORS } from './detectors';

/**
 * Replaces personal data in free text with readable markers: `[email]`, `[bsn]`, `[iban]`,
 * `[phone]`, `[postcode]` (postcode with house number), `[ip]`, `[uuid]`, `[jwt]`, `[token]`.
 * Idempotent, total (any string, lone surrogates included; a non-string gives `''`), and linear
 * in the length of the text.
 */
export const scrubText = (text: string): string => {
  if (typeof text !== 'string') return '';
  const hasDigit = /\d/.test(text);
  let out = text;
  for (const [name, pattern, check, needsDigit] of DETECTORS) {
    if (needsDigit && !hasDigit) continue;
    out = out.replace(pattern, (match: string, before: string, finding: string) =>
      check && !check(finding) ? match : `${before}[${name}]`,
    );
  }
  return out;
};
