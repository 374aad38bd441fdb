/** Characters that render as nothing but split a finding: zero-width space, (non-)joiner, word joiner, BOM, soft hyphen. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/**
 * The text detectors read: NFKC (full-width `１２３` and other compatibility forms become ASCII
 * digits and letters) without invisible characters. Plain ASCII comes back as it is, unchecked.
 */
export const normalizeText = (text: string): string =>
  /[^\u0000-\u007f]/.test(text) ? text.normalize('NFKC').replace(INVISIBLE, '') : text;
