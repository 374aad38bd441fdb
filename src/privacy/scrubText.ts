import { DETECTORS, HINTS } from './detectors';

/** One pass of every detector whose hint the text shows; `text` itself when it shows none. */
const scrubOnce = (text: string): string => {
  const hints = HINTS.map((hint) => hint.test(text));
  let out = text;
  for (const [name, pattern, check, hint] of DETECTORS) {
    if (!hints[hint]) continue;
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
  for (let pass = 0; pass < 4; pass++) {
    const next = scrubOnce(out);
    if (next === out) break;
    out = next;
  }
  return out;
};
