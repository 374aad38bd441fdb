/**
 * Dutch numbers in national form: 10 digits (`06…` mobile, `010…`/`0172…` landlines, `085`,
 * `088`), or the service numbers 0800/0900/0906/0909 with 4 or 7 digits after them.
 */
const NATIONAL = /^0(?:[1-9]\d{8}|(?:800|90[069])\d{4}(?:\d{3})?)$/;

/**
 * Whether `text` is a Dutch phone number as people write it: `06-12345678`, `+31 6 12345678`,
 * `0031612345678`, `+31 (0)20 123 4567`, `(010) 123 4567`, `%2B31…`; separators ignored.
 */
export const isDutchPhone = (text: string): boolean => {
  const plain = text.replace(/%2B/i, '+').replace('(0)', '');
  const digits = plain.replace(/\D/g, '');
  const national = /^(\+|00)/.test(plain) ? `0${digits.replace(/^(00)?31/, '')}` : digits;
  return NATIONAL.test(national);
};
