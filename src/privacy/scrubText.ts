import { DETECTORS, HINTS } from './detectors';
import { normalizeText } from './normalizeText';

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
 * Finds them also behind full-width digits, compatibility forms and invisible characters (see
 * `normalizeText`). Total (any string, lone surrogates included; a non-string gives `''`) and linear in the length
 * of the text. Idempotent: a replacement can expose a new finding (a marker ends a digit run), so
 * changed text is scanned again until it stays the same.
 */
export const scrubText = (text: string): string => {
  if (typeof text !== 'string') return '';
  // Detection reads the normalised text (`normalizeText`), so full-width digits or a zero-width
  // space cannot hide a finding. Text with no finding comes back exactly as written; text with
  // one comes back normalised, with its markers.
  const normal = normalizeText(text);
  let out = normal;
  for (let pass = 0; pass < 4; pass++) {
    const next = scrubOnce(out);
    if (next === out) break;
    out = next;
  }
  return out === normal ? text : out;
};
